"""Spec-sheet PDFs for shared equipment, and the membership application form
as PDF and DOCX.

The PDFs carry real, selectable text. reportlab embeds only TrueType
(glyf) fonts, and the Korean fonts on a Debian machine (Noto Sans CJK) have
PostScript (CFF) outlines, so the Korean face is first cut down to the
characters these documents use and converted to TrueType outlines with
fontTools. The result is embedded (as a subset) in each PDF.
"""

import glob
import io
import os

import yaml
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont as FTFont
from fontTools.ttLib import newTable
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Image as RLImage, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from common import KR_INDEX, NOTO_BOLD, NOTO_REGULAR

HERE = os.path.dirname(os.path.abspath(__file__))
NAVY = colors.HexColor("#1c355e")
LINE = colors.HexColor("#b8c2cc")
SHADE = colors.HexColor("#eef2f6")

# ---------------------------------------------------------------------------
# Fonts


def _cff_to_glyf(font):
    """Replace a font's CFF outlines with quadratic TrueType outlines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    for tag in ("VORG", "vhea", "vmtx"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def register_fonts(text, workdir):
    """Register 'KR' and 'KR-Bold' with reportlab, subset to the characters in `text`."""
    for name, path in (("KR", NOTO_REGULAR), ("KR-Bold", NOTO_BOLD)):
        font = FTFont(path, fontNumber=KR_INDEX, lazy=False)
        options = subset.Options()
        options.desubroutinize = True
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.layout_features = []
        sub = subset.Subsetter(options)
        sub.populate(text=text)
        sub.subset(font)
        _cff_to_glyf(font)
        out = os.path.join(workdir, f"{name}.ttf")
        font.save(out)
        pdfmetrics.registerFont(TTFont(name, out))


# ---------------------------------------------------------------------------
# Reading the records


def load_record(content, kind, slug):
    for ext in (".yaml", ".md"):
        path = os.path.join(content, kind, slug + ext)
        if os.path.exists(path):
            text = open(path, encoding="utf-8").read()
            if ext == ".md":
                text = text.split("---", 2)[1]
            return yaml.safe_load(text)
    raise FileNotFoundError(f"{kind}/{slug}")


def loc(value, lang):
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("ko"))
    return str(value)


# Details that the spec sheets add to the record's own specification list.
EXTRA_SPECS = {
    "eq-cnc-5axis-machining-center": [
        ({"ko": "공구 매거진", "en": "Tool magazine"}, {"ko": "30개 (HSK-A63)", "en": "30 tools (HSK-A63)"}),
        ({"ko": "테이블 지름", "en": "Table diameter"}, "ø500 mm"),
        ({"ko": "CAM 소프트웨어", "en": "CAM software"}, {"ko": "연구소 PC 2대에 설치 (동시 5축 모듈 포함)", "en": "Installed on two institute PCs, with the simultaneous 5-axis module"}),
        ({"ko": "절삭유", "en": "Coolant"}, {"ko": "수용성, 주축 관통 7 MPa", "en": "Water-soluble, 7 MPa through-spindle"}),
    ],
    "eq-cmm-3d-measuring": [
        ({"ko": "측정 소프트웨어", "en": "Measuring software"}, {"ko": "기하 공차 평가, CAD 비교, 자동 측정 프로그램", "en": "Geometric tolerancing, CAD comparison, automatic part programs"}),
        ({"ko": "스타일러스", "en": "Styli"}, {"ko": "루비 볼 ø0.5–ø8 mm, 별형 스타일러스", "en": "Ruby balls ø0.5–ø8 mm, star styli"}),
        ({"ko": "데이터 출력", "en": "Data output"}, "PDF, CSV, DMO"),
    ],
    "eq-x-ray-ct-scanner": [
        ({"ko": "최대 관전류", "en": "Maximum tube current"}, "1 mA"),
        ({"ko": "재구성 방식", "en": "Reconstruction"}, {"ko": "FDK 콘빔 재구성, 나선 스캔 지원", "en": "FDK cone-beam reconstruction, helical scanning"}),
        ({"ko": "해석 기능", "en": "Analysis"}, {"ko": "공극률 해석, CAD 대비 치수 비교, 벽 두께 해석", "en": "Porosity analysis, nominal-actual comparison with CAD, wall-thickness analysis"}),
    ],
    "eq-sem-edx": [
        ({"ko": "검출기", "en": "Detectors"}, {"ko": "2차전자, 반사전자, 저진공 2차전자", "en": "Secondary electron, backscattered electron, low-vacuum secondary electron"}),
        ({"ko": "저진공 모드", "en": "Low-vacuum mode"}, "10–150 Pa"),
        ({"ko": "EDX 분석 기능", "en": "EDX functions"}, {"ko": "점 분석, 선 분석, 원소 매핑", "en": "Point analysis, line scans, element mapping"}),
    ],
    "eq-universal-testing-machine": [
        ({"ko": "로드셀", "en": "Load cells"}, "250 kN, 10 kN, 1 kN"),
        ({"ko": "시험 공간 폭", "en": "Test-space width"}, "600 mm"),
        ({"ko": "그립", "en": "Grips"}, {"ko": "유압 웨지 그립, 압축판, 3점·4점 굽힘 지그", "en": "Hydraulic wedge grips, compression platens, 3- and 4-point bending fixtures"}),
    ],
}

# ---------------------------------------------------------------------------
# Spec sheets

T = {
    "ko": {
        "band": "다마 산업 클러스터 · 설비 공동이용 사양서",
        "owner": "보유 기관", "maker": "제조사", "model": "모델", "year": "도입 연도", "place": "설치 장소",
        "overview": "개요", "specs": "주요 사양", "item": "항목", "value": "사양",
        "conditions": "이용 조건", "fee": "이용 요금", "booking": "예약", "contact": "담당자",
        "open": "외부 이용 가능", "closed": "외부 이용 불가",
        "note": "이 사양서는 다마 산업 클러스터 샘플 사이트를 위해 만든 가상의 자료입니다. 설비, 제조사, 기관은 모두 실재하지 않습니다. CC0 1.0.",
        "page": "쪽",
    },
    "en": {
        "band": "Tama Industrial Cluster · Shared equipment specification sheet",
        "owner": "Owner", "maker": "Maker", "model": "Model", "year": "Installed", "place": "Location",
        "overview": "Overview", "specs": "Main specifications", "item": "Item", "value": "Specification",
        "conditions": "Conditions of use", "fee": "Fees", "booking": "Booking", "contact": "Contact",
        "open": "Open to outside users", "closed": "Not open to outside users",
        "note": "This specification sheet is fictional material made for the Tama Industrial Cluster sample site. The equipment, makers and institutions do not exist. CC0 1.0.",
        "page": "page",
    },
}


def styles():
    base = ParagraphStyle("body", fontName="KR", fontSize=9.5, leading=14.5, alignment=TA_LEFT, textColor=colors.HexColor("#22262b"))
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#5b6470")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        "cellb": ParagraphStyle("cellb", parent=base, fontName="KR-Bold", fontSize=9, leading=13),
        "h1": ParagraphStyle("h1", parent=base, fontName="KR-Bold", fontSize=17, leading=23, textColor=NAVY, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName="KR-Bold", fontSize=11.5, leading=16, textColor=NAVY, spaceBefore=7, spaceAfter=3),
    }


def esc(text):
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("  ", "&nbsp; ")  # keep the gaps a form leaves for writing


def page_frame(band):
    def draw(canvas, doc):
        canvas.saveState()
        w, h = A4
        canvas.setFillColor(NAVY)
        canvas.rect(0, h - 16 * mm, w, 16 * mm, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont("KR-Bold", 10)
        canvas.drawString(18 * mm, h - 10 * mm, band)
        canvas.setFillColor(colors.HexColor("#5b6470"))
        canvas.setFont("KR", 8)
        canvas.drawRightString(w - 18 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()
    return draw


def info_table(rows, st, widths):
    data = [[Paragraph(esc(k), st["cellb"]), Paragraph(esc(v), st["cell"])] for k, v in rows]
    t = Table(data, colWidths=widths)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, LINE),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return t


def spec_story(rec, owner, lang, st, picture):
    t = T[lang]
    out = [Paragraph(esc(loc(rec["name"], lang)), st["h1"])]
    status = t["open"] if rec.get("open") else t["closed"]
    out.append(Paragraph(esc(f"{rec.get('maker', '')} {rec.get('model', '')} · {status}"), st["small"]))
    out.append(Spacer(1, 4 * mm))
    loc_ = rec.get("location", {})
    place = ", ".join(x for x in (loc(loc_.get("building", ""), lang), loc(loc_.get("room", ""), lang)) if x)
    facts = [
        (t["owner"], loc(owner["name"], lang)),
        (t["maker"], rec.get("maker", "")),
        (t["model"], rec.get("model", "")),
        (t["year"], str(rec.get("year", ""))),
        (t["place"], f"{place} — {loc(rec.get('address', ''), lang)}"),
    ]
    left = info_table(facts, st, [26 * mm, 66 * mm])
    if picture:
        img = RLImage(picture, width=72 * mm, height=48 * mm)
        top = Table([[left, img]], colWidths=[96 * mm, 78 * mm])
        top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out.append(top)
    else:
        out.append(left)
    out.append(Paragraph(t["overview"], st["h2"]))
    out.append(Paragraph(esc(loc(rec.get("summary", ""), lang)), st["body"]))
    out.append(Paragraph(t["specs"], st["h2"]))
    rows = [(loc(s["label"], lang), loc(s["value"], lang)) for s in rec.get("specs", [])]
    rows += [(loc(k, lang), loc(v, lang)) for k, v in EXTRA_SPECS.get(rec["_slug"], [])]
    out.append(info_table(rows, st, [52 * mm, 122 * mm]))
    out.append(Paragraph(t["conditions"], st["h2"]))
    out.append(Paragraph(esc(loc(rec.get("conditions", ""), lang)), st["body"]))
    out.append(Paragraph(t["fee"], st["h2"]))
    out.append(Paragraph(esc(loc(rec.get("fee", ""), lang)), st["body"]))
    contact = rec.get("contact", {})
    out.append(Paragraph(f"{t['booking']} · {t['contact']}", st["h2"]))
    out.append(info_table([
        (t["booking"], rec.get("booking", "")),
        (t["contact"], f"{loc(contact.get('name', ''), lang)} <{contact.get('email', '')}>"),
    ], st, [26 * mm, 148 * mm]))
    out.append(Spacer(1, 3 * mm))
    out.append(Paragraph(esc(t["note"]), st["small"]))
    return out


def spec_sheet(content, slug, picture_path, out_path):
    rec = load_record(content, "equipment", slug)
    rec["_slug"] = slug
    kind, owner_slug = rec["owner"].split("/", 1)
    owner = load_record(content, kind, owner_slug)
    st = styles()
    picture = None
    if picture_path and os.path.exists(picture_path):
        im = Image.open(picture_path).convert("RGB")
        im.thumbnail((540, 360))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=72, optimize=True)
        buf.seek(0)
        picture = buf
    story = spec_story(rec, owner, "ko", st, picture)
    story.append(PageBreak())
    if picture:
        picture.seek(0)
    story += spec_story(rec, owner, "en", st, picture)
    doc = SimpleDocTemplate(out_path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=24 * mm,
                            bottomMargin=18 * mm, title=f"{loc(rec['name'], 'en')} — specification sheet",
                            author="Tama Industrial Cluster (sample site)", subject=loc(rec["name"], "ko"),
                            creator="scripts/sample-art", invariant=1)
    bands = [T["ko"]["band"], T["en"]["band"]]

    def on_page(canvas, d):
        page_frame(bands[min(d.page, 2) - 1])(canvas, d)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


# ---------------------------------------------------------------------------
# Membership application form

FORM_TITLE = ("다마 산업 클러스터 입회 신청서", "Tama Industrial Cluster — Membership application")
FORM_INTRO = (
    "아래 항목을 적어 사무국에 이메일(office@cluster.example.org)이나 우편으로 보내 주십시오. "
    "회원 구분과 연회비는 ‘회원 구분과 연회비’ 페이지를 참고하십시오. * 표시는 필수 항목입니다.",
    "Fill in the fields below and send the form to the secretariat by email (office@cluster.example.org) "
    "or by post. See the ‘Membership classes and fees’ page for classes and annual fees. Fields marked * are required.",
)
FORM_SECTIONS = [
    (("1. 신청 기관", "1. Applicant"), [
        ("회사·기관명 *", "Company or organization name *"),
        ("회사·기관명 (영문)", "Name in English"),
        ("대표자 직함·성명 *", "Representative: title and name *"),
        ("소재지 (우편번호) *", "Address (postal code) *"),
        ("대표 전화", "Main telephone"),
        ("웹사이트", "Website"),
        ("설립 연도 / 종업원 수 *", "Year founded / number of employees *"),
        ("자본금", "Paid-in capital"),
    ]),
    (("2. 신청 회원 구분 *", "2. Membership class applied for *"), [
        ("□ 일반회원   □ 찬조회원 (   구좌)   □ 협력회원", "□ General   □ Supporting (   units)   □ Cooperating"),
    ]),
    (("3. 사업 내용", "3. Business"), [
        ("기업 유형", "Company type"),
        ("주요 제품·서비스", "Main products and services"),
        ("핵심 기술", "Core technologies"),
        ("산업 분야", "Industries"),
        ("클러스터에 기대하는 지원", "Support you expect from the cluster"),
    ]),
    (("4. 실무 담당자", "4. Contact person"), [
        ("부서·직함·성명 *", "Department, title and name *"),
        ("이메일 *", "Email *"),
        ("전화", "Telephone"),
    ]),
    (("5. 디렉터리 공개 동의", "5. Consent to publication in the directory"), [
        ("□ 회사명, 소재지, 사업 내용, 대표 연락처를 회원 디렉터리에 공개하는 데 동의합니다.",
         "□ I agree that our name, address, business and main contact details are published in the member directory."),
        ("□ 실무 담당자 개인의 이메일·전화도 공개합니다 (선택).",
         "□ The contact person's own email and telephone may also be published (optional)."),
    ]),
]
FORM_SIGN = ("위와 같이 다마 산업 클러스터 입회를 신청합니다.      신청일:      년    월    일      대표자 서명:",
             "We apply for membership of the Tama Industrial Cluster as above.      Date:                Signature of representative:")
FORM_OFFICE = ("사무국 기재란 — 접수일 / 접수 번호 / 회원 구분 확인 / 연회비 청구", "For the secretariat — received / number / class confirmed / fee invoiced")
FORM_NOTE = ("이 서식은 샘플 사이트를 위해 만든 가상의 서식입니다. CC0 1.0.",
             "This form is fictional material made for the sample site. CC0 1.0.")


def form_pdf(out_path):
    st = styles()
    story = [Paragraph(esc(FORM_TITLE[0]), st["h1"]), Paragraph(esc(FORM_TITLE[1]), st["small"]), Spacer(1, 3 * mm),
             Paragraph(esc(FORM_INTRO[0]), st["small"]), Paragraph(esc(FORM_INTRO[1]), st["small"])]
    for (head_ko, head_en), fields in FORM_SECTIONS:
        story.append(Paragraph(f"{esc(head_ko)} <font size=8 color='#5b6470'>{esc(head_en)}</font>", st["h2"]))
        if len(fields) == 1 or head_ko.startswith("5."):
            rows = [[Paragraph(f"{esc(k)}<br/><font size=7.5 color='#5b6470'>{esc(e)}</font>", st["cell"])] for k, e in fields]
            t = Table(rows, colWidths=[174 * mm])
        else:
            rows = [[Paragraph(f"{esc(k)}<br/><font size=7.5 color='#5b6470'>{esc(e)}</font>", st["cell"]), ""] for k, e in fields]
            t = Table(rows, colWidths=[58 * mm, 116 * mm], rowHeights=[10.5 * mm] * len(rows))
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, LINE),
            ("BACKGROUND", (0, 0), (0, -1), SHADE) if len(fields) > 1 and not head_ko.startswith("5.") else ("BACKGROUND", (0, 0), (0, 0), colors.white),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]))
        story.append(t)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(esc(FORM_SIGN[0]), st["cell"]))
    story.append(Paragraph(esc(FORM_SIGN[1]), st["small"]))
    story.append(Spacer(1, 5 * mm))
    office = Table([[Paragraph(f"{esc(FORM_OFFICE[0])}<br/><font size=7.5>{esc(FORM_OFFICE[1])}</font>", st["small"])]],
                   colWidths=[174 * mm], rowHeights=[16 * mm])
    office.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, LINE), ("BACKGROUND", (0, 0), (-1, -1), SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(office)
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(esc(FORM_NOTE[0] + " " + FORM_NOTE[1]), st["small"]))
    doc = SimpleDocTemplate(out_path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=22 * mm,
                            bottomMargin=14 * mm, title=FORM_TITLE[1], author="Tama Industrial Cluster (sample site)",
                            subject=FORM_TITLE[0], creator="scripts/sample-art", invariant=1)
    frame = page_frame("다마 산업 클러스터 사무국 · Tama Industrial Cluster Secretariat")
    doc.build(story, onFirstPage=frame, onLaterPages=frame)


def form_docx(out_path):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Noto Sans CJK KR"
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK KR")
    core = doc.core_properties
    core.title = FORM_TITLE[1]
    core.author = "Tama Industrial Cluster (sample site)"
    core.subject = FORM_TITLE[0]
    core.comments = FORM_NOTE[1]
    # a fixed date keeps the file byte-stable between runs
    import datetime
    core.created = core.modified = datetime.datetime(2026, 11, 1, 9, 0, 0)
    core.last_modified_by = "scripts/sample-art"
    core.revision = 1

    h = doc.add_heading(FORM_TITLE[0], level=1)
    p = doc.add_paragraph(FORM_TITLE[1])
    p.runs[0].font.color.rgb = RGBColor(0x5B, 0x64, 0x70)
    doc.add_paragraph(FORM_INTRO[0])
    doc.add_paragraph(FORM_INTRO[1]).runs[0].font.size = Pt(9)
    for (head_ko, head_en), fields in FORM_SECTIONS:
        doc.add_heading(f"{head_ko}  {head_en}", level=2)
        single = len(fields) == 1 or head_ko.startswith("5.")
        table = doc.add_table(rows=len(fields), cols=1 if single else 2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for row, (k, e) in zip(table.rows, fields):
            cell = row.cells[0]
            cell.text = k
            run = cell.paragraphs[0].add_run("\n" + e)
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x5B, 0x64, 0x70)
    doc.add_paragraph()
    doc.add_paragraph(FORM_SIGN[0])
    doc.add_paragraph(FORM_SIGN[1]).runs[0].font.size = Pt(9)
    doc.add_paragraph(f"{FORM_OFFICE[0]}\n{FORM_OFFICE[1]}").runs[0].font.size = Pt(8)
    doc.add_paragraph(f"{FORM_NOTE[0]} {FORM_NOTE[1]}").runs[0].font.size = Pt(8)
    del h
    doc.save(out_path)


def used_text(content):
    """Every character the PDFs may need: this file's strings and the records they quote."""
    chars = set(open(__file__, encoding="utf-8").read())
    for path in glob.glob(os.path.join(content, "equipment", "*.yaml")) + glob.glob(os.path.join(content, "institutions", "*.md")) + glob.glob(os.path.join(content, "companies", "*.md")):
        chars |= set(open(path, encoding="utf-8").read())
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    return "".join(sorted(c for c in chars if c >= " "))
