"""What the generator draws, and the alt text that goes with each picture.

Everything here is made up for the sample site: the marks are simple
geometric shapes with initials, not the logos of any real organization.
"""

# name: (Korean, English, RGB)
COLORS = {
    "navy": ("남색", "navy", (28, 53, 94)),
    "teal": ("청록색", "teal", (0, 122, 122)),
    "crimson": ("진홍색", "crimson", (172, 32, 52)),
    "orange": ("주황색", "orange", (222, 112, 24)),
    "green": ("초록색", "green", (46, 120, 50)),
    "sky": ("하늘색", "sky-blue", (30, 136, 200)),
    "purple": ("보라색", "purple", (102, 58, 150)),
    "charcoal": ("짙은 회색", "charcoal", (52, 58, 64)),
    "gold": ("황금색", "golden-yellow", (184, 138, 20)),
    "steel": ("청회색", "steel-blue", (66, 96, 122)),
    "vermilion": ("다홍색", "vermilion", (214, 72, 36)),
}

# name: (Korean, English)
SHAPES = {
    "circle": ("원", "circle"),
    "ring": ("고리", "ring"),
    "hexagon": ("육각형", "hexagon"),
    "rounded": ("둥근 사각형", "rounded square"),
    "square": ("정사각형", "square"),
    "diamond": ("마름모", "diamond"),
    "gear": ("톱니바퀴", "gear"),
    "triangle": ("삼각형", "triangle"),
    "shield": ("방패", "shield"),
}

