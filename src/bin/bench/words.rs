//! Vocabulary for generated records: Korean nouns that combine into compounds,
//! particles and endings, and their English counterparts.

/// (Korean, English) technical nouns; compounds are made by joining two of them.
pub const NOUNS: &[(&str, &str)] = &[
    ("정밀", "precision"), ("가공", "machining"), ("집적", "integrated"), ("회로", "circuit"), ("전자", "electron"),
    ("현미경", "microscope"), ("레이저", "laser"), ("절삭", "cutting"), ("연삭", "grinding"), ("금형", "mold"),
    ("도금", "plating"), ("용접", "welding"), ("센서", "sensor"), ("반도체", "semiconductor"), ("진동", "vibration"),
    ("소음", "noise"), ("모터", "motor"), ("코팅", "coating"), ("티타늄", "titanium"), ("인코넬", "inconel"),
    ("프레스", "press"), ("사출", "injection"), ("열처리", "annealing"), ("적층", "additive"), ("안테나", "antenna"),
    ("초음파", "ultrasonic"), ("항공기", "aircraft"), ("식품", "food"), ("위생", "hygiene"), ("전력", "power"),
    ("냉각", "cooling"), ("웨이퍼", "wafer"), ("로봇", "robot"), ("그리퍼", "gripper"), ("특허", "patent"),
    ("검사", "inspection"), ("측정", "measurement"), ("베어링", "bearing"), ("기어", "gear"), ("배터리", "battery"),
    ("수소", "hydrogen"), ("박막", "film"), ("광학", "optical"), ("렌즈", "lens"), ("필터", "filter"),
    ("세라믹", "ceramic"), ("복합재", "composite"), ("탄소섬유", "carbon"), ("알루미늄", "aluminium"), ("구리", "copper"),
    ("카메라", "camera"), ("영상", "image"), ("신호", "signal"), ("제어", "control"), ("소프트웨어", "software"),
    ("펌웨어", "firmware"), ("통신", "communication"), ("무선", "wireless"), ("모듈", "module"), ("기판", "substrate"),
    ("배관", "piping"), ("밸브", "valve"), ("펌프", "pump"), ("노즐", "nozzle"), ("금속", "metal"),
    ("수지", "resin"), ("고무", "rubber"), ("유리", "glass"), ("플라즈마", "plasma"), ("진공", "vacuum"),
    ("열교환기", "exchanger"), ("압축기", "compressor"), ("드론", "drone"), ("의료", "medical"), ("카테터", "catheter"),
];

pub const PARTICLES: &[&str] = &["을", "를", "이", "가", "은", "는", "의", "에", "에서", "으로", "로", "와", "과", "도", "까지"];

pub const KO_VERBS: &[&str] = &[
    "개발했습니다.", "적용합니다.", "검증하고", "개선했으며", "양산하고 있습니다.", "연구합니다.", "설계했습니다.",
    "평가했습니다.", "줄였습니다.", "높였습니다.", "도입했고", "시험합니다.", "분석했습니다.", "제안합니다.",
];

pub const KO_FILLERS: &[&str] = &[
    "새로운", "기존", "고객의", "현장에서", "대학과", "공동으로", "짧은", "정확한", "안정적인", "낮은", "높은", "작은",
    "여러", "올해", "지역", "중소기업의", "시제품", "양산", "품질", "비용",
];

pub const EN_VERBS: &[&str] = &[
    "developed", "applies", "validated", "improved", "produces", "studies", "designed", "evaluated", "reduced",
    "raised", "introduced", "tests", "analysed", "proposes",
];

pub const EN_FILLERS: &[&str] = &[
    "new", "existing", "the", "customer", "on", "site", "with", "a", "university", "jointly", "short", "accurate",
    "stable", "low", "high", "small", "several", "this", "year", "regional", "SME", "prototype", "quality", "cost",
];

pub const KO_NAME_ENDS: &[&str] = &["정밀", "공업", "테크", "전자", "기공", "산업", "시스템즈", "머티리얼즈", "랩스", "엔지니어링"];
pub const EN_NAME_ENDS: &[&str] = &["Precision", "Industries", "Tech", "Electronics", "Machinery", "Industrial", "Systems", "Materials", "Labs", "Engineering"];
pub const KO_PLACES: &[&str] = &["다마", "하치오지", "다치카와", "마치다", "오메", "히노", "후추", "아키시마", "고다이라", "미타카", "하무라", "사가미"];
pub const EN_PLACES: &[&str] = &["Tama", "Hachioji", "Tachikawa", "Machida", "Ome", "Hino", "Fuchu", "Akishima", "Kodaira", "Mitaka", "Hamura", "Sagami"];
pub const KO_SURNAMES: &[&str] = &["사토", "스즈키", "다카하시", "다나카", "이토", "와타나베", "야마모토", "나카무라", "고바야시", "가토", "김", "이", "박"];
pub const EN_SURNAMES: &[&str] = &["Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Kim", "Lee", "Park"];
pub const KO_GIVEN: &[&str] = &["하루토", "유이", "소타", "메이", "렌", "아오이", "지훈", "서연", "겐", "나나"];
pub const EN_GIVEN: &[&str] = &["Haruto", "Yui", "Sota", "Mei", "Ren", "Aoi", "Jihoon", "Seoyeon", "Ken", "Nana"];
