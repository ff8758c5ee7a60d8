"""A small drawing canvas for flat, slightly three-dimensional illustrations.

Coordinates are given at the output size; the canvas draws at SS times that
size and scales down at the end, which smooths every edge.
"""

import math

from PIL import Image, ImageDraw, ImageFilter

from common import font

SS = 2


def mix(a, b, t):
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def lighter(c, t):
    return mix(c, (255, 255, 255), t)


def darker(c, t):
    return mix(c, (0, 0, 0), t)


class Canvas:
    def __init__(self, w, h, background=(236, 239, 242)):
        self.w, self.h = w, h
        self.img = Image.new("RGB", (w * SS, h * SS), background)
        self.d = ImageDraw.Draw(self.img)

    # -- coordinates -------------------------------------------------------
    @staticmethod
    def s(v):
        return v * SS

    def pts(self, points):
        return [(x * SS, y * SS) for x, y in points]

    def box(self, b):
        return tuple(v * SS for v in b)

    # -- primitives --------------------------------------------------------
    def rect(self, b, fill, outline=None, width=1):
        self.d.rectangle(self.box(b), fill=fill, outline=outline, width=width * SS)

    def rrect(self, b, r, fill, outline=None, width=1):
        self.d.rounded_rectangle(self.box(b), radius=r * SS, fill=fill, outline=outline, width=width * SS)

    def poly(self, points, fill, outline=None, width=1):
        self.d.polygon(self.pts(points), fill=fill, outline=outline, width=width * SS)

    def ellipse(self, b, fill, outline=None, width=1):
        self.d.ellipse(self.box(b), fill=fill, outline=outline, width=width * SS)

    def circle(self, cx, cy, r, fill, outline=None, width=1):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def line(self, points, fill, width=1):
        self.d.line(self.pts(points), fill=fill, width=max(1, int(width * SS)), joint="curve")

    def text(self, xy, text, size, fill, bold=False, anchor="la"):
        self.d.text((xy[0] * SS, xy[1] * SS), text, font=font(bold, size * SS), fill=fill, anchor=anchor)

    # -- composite elements -----------------------------------------------
    def wall_and_floor(self, floor_y, wall=((226, 232, 238), (206, 214, 222)), floor=((178, 184, 190), (150, 156, 162))):
        top, bottom = wall
        for y in range(0, floor_y * SS):
            self.d.line([(0, y), (self.w * SS, y)], fill=mix(top, bottom, y / (floor_y * SS)))
        f0, f1 = floor
        span = (self.h - floor_y) * SS
        for y in range(floor_y * SS, self.h * SS):
            self.d.line([(0, y), (self.w * SS, y)], fill=mix(f0, f1, (y - floor_y * SS) / span))
        self.d.line([(0, floor_y * SS), (self.w * SS, floor_y * SS)], fill=darker(bottom, 0.15), width=2 * SS)

    def shadow(self, b, strength=90, blur=18):
        """A soft elliptical shadow on the floor."""
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse(self.box(b), fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(blur * SS))
        dark = Image.new("RGB", self.img.size, (40, 44, 50))
        self.img = Image.composite(dark, self.img, mask)
        self.d = ImageDraw.Draw(self.img)

    def glow(self, cx, cy, r, color, strength=200):
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse(self.box((cx - r, cy - r, cx + r, cy + r)), fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(r * SS * 0.6))
        self.img = Image.composite(Image.new("RGB", self.img.size, color), self.img, mask)
        self.d = ImageDraw.Draw(self.img)

    def block(self, x, y, w, h, depth, color, top=None, side=None):
        """A box seen slightly from above and to the right: front, top and side faces."""
        dx, dy = depth * 0.55, depth * 0.32
        self.poly([(x, y), (x + dx, y - dy), (x + w + dx, y - dy), (x + w, y)], top or lighter(color, 0.25))
        self.poly([(x + w, y), (x + w + dx, y - dy), (x + w + dx, y + h - dy), (x + w, y + h)], side or darker(color, 0.18))
        self.rect((x, y, x + w, y + h), color)

    def cylinder(self, cx, top, bottom, rx, color, ry=None):
        """An upright cylinder."""
        ry = ry if ry is not None else rx * 0.28
        self.rect((cx - rx, top, cx + rx, bottom), color)
        # shading: a darker right third, a light stripe
        self.rect((cx + rx * 0.35, top, cx + rx, bottom), darker(color, 0.12))
        self.rect((cx - rx * 0.55, top, cx - rx * 0.35, bottom), lighter(color, 0.2))
        self.ellipse((cx - rx, bottom - ry, cx + rx, bottom + ry), darker(color, 0.12))
        self.ellipse((cx - rx, top - ry, cx + rx, top + ry), lighter(color, 0.3))

    def window(self, b, glass=(58, 78, 96), frame=(120, 128, 136), r=6):
        x0, y0, x1, y1 = b
        self.rrect((x0 - 6, y0 - 6, x1 + 6, y1 + 6), r + 4, frame)
        self.rrect(b, r, glass)

    def glare(self, b, alpha=0.16):
        """Two diagonal light streaks across a window."""
        x0, y0, x1, y1 = b
        w, h = x1 - x0, y1 - y0
        layer = Image.new("L", self.img.size, 0)
        ld = ImageDraw.Draw(layer)
        for off, width in ((0.18, 0.12), (0.40, 0.05)):
            a = x0 + w * off
            ld.polygon(self.pts([(a, y0), (a + w * width, y0), (a + w * width - h * 0.6, y1), (a - h * 0.6, y1)]), fill=int(255 * alpha))
        clip = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(clip).rectangle(self.box(b), fill=255)
        layer = Image.composite(layer, Image.new("L", self.img.size, 0), clip)
        self.img = Image.composite(Image.new("RGB", self.img.size, (255, 255, 255)), self.img, layer)
        self.d = ImageDraw.Draw(self.img)

    def screen(self, b, bg=(22, 30, 40)):
        x0, y0, x1, y1 = b
        self.rrect((x0 - 8, y0 - 8, x1 + 8, y1 + 8), 8, (40, 44, 50))
        self.rect(b, bg)

    def monitor(self, b, stand_to):
        """A desk monitor whose stand reaches down to y = stand_to."""
        x0, y0, x1, y1 = b
        cx = (x0 + x1) / 2
        self.rect((cx - 10, y1, cx + 10, stand_to - 6), (70, 74, 80))
        self.rrect((cx - 60, stand_to - 10, cx + 60, stand_to), 4, (70, 74, 80))
        self.screen(b)

    def buttons(self, x, y, colors, r=9, gap=30):
        for i, c in enumerate(colors):
            self.circle(x + i * gap, y, r, c, outline=darker(c, 0.3), width=2)

    def stack_light(self, x, y, colors=((214, 60, 50), (236, 180, 40), (60, 170, 90)), lit=2):
        """A signal tower: a pole with coloured segments, one of them lit."""
        self.rect((x - 3, y, x + 3, y + 70), (90, 94, 100))
        for i, c in enumerate(colors):
            top = y - 26 * (len(colors) - i)
            col = c if i == lit else mix(c, (90, 90, 90), 0.55)
            self.rrect((x - 12, top, x + 12, top + 24), 4, col)
        if lit is not None:
            top = y - 26 * (len(colors) - lit)
            self.glow(x, top + 12, 26, colors[lit], 110)

    def tint(self, points, color, alpha):
        """Cover a polygon with translucent colour (safety glass, beams)."""
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).polygon(self.pts(points), fill=int(255 * alpha))
        self.img = Image.composite(Image.new("RGB", self.img.size, color), self.img, mask)
        self.d = ImageDraw.Draw(self.img)

    def finish(self, path, quality=84):
        img = self.img.resize((self.w, self.h), Image.LANCZOS)
        if path.endswith(".jpg"):
            img.save(path, quality=quality, optimize=True, progressive=True, subsampling="4:2:0")
        else:
            img.save(path, optimize=True)


def sine_points(x0, x1, y, amp, periods, phase=0.0, step=4):
    pts = []
    x = x0
    while x <= x1:
        t = (x - x0) / (x1 - x0)
        pts.append((x, y + amp * math.sin(2 * math.pi * periods * t + phase)))
        x += step
    return pts