# slug: (initials, English wordmark lines, Korean name on the logo,
#        Korean record name for the alt text, English record name, shape, colour)
COMPANY_LOGOS = {
    "akishima-assembly": ("AA", ["AKISHIMA", "ASSEMBLY"], "아키시마어셈블리", "(주)아키시마어셈블리", "Akishima Assembly", "rounded", "teal"),
    "akishima-drone-works": ("ADW", ["AKISHIMA", "DRONE WORKS"], "아키시마드론웍스", "아키시마드론웍스", "Akishima Drone Works", "triangle", "sky"),
    "fuchu-grinding": ("FG", ["FUCHU", "GRINDING"], "후추연삭공업", "후추연삭공업", "Fuchu Grinding", "gear", "steel"),
    "fuchu-semicon-equipment": ("FSE", ["FUCHU SEMICON", "EQUIPMENT"], "후추반도체장비", "후추반도체장비 주식회사", "Fuchu Semiconductor Equipment", "rounded", "navy"),
    "greenleaf-energy": ("GL", ["GREENLEAF", "ENERGY"], "그린리프에너지", "그린리프에너지", "GreenLeaf Energy", "circle", "green"),
    "hachioji-sensor-labs": ("HSL", ["HACHIOJI", "SENSOR LABS"], "하치오지센서랩스", "(주)하치오지센서랩스", "Hachioji Sensor Labs", "hexagon", "purple"),
    "hamura-composite": ("HC", ["HAMURA", "COMPOSITE"], "하무라컴포지트", "하무라컴포지트 주식회사", "Hamura Composite", "diamond", "charcoal"),
    "hanbit-precision": ("HP", ["HANBIT", "PRECISION"], "한빛정밀", "(주)한빛정밀", "Hanbit Precision", "hexagon", "crimson"),
    "hino-ev-components": ("HEC", ["HINO EV", "COMPONENTS"], "히노EV컴포넌츠", "히노EV컴포넌츠", "Hino EV Components", "circle", "orange"),
    "inagi-measurement": ("IM", ["INAGI", "MEASUREMENT"], "이나기계측", "이나기계측 주식회사", "Inagi Measurement", "ring", "teal"),
    "kodaira-medical-devices": ("KMD", ["KODAIRA", "MEDICAL DEVICES"], "고다이라메디컬디바이스", "고다이라메디컬디바이스", "Kodaira Medical Devices", "circle", "sky"),
    "kodaira-mold": ("KM", ["KODAIRA", "MOLD WORKS"], "고다이라금형제작소", "고다이라금형제작소", "Kodaira Mold Works", "square", "gold"),
    "machida-heat-treat": ("MH", ["MACHIDA", "HEAT TREATING"], "마치다열처리공업소", "마치다열처리공업소", "Machida Heat Treating Works", "circle", "vermilion"),
    "mitaka-optical-coating": ("MOC", ["MITAKA", "OPTICAL COATING"], "미타카광학코팅", "미타카광학코팅", "Mitaka Optical Coating", "ring", "purple"),
    "mitaka-vision-systems": ("MVS", ["MITAKA", "VISION SYSTEMS"], "미타카비전시스템즈", "미타카비전시스템즈 주식회사", "Mitaka Vision Systems", "diamond", "navy"),
    "ome-embedded-solutions": ("OES", ["OME EMBEDDED", "SOLUTIONS"], "오메임베디드솔루션즈", "오메임베디드솔루션즈", "Ome Embedded Solutions", "rounded", "green"),
    "ome-press-works": ("OPW", ["OME", "PRESS WORKS"], "오메프레스공업", "주식회사 오메프레스공업", "Ome Press Works", "hexagon", "charcoal"),
    "sagami-cleanroom-systems": ("SCS", ["SAGAMI", "CLEANROOM SYSTEMS"], "사가미클린룸시스템", "(주)사가미클린룸시스템", "Sagami Cleanroom Systems", "circle", "teal"),
    "sagamihara-3d-factory": ("S3D", ["SAGAMIHARA", "3D FACTORY"], "사가미하라3D팩토리", "사가미하라3D팩토리", "Sagamihara 3D Factory", "triangle", "orange"),
    "tachikawa-laser-tech": ("TLT", ["TACHIKAWA", "LASER TECH"], "다치카와레이저테크", "다치카와레이저테크 주식회사", "Tachikawa Laser Tech", "diamond", "crimson"),
    "tachikawa-rf-labs": ("TRF", ["TACHIKAWA", "RF LABS"], "다치카와RF랩스", "(주)다치카와RF랩스", "Tachikawa RF Labs", "ring", "orange"),
    "tama-ai-inspection": ("TAI", ["TAMA AI", "INSPECTION"], "다마AI인스펙션", "주식회사 다마AI인스펙션", "Tama AI Inspection", "rounded", "purple"),
    "tama-power-devices": ("TPD", ["TAMA POWER", "DEVICES"], "다마파워디바이스", "다마파워디바이스 주식회사", "Tama Power Devices", "hexagon", "gold"),
    "tama-weld-robot": ("TWR", ["TAMA", "WELD ROBOT"], "다마웰드로봇", "주식회사 다마웰드로봇", "Tama Weld Robot", "gear", "vermilion"),
}

INSTITUTION_LOGOS = {
    "hachioji-industry-promotion": ("H", ["HACHIOJI CITY", "INDUSTRY PROMOTION"], "하치오지시 산업진흥과", "하치오지시 산업진흥과", "Hachioji City Industry Promotion Division", "circle", "green"),
    "keiryo-university": ("KU", ["KEIRYO", "UNIVERSITY"], "게이료대학교", "게이료대학교 이공학부", "Keiryo University", "shield", "navy"),
    "musashino-kita-university": ("MKU", ["MUSASHINO-KITA", "UNIVERSITY"], "무사시노키타대학교", "무사시노키타대학교", "Musashino-Kita University", "shield", "green"),
    "sagami-materials-institute": ("SMI", ["SAGAMI MATERIALS", "RESEARCH INSTITUTE"], "사가미재료연구소", "사가미재료연구소", "Sagami Materials Research Institute", "hexagon", "steel"),
    "tama-incubation-center": ("TIC", ["TAMA INCUBATION", "CENTER"], "다마 인큐베이션 센터", "다마 인큐베이션 센터", "Tama Incubation Center", "circle", "orange"),
    "tama-institute-of-technology": ("TT", ["TAMA INSTITUTE", "OF TECHNOLOGY"], "다마공과대학교", "다마공과대학교", "Tama Institute of Technology", "shield", "crimson"),
    "tama-shinkin-bank": ("TSB", ["TAMA", "SHINKIN BANK"], "다마신용금고", "다마신용금고", "Tama Shinkin Bank", "ring", "teal"),
    "tama-tlo": ("TLO", ["TAMA TECHNOLOGY", "LICENSING OFFICE"], "다마 기술이전기관", "다마 기술이전기관(TLO)", "Tama Technology Licensing Office", "diamond", "purple"),
    "west-tokyo-industrial-research-institute": ("WT", ["WEST TOKYO INDUSTRIAL", "TECHNOLOGY RESEARCH INST."], "도쿄서부산업기술연구소", "도쿄서부산업기술연구소", "West Tokyo Industrial Technology Research Institute", "rounded", "sky"),
}

