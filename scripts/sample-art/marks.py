"""Logos (flat geometric mark + initials + wordmark) and abstract avatars."""

import math

from PIL import Image, ImageDraw

from catalog import COLORS
from common import font, fit_font, text_center

SS = 3  # supersampling factor: draw large, then scale down for smooth edges
INK = (40, 44, 50)


def regular_polygon(cx, cy, r, n, rotation=0.0):
    return [
        (cx + r * math.cos(rotation + 2 * math.pi * i / n),
         cy + r * math.sin(rotation + 2 * math.pi * i / n))
        for i in range(n)
    ]


def draw_mark(d, shape, cx, cy, r, color, initials):
    """Draw a mark of radius r centred on (cx, cy); returns the initials' colour and centre."""
    white = (255, 255, 255)
    text_cy = cy
    text_color = white
    box = (cx - r, cy - r, cx + r, cy + r)
    if shape == "circle":
        d.ellipse(box, fill=color)
    elif shape == "ring":
        d.ellipse(box, fill=color)
        inner = r * 0.78
        d.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=white)
        inner2 = r * 0.70
        d.ellipse((cx - inner2, cy - inner2, cx + inner2, cy + inner2), outline=color, width=max(2, int(r * 0.03)))
        text_color = color
    elif shape == "hexagon":
        d.polygon(regular_polygon(cx, cy, r, 6, math.pi / 6), fill=color)
    elif shape == "rounded":
        s = r * 0.9
        d.rounded_rectangle((cx - s, cy - s, cx + s, cy + s), radius=r * 0.28, fill=color)
    elif shape == "square":
        s = r * 0.86
        d.rectangle((cx - s, cy - s, cx + s, cy + s), fill=color)
        # a notch in the top-right corner, like a mold insert
        n = s * 0.35
        d.rectangle((cx + s - n, cy - s, cx + s, cy - s + n), fill=white)
    elif shape == "diamond":
        d.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=color)
    elif shape == "gear":
        teeth = 12
        pts = []
        for i in range(teeth * 4):
            a = 2 * math.pi * i / (teeth * 4)
            rr = r if (i % 4) in (1, 2) else r * 0.84
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(pts, fill=color)
    elif shape == "triangle":
        pts = regular_polygon(cx, cy + r * 0.18, r * 1.12, 3, -math.pi / 2)
        d.polygon(pts, fill=color)
        text_cy = cy + r * 0.32
    elif shape == "shield":
        w = r * 0.88
        top = cy - r * 0.92
        mid = cy + r * 0.15
        d.rounded_rectangle((cx - w, top, cx + w, mid + r * 0.1), radius=r * 0.12, fill=color)
        d.polygon([(cx - w, mid), (cx + w, mid), (cx, cy + r)], fill=color)
        # a thin band across the top
        d.rectangle((cx - w, top + r * 0.22, cx + w, top + r * 0.3), fill=white)
        text_cy = cy + r * 0.02
    else:
        raise ValueError(shape)
    return text_color, text_cy


def initials_font_size(shape, r, initials):
    scale = {1: 1.0, 2: 0.78, 3: 0.56, 4: 0.44}.get(len(initials), 0.4)
    if shape == "triangle":
        scale *= 0.78
    if shape in ("ring", "diamond"):
        scale *= 0.86
    return int(r * scale)


def company_logo(entry, path):
    initials, lines, name_ko, _alt_ko, _alt_en, shape, color_name = entry
    W, H = 600 * SS, 300 * SS
    color = COLORS[color_name][2]
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    r = 110 * SS
    cx, cy = 150 * SS, 150 * SS
    text_color, text_cy = draw_mark(d, shape, cx, cy, r, color, initials)
    f = font(True, initials_font_size(shape, r, initials))
    text_center(d, (cx, text_cy), initials, f, text_color)
    # wordmark
    left, right = 285 * SS, 580 * SS
    width = right - left
    size = min(fit_font(line, width, True, 56 * SS) for line in lines)
    f = font(True, size)
    y = 150 * SS - (len(lines) * size * 1.1 + size * 0.6) / 2
    for line in lines:
        d.text((left, y), line, font=f, fill=INK)
        y += size * 1.1
    y += size * 0.2
    fk = font(False, min(int(size * 0.62), fit_font(name_ko, width, False, 40 * SS)))
    d.text((left, y), name_ko, font=fk, fill=color)
    save_flat(img.resize((600, 300), Image.LANCZOS), path)


