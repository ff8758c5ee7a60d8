"""Product pictures and success-story pictures (1000 x 700 JPEG)."""

import math
import random

from canvas import SS, Canvas, darker, lighter, mix

W, H = 1000, 700
GOLD = (212, 170, 74)
PCB_GREEN = (30, 96, 62)


def studio(c, top=(246, 247, 249), bottom=(214, 219, 225)):
    """A plain product-shot backdrop: a soft vertical gradient."""
    for y in range(c.h * SS):
        c.d.line([(0, y), (c.w * SS, y)], fill=mix(top, bottom, y / (c.h * SS)))


def board(c, b, color, holes=True):
    x0, y0, x1, y1 = b
    c.shadow((x0 + 10, y1 - 20, x1 + 30, y1 + 40), strength=80, blur=16)
    c.rrect((x0 + 6, y0 + 10, x1 + 6, y1 + 10), 18, darker(color, 0.35))
    c.rrect(b, 18, color)
    if holes:
        for (x, y) in ((x0 + 28, y0 + 28), (x1 - 28, y0 + 28), (x0 + 28, y1 - 28), (x1 - 28, y1 - 28)):
            c.circle(x, y, 13, GOLD)
            c.circle(x, y, 7, (60, 60, 60))


def hsl_h2(path):
    c = Canvas(W, H)
    studio(c)
    board(c, (150, 150, 850, 560), PCB_GREEN)
    # traces
    for k in range(6):
        y = 230 + k * 50
        c.line([(240, y), (330, y), (360, y + 20), (390, y + 20)], lighter(PCB_GREEN, 0.25), 4)
        c.line([(610, y + 20), (680, y + 20), (700, y), (780, y)], lighter(PCB_GREEN, 0.25), 4)
    # connector
    c.rect((170, 250, 230, 460), (236, 234, 226))
    for k in range(6):
        c.rect((186, 268 + k * 32, 214, 286 + k * 32), GOLD)
    # the sensor: a square metal can with a mesh window
    c.rect((380, 210, 620, 450), (150, 156, 164))
    c.rect((372, 202, 612, 442), (204, 208, 214))
    c.rect((420, 250, 564, 394), (120, 126, 134))
    for k in range(0, 145, 9):
        c.line([(420 + k, 250), (420 + k, 394)], (178, 184, 190), 2)
        c.line([(420, 250 + k), (564, 250 + k)], (178, 184, 190), 2)
    c.text((492, 474), "HSL-H2", 30, (236, 240, 236), bold=True, anchor="mm")
    # small passive parts
    for k in range(4):
        x = 660 + (k % 2) * 60
        y = 420 + (k // 2) * 50
        c.rect((x, y, x + 34, y + 18), (60, 52, 44))
        c.rect((x, y, x + 7, y + 18), (200, 204, 210))
        c.rect((x + 27, y, x + 34, y + 18), (200, 204, 210))
    c.circle(720, 240, 10, (90, 220, 120))
    c.glow(720, 240, 20, (140, 255, 160), 120)
    c.finish(path)


def trl_pa28(path):
    c = Canvas(W, H)
    studio(c)
    board(c, (190, 90, 810, 610), (24, 44, 58))
    for i in range(4):
        for j in range(4):
            x = 268 + i * 120
            y = 128 + j * 108
            c.rect((x, y, x + 64, y + 64), GOLD)
            c.rect((x, y, x + 64, y + 7), lighter(GOLD, 0.35))
            c.line([(x + 32, y + 64), (x + 32, y + 86)], (150, 120, 50), 4)
            c.circle(x + 32, y + 88, 5, (120, 96, 40))
    c.text((500, 588), "TRL-PA28   28 GHz", 20, (200, 210, 216), bold=True, anchor="mm")
    c.finish(path)


def tpd_s12(path):
    c = Canvas(W, H)
    studio(c)
    c.shadow((160, 500, 880, 580), strength=90)
    grey = (86, 90, 98)
    c.block(180, 320, 620, 190, 220, grey, top=(118, 122, 130), side=(66, 70, 76))
    # baseplate edge
    c.rect((170, 500, 810, 520), (180, 150, 120))
    c.text((210, 350), "TPD-S12", 36, (230, 232, 236), bold=True)
    c.text((210, 400), "1200 V  SiC  HALF-BRIDGE", 22, (190, 194, 200))
    # three copper terminals on the top face
    copper = (206, 124, 72)
    for k in range(3):
        x = 260 + k * 170
        pts = [(x, 300), (x + 50, 271), (x + 150, 271), (x + 100, 300)]
        c.poly(pts, copper)
        c.poly([(x, 300), (x + 100, 300), (x + 100, 312), (x, 312)], darker(copper, 0.25))
        c.ellipse((x + 50, 278, x + 92, 294), (90, 60, 40))
    # signal pins along the back edge
    for k in range(10):
        x = 320 + k * 44
        c.rect((x + 6, 220, x + 12, 258), GOLD)
    c.finish(path)


def adw_arch(path):
    c = Canvas(W, H)
    studio(c, top=(222, 236, 248), bottom=(190, 212, 232))
    cx, cy = 500, 350
    c.shadow((330, 560, 690, 620), strength=60, blur=14)
    arms = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
    for sx, sy in arms:
        ex, ey = cx + sx * 250, cy + sy * 190
        c.line([(cx, cy), (ex, ey)], (40, 42, 46), 26)
        for t in (0.3, 0.5, 0.7):  # woven highlight on the carbon arms
            px, py = cx + (ex - cx) * t, cy + (ey - cy) * t
            c.line([(px - 6, py - 6), (px + 6, py + 6)], (80, 84, 90), 3)
        c.circle(ex, ey, 118, (255, 255, 255))
        c.tint([(ex + 116 * math.cos(a / 20 * math.pi), ey + 116 * math.sin(a / 20 * math.pi)) for a in range(40)], (120, 130, 140), 0.22)
        c.circle(ex, ey, 26, (60, 62, 68))
        a = math.radians(25 if sx * sy > 0 else -25)
        c.line([(ex - 110 * math.cos(a), ey - 110 * math.sin(a)), (ex + 110 * math.cos(a), ey + 110 * math.sin(a))], (30, 32, 36), 14)
        c.circle(ex, ey, 10, (200, 204, 210))
    c.rrect((cx - 90, cy - 70, cx + 90, cy + 70), 30, (240, 242, 244))
    c.rrect((cx - 70, cy - 50, cx + 70, cy + 50), 22, (30, 136, 200))
    # LiDAR puck in the middle, camera at the front edge, both on top of the body
    c.circle(cx, cy + 4, 34, (44, 48, 56))
    c.circle(cx, cy + 4, 24, (70, 76, 86))
    c.circle(cx, cy + 4, 8, (110, 200, 240))
    c.rrect((cx - 26, cy - 66, cx + 26, cy - 38), 6, (44, 48, 56))
    c.circle(cx, cy - 52, 9, (80, 140, 200))
    c.finish(path)


def sic_cold_plate(path):
    c = Canvas(W, H)
    studio(c)
    # the plate, cut open along its front face
    x0, y0, x1, y1 = 160, 250, 840, 470
    c.block(x0, y0, x1 - x0, y1 - y0, 120, (190, 196, 204))
    # heat shading: hot under the module, cool towards the edges
    for k in range(60):
        t = k / 59
        x = x0 + t * (x1 - x0)
        heat = max(0.0, 1 - abs(x - 500) / 300)
        col = mix((80, 130, 220), (230, 70, 50), heat)
        c.rect((x, y0, x + (x1 - x0) / 59 + 1, y1), mix(col, (200, 206, 214), 0.35))
    # gyroid-like lattice in the cut face
    for k in range(7):
        y = y0 + 24 + k * 30
        c.line(sine_points(x0 + 10, x1 - 10, y, 12, 9, k * 1.1), (244, 246, 248), 5)
    for k in range(23):
        x = x0 + 20 + k * 29
        pts = [(x + 8 * math.sin((y - y0) / 24 + k), y) for y in range(y0 + 6, y1 - 4, 4)]
        c.line(pts, (236, 240, 244), 4)
    # the power module sits on the plate's top face
    c.block(340, 170, 340, 62, 50, (70, 74, 82))
    c.text((360, 186), "SiC MODULE", 22, (230, 232, 236), bold=True)
    # coolant in and out
    c.poly([(40, 340), (120, 340), (120, 318), (156, 360), (120, 402), (120, 380), (40, 380)], (60, 120, 210))
    c.poly([(844, 340), (924, 340), (924, 318), (960, 360), (924, 402), (924, 380), (844, 380)], (230, 110, 50))
    c.text((80, 430), "IN", 22, (60, 120, 210), bold=True, anchor="mm")
    c.text((910, 430), "OUT", 22, (230, 110, 50), bold=True, anchor="mm")
    c.finish(path)


def sine_points(x0, x1, y, amp, periods, phase, step=4):
    return [(x, y + amp * math.sin(2 * math.pi * periods * (x - x0) / (x1 - x0) + phase)) for x in range(int(x0), int(x1) + 1, step)]


def weave_tube(c, cx, cy, angle, length, radius):
    """A CFRP tube from (cx, cy) outwards, with a woven pattern."""
    dx, dy = math.cos(angle), math.sin(angle)
    nx, ny = -dy, dx
    a = (cx + nx * radius, cy + ny * radius)
    b = (cx + nx * radius + dx * length, cy + ny * radius + dy * length)
    e = (cx - nx * radius + dx * length, cy - ny * radius + dy * length)
    f = (cx - nx * radius, cy - ny * radius)
    c.poly([a, b, e, f], (44, 46, 52))
    step = 22
    for k in range(int(length / step)):
        for s in (-1, 1):
            p = (cx + dx * k * step, cy + dy * k * step)
            q0 = (p[0] + nx * radius * 0.9 * s, p[1] + ny * radius * 0.9 * s)
            q1 = (p[0] + dx * step - nx * radius * 0.9 * s, p[1] + dy * step - ny * radius * 0.9 * s)
            c.line([q0, q1], (74, 78, 86) if s > 0 else (62, 64, 72), 4)
    # a highlight along the tube
    c.line([(cx + nx * radius * 0.5, cy + ny * radius * 0.5), (cx + nx * radius * 0.5 + dx * length, cy + ny * radius * 0.5 + dy * length)], (110, 114, 122), 3)


def drone_joint(path):
    c = Canvas(W, H)
    studio(c)
    cx, cy = 500, 380
    c.shadow((260, 560, 760, 640), strength=70)
    for deg in (-90, 30, 150):
        weave_tube(c, cx, cy, math.radians(deg), 420, 40)
    # the printed titanium node with lattice openings
    ti = (170, 174, 180)
    pts = []
    for k in range(6):
        a = math.radians(-90 + k * 60)
        r = 118 if k % 2 == 0 else 92
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    c.poly(pts, ti)
    for deg in (-90, 30, 150):
        a = math.radians(deg)
        c.circle(cx + 100 * math.cos(a), cy + 100 * math.sin(a), 46, lighter(ti, 0.15))
        c.circle(cx + 100 * math.cos(a), cy + 100 * math.sin(a), 38, (44, 46, 52))
    for ring, count, r in ((0, 1, 14), (40, 6, 11), (70, 12, 7)):
        for k in range(count):
            a = 2 * math.pi * k / count + 0.3
            c.circle(cx + ring * math.cos(a), cy + ring * math.sin(a), r, (96, 100, 108))
    c.finish(path)


def weld_seam(path):
    c = Canvas(W, H)
    studio(c, top=(60, 66, 76), bottom=(34, 38, 44))
    # two plates meeting at a seam, seen in perspective
    c.poly([(80, 620), (470, 620), (520, 330), (300, 330)], (150, 156, 164))
    c.poly([(530, 620), (920, 620), (700, 330), (540, 330)], (134, 140, 150))
    c.poly([(470, 620), (530, 620), (540, 330), (520, 330)], (40, 42, 46))
    # finished bead behind the torch (near the viewer)
    for k in range(14):
        y = 612 - k * 12
        w = 34 - k * 0.9
        x = 500 - (612 - y) * 0.02
        c.ellipse((x - w / 2, y - 8, x + w / 2, y + 8), (196, 170, 130) if k % 2 else (176, 150, 112))
    # robot arm: base, two links, wrist, torch
    c.rect((40, 300, 150, 620), (236, 110, 30))
    c.ellipse((30, 280, 160, 320), (250, 140, 60))
    c.line([(95, 300), (260, 140)], (240, 120, 40), 56)
    c.circle(260, 140, 40, (210, 96, 24))
    c.line([(260, 140), (450, 230)], (240, 120, 40), 44)
    c.circle(450, 230, 30, (210, 96, 24))
    c.line([(450, 230), (500, 400)], (70, 74, 80), 20)
    c.line([(500, 400), (507, 430)], (190, 170, 110), 10)
    # laser line across the seam, ahead of the torch
    c.line([(430, 380), (610, 380)], (255, 40, 40), 4)
    c.glow(520, 380, 20, (255, 60, 60), 120)
    # arc light and sparks
    c.glow(509, 438, 60, (255, 220, 150), 240)
    random.seed(9)
    for _ in range(26):
        a = random.uniform(math.pi * 1.05, math.pi * 1.95)
        r = random.uniform(40, 150)
        x, y = 509 + r * math.cos(a), 438 + r * math.sin(a) * 0.7
        c.line([(509 + (r - 18) * math.cos(a), 438 + (r - 18) * math.sin(a) * 0.7), (x, y)], (255, 200, 80), 3)
    c.finish(path)


PRODUCT_PICTURES = {"hsl-h2": hsl_h2, "trl-pa28": trl_pa28, "tpd-s12": tpd_s12, "adw-arch": adw_arch}
STORY_PICTURES = {
    "story-sic-cold-plate": sic_cold_plate,
    "story-drone-composite-frame": drone_joint,
    "story-weld-seam-tracking": weld_seam,
}