# name: (Korean, English)
PATTERNS = {
    "circles": ("겹친 원", "overlapping circles"),
    "stripes": ("대각선 줄무늬", "diagonal stripes"),
    "rings": ("동심원", "concentric rings"),
    "triangles": ("삼각형 조각", "triangle tiles"),
    "waves": ("물결", "waves"),
    "dots": ("점 격자", "a grid of dots"),
    "arcs": ("반원", "half circles"),
    "blocks": ("사각형 블록", "square blocks"),
}

# slug: (initials, Korean name, English name, pattern, colour)
AVATARS = {
    "coord-park-jiwon": ("JP", "박지원", "Jiwon Park", "circles", "orange"),
    "coord-hayashi-keiko": ("KH", "하야시 게이코", "Keiko Hayashi", "rings", "purple"),
    "coord-ishida-kenta": ("KI", "이시다 겐타", "Kenta Ishida", "stripes", "steel"),
    "coord-nakagawa-yumi": ("YN", "나카가와 유미", "Yumi Nakagawa", "arcs", "teal"),
    "coord-morimoto-takuya": ("TM", "모리모토 다쿠야", "Takuya Morimoto", "blocks", "navy"),
    "coord-chen-meiling": ("MC", "천메이링", "Meiling Chen", "waves", "crimson"),
    "coord-fujimura-shin": ("SF", "후지무라 신", "Shin Fujimura", "dots", "green"),
    "coord-yamane-osamu": ("OY", "야마네 오사무", "Osamu Yamane", "triangles", "gold"),
}


def logo_alt(entry, institution=False):
    initials, lines, _ko_mark, name_ko, name_en, shape, color = entry
    c_ko, c_en, _ = COLORS[color]
    s_ko, s_en = SHAPES[shape]
    words = " ".join(lines)
    where_ko = "아래에" if institution else "오른쪽에"
    where_en = "below" if institution else "beside"
    noun_ko = "이름" if institution else "사명"
    noun_en = "name"
    if shape == "ring":
        letters_ko = f"같은 색 글자 {initials}"
        letters_en = f"{c_en} letters {initials}"
    else:
        letters_ko = f"흰색 글자 {initials}"
        letters_en = f"white letters {initials}"
    ko = (f"{name_ko} 로고: {c_ko} {s_ko} 안에 {letters_ko}, "
          f"{where_ko} 영문 {noun_ko}({words})과 한글 {noun_ko}")
    article = "an" if c_en[0] in "aeiou" else "a"
    en = (f"{name_en} logo: {letters_en} in {article} {c_en} {s_en}, "
          f"with the {noun_en} in English ({words}) and Korean {where_en} it")
    return ko, en


def avatar_alt(entry):
    initials, name_ko, name_en, pattern, color = entry
    c_ko, c_en, _ = COLORS[color]
    p_ko, p_en = PATTERNS[pattern]
    ko = f"{name_ko} 코디네이터의 추상 아바타: {c_ko} 바탕에 {p_ko} 무늬와 흰색 이니셜({initials})"
    en = f"Abstract avatar for coordinator {name_en}: white initials {initials} over {p_en} on a {c_en} background"
    return ko, en