def institution_logo(entry, path):
    initials, lines, name_ko, _alt_ko, _alt_en, shape, color_name = entry
    W, H = 400 * SS, 400 * SS
    color = COLORS[color_name][2]
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    r = 98 * SS
    cx, cy = 200 * SS, 128 * SS
    text_color, text_cy = draw_mark(d, shape, cx, cy, r, color, initials)
    f = font(True, initials_font_size(shape, r, initials))
    text_center(d, (cx, text_cy), initials, f, text_color)
    width = 360 * SS
    size = min(fit_font(line, width, True, 30 * SS) for line in lines)
    f = font(True, size)
    y = 256 * SS
    for line in lines:
        text_center(d, (200 * SS, y + size / 2), line, f, INK)
        y += size * 1.2
    fk = font(False, min(int(size * 0.95), fit_font(name_ko, width, False, 28 * SS)))
    text_center(d, (200 * SS, y + size * 0.75), name_ko, fk, color)
    save_flat(img.resize((400, 400), Image.LANCZOS), path)


def save_flat(img, path):
    """Flat artwork needs few colours: a 64-colour palette keeps the files small."""
    img.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)


def lighter(color, amount):
    return tuple(int(c + (255 - c) * amount) for c in color)


def darker(color, amount):
    return tuple(int(c * (1 - amount)) for c in color)


def avatar(entry, path):
    initials, _ko, _en, pattern, color_name = entry
    S = 400 * SS
    base = COLORS[color_name][2]
    img = Image.new("RGB", (S, S), base)
    d = ImageDraw.Draw(img)
    a, b = lighter(base, 0.18), darker(base, 0.18)
    if pattern == "circles":
        for (x, y, r, c) in [(0.2, 0.25, 0.35, a), (0.85, 0.3, 0.3, b), (0.3, 0.95, 0.4, b), (0.9, 0.9, 0.32, a)]:
            d.ellipse(((x - r) * S, (y - r) * S, (x + r) * S, (y + r) * S), fill=c)
    elif pattern == "stripes":
        step = S // 8
        for i in range(-8, 16):
            x = i * step
            d.polygon([(x, 0), (x + step // 2, 0), (x + step // 2 - S, S), (x - S, S)], fill=a if i % 2 else b)
    elif pattern == "rings":
        for i, r in enumerate(range(S, 0, -S // 9)):
            c = a if i % 2 else b
            d.ellipse((S * 0.75 - r, S * 0.2 - r, S * 0.75 + r, S * 0.2 + r), fill=c)
    elif pattern == "triangles":
        n = 5
        step = S / n
        for i in range(n):
            for j in range(n):
                x, y = i * step, j * step
                c = a if (i + j) % 2 else b
                d.polygon([(x, y), (x + step, y), (x, y + step)], fill=c)
    elif pattern == "waves":
        for k in range(9):
            y0 = k * S / 8
            pts = [(x, y0 + math.sin(x / S * 4 * math.pi + k) * S * 0.03) for x in range(0, S + 1, 8)]
            d.line(pts, fill=a if k % 2 else b, width=S // 22)
    elif pattern == "dots":
        n = 8
        for i in range(n):
            for j in range(n):
                x, y = (i + 0.5) * S / n, (j + 0.5) * S / n
                r = S / n * (0.18 + 0.12 * ((i * j) % 3))
                d.ellipse((x - r, y - r, x + r, y + r), fill=a)
    elif pattern == "arcs":
        n = 4
        step = S / n
        for i in range(n):
            for j in range(n + 1):
                x, y = i * step, j * step
                c = a if (i + j) % 2 else b
                d.pieslice((x, y - step / 2, x + step, y + step / 2), 0, 180, fill=c)
    elif pattern == "blocks":
        n = 6
        step = S / n
        for i in range(n):
            for j in range(n):
                if (i * 7 + j * 3) % 5 in (0, 2):
                    c = a if (i + j) % 2 else b
                    d.rectangle((i * step + 6, j * step + 6, (i + 1) * step - 6, (j + 1) * step - 6), fill=c)
    # a disc behind the initials keeps them readable on every pattern
    r = S * 0.3
    d.ellipse((S / 2 - r, S / 2 - r, S / 2 + r, S / 2 + r), fill=darker(base, 0.12))
    text_center(d, (S / 2, S / 2), initials, font(True, int(S * 0.24)), (255, 255, 255))
    save_flat(img.resize((400, 400), Image.LANCZOS), path)
