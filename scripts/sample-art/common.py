"""Fonts and small text helpers shared by the generators."""

from functools import lru_cache

from PIL import ImageFont

# Noto Sans CJK (SIL Open Font License 1.1), as packaged by Debian (fonts-noto-cjk).
# Face 1 of each collection is the Korean (KR) variant.
NOTO_REGULAR = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
KR_INDEX = 1


@lru_cache(maxsize=None)
def font(bold, size):
    return ImageFont.truetype(NOTO_BOLD if bold else NOTO_REGULAR, int(size), index=KR_INDEX)


def fit_font(text, width, bold, start):
    """The largest size, at most `start`, at which `text` fits in `width` pixels."""
    size = int(start)
    while size > 8 and font(bold, size).getlength(text) > width:
        size -= 1
    return size


def text_center(d, center, text, f, fill):
    d.text(center, text, font=f, fill=fill, anchor="mm")