# Illustrations: slug -> (Korean alt, English alt)
EQUIPMENT = {
    "eq-cnc-5axis-machining-center": (
        "5축 수직형 머시닝센터 일러스트: 흰색 기계 덮개의 창 너머로 수직 주축과 기울어진 회전 테이블 위의 임펠러가 보이고, 오른쪽에 조작반이 있다",
        "Illustration of the 5-axis vertical machining center: through the window of a white enclosure, a vertical spindle above an impeller on a tilted rotary table, with the control panel on the right",
    ),
    "eq-cmm-3d-measuring": (
        "3차원 좌표측정기 일러스트: 검은 화강암 정반 위를 가로지르는 흰색 브리지와, 아래로 내려온 프로브가 금속 블록을 측정하는 모습",
        "Illustration of the coordinate measuring machine: a white bridge spanning a black granite table, its probe lowered onto a metal block",
    ),
    "eq-fiber-laser-cutter": (
        "파이버 레이저 절단기 일러스트: 긴 가공 테이블 위의 갠트리와 레이저 헤드가 강판에서 부품 모양을 잘라 내고, 앞쪽에 주황색 보호창이 있다",
        "Illustration of the fibre laser cutter: a gantry and laser head cutting part outlines from a steel sheet on a long bed, behind orange safety windows",
    ),
    "eq-sem-edx": (
        "주사전자현미경 일러스트: 왼쪽에 전자선 경통과 시료실, 책상 위 모니터 두 대에 흑백 현미경 영상과 원소 분석 스펙트럼이 떠 있다",
        "Illustration of the scanning electron microscope: the electron column and specimen chamber on the left, and two monitors on a desk showing a greyscale micrograph and an element spectrum",
    ),
    "eq-x-ray-ct-scanner": (
        "X선 CT 스캐너 일러스트: 차폐 캐비닛 창 안에 X선관, 회전 스테이지 위 시료, 평판 검출기가 나란히 있고 위에 노란 경고등이 있다",
        "Illustration of the X-ray CT scanner: inside the window of a shielded cabinet, the X-ray tube, a sample on a rotary stage and a flat-panel detector in a row, with a yellow warning lamp on top",
    ),
    "eq-thermal-shock-chamber": (
        "냉열충격 시험기 일러스트: 빨간 고온조 표시와 파란 저온조 표시가 있는 세로형 캐비닛, 가운데 시험실 문과 온도 파형을 보여 주는 조작 화면",
        "Illustration of the thermal shock chamber: an upright cabinet marked with a red hot zone and a blue cold zone, a test-zone door in the middle and a control screen showing the temperature cycle",
    ),
    "eq-metal-3d-printer": (
        "금속 3D 프린터 일러스트: 둥근 창 안에서 레이저 점이 분말 위에 층층이 쌓인 부품을 만들고, 오른쪽에 터치 화면과 상태 표시등이 있다",
        "Illustration of the metal 3D printer: through a round window, a laser spot builds a layered part in the powder bed, with a touch screen and a status light on the right",
    ),
    "eq-universal-testing-machine": (
        "만능 재료시험기 일러스트: 기둥 두 개 사이의 크로스헤드와 그립이 아령 모양 시험편을 잡아당기고, 옆 모니터에 응력-변형률 곡선이 있다",
        "Illustration of the universal testing machine: a crosshead and grips between two columns pulling a dog-bone specimen, with a stress-strain curve on the monitor beside it",
    ),
    "eq-emc-anechoic-chamber": (
        "EMC 전파 반무향실 일러스트: 벽과 천장을 덮은 피라미드형 흡수체, 바닥 턴테이블 위의 시험 대상 기기, 오른쪽의 안테나 마스트",
        "Illustration of the EMC semi-anechoic chamber: pyramid absorbers covering the walls and ceiling, a device under test on a floor turntable and an antenna mast on the right",
    ),
    "eq-femtosecond-laser": (
        "펨토초 레이저 가공 시스템 일러스트: 광학 정반 위에서 레이저 본체의 빔이 거울을 거쳐 스캐너 헤드와 XYZ 스테이지 위 시료로 향한다",
        "Illustration of the femtosecond laser system: on an optical table, the beam from the laser head travels via mirrors to a scanner head above a sample on an XYZ stage",
    ),
    "eq-sputtering-system": (
        "마그네트론 스퍼터링 장치 일러스트: 원통형 진공 챔버의 관찰창 안에 보라색 플라스마가 빛나고, 옆에 전원 랙과 진공 펌프가 있다",
        "Illustration of the magnetron sputtering system: a purple plasma glowing in the viewport of a cylindrical vacuum chamber, with a power-supply rack and a vacuum pump beside it",
    ),
}

