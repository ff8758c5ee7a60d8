"""Generate the sample site's artwork and documents into content/media/.

    python generate.py            # write every file
    python generate.py --refs     # print the front-matter fields that point at them

See README.md in this folder.
"""

import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import catalog  # noqa: E402
import documents  # noqa: E402
import equipment  # noqa: E402
import marks  # noqa: E402
import pictures  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
CONTENT = os.path.join(ROOT, "content")
MEDIA = os.path.join(CONTENT, "media")
LIMIT = 150 * 1024


def out(*parts):
    path = os.path.join(MEDIA, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def generate():
    written = []
    for slug, entry in catalog.COMPANY_LOGOS.items():
        marks.company_logo(entry, out("logos", f"{slug}.png"))
        written.append(out("logos", f"{slug}.png"))
    for slug, entry in catalog.INSTITUTION_LOGOS.items():
        marks.institution_logo(entry, out("logos", f"{slug}.png"))
        written.append(out("logos", f"{slug}.png"))
    for slug, entry in catalog.AVATARS.items():
        marks.avatar(entry, out("people", f"{slug}.png"))
        written.append(out("people", f"{slug}.png"))
    for slug, draw in equipment.SCENES.items():
        draw(out("equipment", f"{slug}.jpg"))
        written.append(out("equipment", f"{slug}.jpg"))
    for _company, _index, name, _ko, _en in catalog.PRODUCTS:
        pictures.PRODUCT_PICTURES[name](out("products", f"{name}.jpg"))
        written.append(out("products", f"{name}.jpg"))
    for slug in catalog.STORIES:
        pictures.STORY_PICTURES[slug](out("stories", f"{slug}.jpg"))
        written.append(out("stories", f"{slug}.jpg"))
    with tempfile.TemporaryDirectory() as work:
        documents.register_fonts(documents.used_text(CONTENT), work)
        for slug in catalog.SPEC_SHEETS:
            path = out("spec-sheets", f"{slug}.pdf")
            documents.spec_sheet(CONTENT, slug, os.path.join(MEDIA, "equipment", f"{slug}.jpg"), path)
            written.append(path)
        documents.form_pdf(out("forms", "membership-application.pdf"))
        documents.form_docx(out("forms", "membership-application.docx"))
        written += [out("forms", "membership-application.pdf"), out("forms", "membership-application.docx")]
    total = 0
    for path in written:
        size = os.path.getsize(path)
        total += size
        flag = "  TOO BIG" if size > LIMIT else ""
        print(f"{size:>8}  {os.path.relpath(path, ROOT)}{flag}")
    print(f"{total:>8}  total for {len(written)} files")


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def refs():
    """Print, per record, the fields to add to its front matter."""
    for slug, entry in catalog.COMPANY_LOGOS.items():
        ko, en = catalog.logo_alt(entry)
        print(f"# companies/{slug}\nlogo:\n  src: logos/{slug}.png\n  alt:\n    ko: {q(ko)}\n    en: {q(en)}\n")
    for slug, entry in catalog.INSTITUTION_LOGOS.items():
        ko, en = catalog.logo_alt(entry, institution=True)
        print(f"# institutions/{slug}\nlogo:\n  src: logos/{slug}.png\n  alt:\n    ko: {q(ko)}\n    en: {q(en)}\n")
    for slug, entry in catalog.AVATARS.items():
        ko, en = catalog.avatar_alt(entry)
        print(f"# coordinators/{slug}\nphoto:\n  src: people/{slug}.png\n  alt:\n    ko: {q(ko)}\n    en: {q(en)}\n")
    for slug, (ko, en) in catalog.EQUIPMENT.items():
        print(f"# equipment/{slug}\nimages:\n  - src: equipment/{slug}.jpg\n    alt:\n      ko: {q(ko)}\n      en: {q(en)}")
        if slug in catalog.SPEC_SHEETS:
            print(f"documents:\n  - src: spec-sheets/{slug}.pdf\n    title: {{ ko: 사양서, en: Specification sheet }}")
        print()
    for company, index, name, ko, en in catalog.PRODUCTS:
        print(f"# companies/{company}, product {index}\n    images:\n      - src: products/{name}.jpg\n        alt:\n          ko: {q(ko)}\n          en: {q(en)}\n")
    for slug, (ko, en) in catalog.STORIES.items():
        print(f"# success-stories/{slug}\nimages:\n  - src: stories/{slug}.jpg\n    alt:\n      ko: {q(ko)}\n      en: {q(en)}\n")


if __name__ == "__main__":
    if "--refs" in sys.argv:
        refs()
    else:
        generate()