# (company slug, product index in its products list, file name, Korean alt, English alt)
PRODUCTS = [
    ("hachioji-sensor-labs", 1, "hsl-h2",
     "HSL-H2 수소 센서 일러스트: 초록색 기판 위에 실장된, 철망 덮개가 있는 정사각형 센서 패키지",
     "Illustration of the HSL-H2 hydrogen sensor: a square sensor package with a mesh cap, mounted on a green circuit board"),
    ("tachikawa-rf-labs", 0, "trl-pa28",
     "TRL-PA28 안테나 모듈 일러스트: 짙은 색 기판 위에 4×4로 배열된 금색 패치 안테나 16개",
     "Illustration of the TRL-PA28 antenna module: a 4 × 4 array of 16 gold patch antennas on a dark circuit board"),
    ("tama-power-devices", 0, "tpd-s12",
     "TPD-S12 SiC 모듈 일러스트: 회색 수지 케이스 위에 구리 단자 세 개와 신호 핀 줄이 있는 파워 모듈",
     "Illustration of the TPD-S12 SiC module: a grey resin-cased power module with three copper terminals and rows of signal pins"),
    ("akishima-drone-works", 0, "adw-arch",
     "ADW-Arch 점검 드론 일러스트: 위에서 본 X자형 카본 프레임과 프로펠러 네 개, 가운데 동체 위의 LiDAR와 카메라",
     "Illustration of the ADW-Arch inspection drone: seen from above, an X-shaped carbon frame with four propellers, and the LiDAR and camera on top of the central body"),
]

STORIES = {
    "story-sic-cold-plate": (
        "격자 냉각판 일러스트: 단면을 잘라 낸 냉각판 안에 물결 모양 격자 유로가 보이고, 위의 파워 모듈에서 붉은색에서 파란색으로 열이 빠져나간다",
        "Illustration of the lattice cold plate: a cut-away plate reveals wavy lattice channels, with heat shading from red under the power module to blue",
    ),
    "story-drone-composite-frame": (
        "드론 프레임 이음부 일러스트: 직조 무늬의 CFRP 파이프 세 개가 격자 구조의 티타늄 3D 프린팅 이음쇠에 끼워져 있다",
        "Illustration of the drone frame joint: three woven-pattern CFRP tubes fitted into a 3D-printed titanium node with a lattice structure",
    ),
    "story-weld-seam-tracking": (
        "용접 로봇 일러스트: 협동로봇 팔 끝의 토치가 빨간 레이저 선을 따라 두 강판의 이음매를 용접하며 불꽃이 튄다",
        "Illustration of the welding robot: the torch on a collaborative robot arm follows a red laser line along the seam between two steel plates, throwing sparks",
    ),
}

SPEC_SHEETS = [
    "eq-cnc-5axis-machining-center",
    "eq-cmm-3d-measuring",
    "eq-x-ray-ct-scanner",
    "eq-sem-edx",
    "eq-universal-testing-machine",
]
