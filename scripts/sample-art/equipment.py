"""Stylised pictures of the shared equipment (1200 x 800 JPEG).

They are illustrations, not photographs: every machine is drawn from
rectangles, ellipses and polygons, so nothing here shows a real product.
"""

import math
import random

from canvas import Canvas, darker, lighter, mix, sine_points

W, H = 1200, 800
WHITE = (236, 238, 241)
STEEL = (176, 184, 192)
DARK = (52, 58, 66)
NAVY = (38, 72, 128)


def machining_center(path):
    c = Canvas(W, H)
    c.wall_and_floor(565)
    c.shadow((110, 580, 1120, 660))
    # enclosure
    c.block(150, 170, 720, 440, 120, WHITE)
    c.rect((150, 170, 870, 210), NAVY)
    c.rect((150, 570, 870, 610), NAVY)
    c.text((172, 178), "MV-5X650", 22, (255, 255, 255), bold=True)
    c.text((700, 180), "5-AXIS", 18, lighter(NAVY, 0.6), bold=True)
    win = (230, 240, 640, 530)
    c.window(win, glass=(46, 58, 70))
    # inside: spindle head and tool
    c.rect((395, 240, 475, 320), (150, 158, 166))
    c.rect((405, 320, 465, 350), (120, 126, 134))
    c.rect((427, 350, 443, 392), (214, 218, 222))
    c.poly([(427, 392), (443, 392), (435, 404)], (214, 218, 222))
    # trunnion: supports, cradle, tilted rotary table and an impeller
    c.rect((285, 405, 320, 505), (98, 106, 114))
    c.rect((560, 405, 595, 505), (98, 106, 114))
    c.rect((285, 480, 595, 505), (84, 92, 100))
    c.poly([(320, 450), (560, 420), (560, 446), (320, 476)], (128, 136, 144))
    c.ellipse((355, 418, 525, 462), (170, 176, 182))
    c.ellipse((395, 404, 485, 444), (196, 170, 110))
    for k in range(7):
        a = 2 * math.pi * k / 7
        c.line([(440, 424), (440 + 44 * math.cos(a), 424 + 18 * math.sin(a))], (150, 122, 70), 3)
    c.circle(440, 424, 9, (120, 96, 56))
    # coolant nozzle
    c.line([(480, 300), (455, 370)], (90, 160, 210), 5)
    c.glare(win)
    # door handle and seam
    c.rect((650, 220, 654, 560), (200, 204, 208))
    c.rrect((664, 320, 678, 440), 6, (150, 156, 162))
    # control pendant on an arm
    c.rect((870, 292, 905, 304), (150, 156, 162))
    c.rrect((905, 230, 1030, 480), 10, (60, 66, 74))
    c.screen((920, 246, 1015, 330), bg=(26, 52, 86))
    for i, w in enumerate((60, 44, 70, 36)):
        c.rect((930, 258 + i * 16, 930 + w, 264 + i * 16), (120, 190, 240))
    for row in range(3):
        c.buttons(932, 356 + row * 32, [(200, 204, 208)] * 4, r=8, gap=24)
    c.circle(968, 458, 12, (210, 50, 40), outline=(120, 20, 20), width=2)
    # chip conveyor
    c.block(880, 540, 210, 70, 40, (120, 128, 138))
    c.rect((1060, 500, 1090, 540), (120, 128, 138))
    c.finish(path)


def cmm(path):
    c = Canvas(W, H)
    c.wall_and_floor(570, wall=((222, 230, 238), (204, 214, 224)))
    # room temperature display
    c.rrect((960, 110, 1120, 180), 8, (40, 46, 54))
    c.text((1040, 145), "20.0 °C", 34, (110, 220, 140), bold=True, anchor="mm")
    c.shadow((170, 585, 1080, 650))
    # stand and granite table
    c.block(270, 470, 660, 130, 80, (150, 156, 162))
    c.block(220, 400, 760, 70, 200, (44, 47, 52), top=(72, 76, 82), side=(34, 36, 40))
    random.seed(7)
    for _ in range(220):  # granite speckle on the top face
        u, v = random.random(), random.random()
        x = 220 + u * 760 + v * 110
        y = 400 - v * 64
        c.circle(x, y, 1.4, (96, 100, 106))
    # workpiece
    c.block(500, 372, 150, 26, 40, (176, 184, 192))
    # bridge: two legs and the beam
    for x in (318, 830):
        c.block(x, 190, 44, 190, 40, (228, 231, 235))
    c.block(296, 150, 590, 56, 60, (240, 242, 244))
    c.text((320, 162), "RM-Bridge 7106", 20, (110, 118, 126), bold=True)
    # carriage, ram, probe
    c.block(540, 132, 96, 96, 50, (214, 218, 224))
    c.rect((566, 228, 604, 320), (196, 202, 208))
    c.rect((570, 320, 600, 346), (70, 76, 84))
    c.line([(585, 346), (585, 356)], (150, 156, 162), 4)
    c.circle(585, 360, 6, (200, 30, 40))
    c.finish(path)


def laser_cutter(path):
    c = Canvas(W, H)
    c.wall_and_floor(530)
    c.shadow((60, 570, 1140, 650))
    base = (70, 92, 124)
    orange = (230, 120, 30)
    c.block(80, 430, 820, 160, 180, base, top=(96, 104, 112))
    c.text((110, 540), "HFL-3015  6kW", 26, (220, 230, 240), bold=True)
    # slats on the bed
    for k in range(24):
        x = 90 + k * 34
        c.line([(x, 428), (x + 99, 370)], (70, 76, 84), 3)
    # the gantry's back upright stands behind the sheet
    c.rect((690, 262, 708, 372), darker(orange, 0.2))
    # the steel sheet and parts cut out of it
    c.poly([(110, 424), (200, 372), (880, 372), (790, 424)], (168, 176, 184))
    for k in range(4):
        x = 230 + k * 100
        c.poly([(x, 412), (x + 30, 394), (x + 90, 394), (x + 60, 412)], (70, 76, 84))
        c.ellipse((x + 34, 378, x + 60, 388), (70, 76, 84))
    # a cut in progress
    c.line([(640, 404), (690, 404), (700, 398)], (60, 64, 70), 3)
    # the gantry beam, spanning the bed from front to back, and the cutting head
    c.poly([(594, 318), (702, 256), (702, 282), (594, 344)], orange)
    c.poly([(594, 318), (702, 256), (716, 262), (608, 324)], lighter(orange, 0.3))
    c.rect((634, 290, 662, 376), (220, 224, 228))
    c.rect((654, 290, 662, 376), (190, 194, 200))
    c.poly([(634, 376), (662, 376), (648, 398)], (190, 194, 200))
    c.glow(648, 402, 24, (255, 230, 160), 230)
    for a in range(-70, 80, 22):
        r = math.radians(a + 90)
        c.line([(648, 404), (648 + 34 * math.cos(r), 404 + 14 * math.sin(r))], (255, 200, 90), 2)
    c.rect((586, 330, 604, 430), orange)
    # orange safety windows along the front
    for x0 in (80, 355, 630):
        panel = [(x0, 250), (x0 + 262, 250), (x0 + 262, 430), (x0, 430)]
        c.tint(panel, (236, 120, 20), 0.22)
        c.poly(panel, None, outline=(90, 96, 104), width=5)
    # console with a nesting layout on screen
    c.block(960, 360, 130, 240, 60, (222, 226, 230))
    c.screen((976, 380, 1074, 450), bg=(26, 52, 86))
    for k in range(3):
        c.rect((984 + k * 30, 390, 1006 + k * 30, 412), None, outline=(120, 200, 250), width=2)
        c.ellipse((986 + k * 30, 420, 1004 + k * 30, 438), None, outline=(120, 200, 250), width=2)
    c.buttons(988, 480, [(60, 170, 90), (230, 180, 40), (210, 50, 40)], r=10, gap=34)
    c.finish(path)

def sem(path):
    c = Canvas(W, H)
    c.wall_and_floor(555)
    c.shadow((90, 570, 560, 640))
    c.shadow((560, 575, 1160, 640), strength=60)
    # vibration-isolated base and specimen chamber
    c.block(110, 540, 330, 50, 100, (96, 102, 110))
    c.block(130, 330, 290, 210, 100, WHITE)
    c.rrect((160, 380, 330, 500), 10, (214, 218, 222))
    c.rrect((300, 420, 316, 470), 5, (120, 126, 134))
    c.circle(230, 440, 24, (46, 58, 70), outline=(120, 128, 136), width=5)
    c.text((150, 346), "HSM-7200F", 20, (110, 118, 126), bold=True)
    # electron column
    c.cylinder(300, 110, 300, 54, (204, 208, 214))
    for y in (160, 210, 255):
        c.rect((246, y, 354, y + 10), (160, 166, 172))
    c.cylinder(300, 70, 110, 30, (150, 156, 164))
    # EDX detector on its slanted arm
    c.line([(420, 300), (500, 252)], (150, 156, 164), 30)
    c.line([(500, 252), (540, 228)], (90, 96, 104), 34)
    c.text((505, 200), "EDX", 18, (90, 96, 104), bold=True)
    # desk with two monitors
    c.rect((560, 440, 1150, 458), (150, 120, 90))
    for x in (590, 1110):
        c.rect((x, 458, x + 14, 600), (110, 90, 70))
    c.monitor((600, 200, 840, 370), 440)
    c.monitor((880, 200, 1120, 370), 440)
    # a greyscale micrograph: grains and a particle
    random.seed(3)
    for _ in range(140):
        x, y = 600 + random.random() * 240, 200 + random.random() * 170
        r = 4 + random.random() * 14
        g = int(60 + random.random() * 120)
        c.ellipse((max(600, x - r), max(200, y - r), min(840, x + r), min(370, y + r)), (g, g, g))
    c.circle(720, 290, 30, (220, 220, 220))
    c.circle(715, 284, 22, (180, 180, 180))
    c.rect((610, 352, 670, 356), (255, 255, 255))
    c.text((612, 336), "1 µm", 12, (255, 255, 255))
    # an EDX spectrum
    c.line([(895, 355), (1108, 355)], (140, 150, 160), 2)
    c.line([(895, 355), (895, 215)], (140, 150, 160), 2)
    peaks = [(920, 60, "O"), (960, 30, ""), (1005, 120, "Cr"), (1040, 70, "Fe"), (1080, 95, "Ni")]
    pts = []
    for x in range(896, 1108, 2):
        y = 352 - 8 * math.exp(-(x - 900) / 80)
        for px, h, _ in peaks:
            y -= h * math.exp(-((x - px) / 4.5) ** 2)
        pts.append((x, y))
    c.line(pts, (250, 210, 70), 2)
    for px, h, name in peaks:
        if name:
            c.text((px, 352 - h - 16), name, 14, (230, 236, 240), anchor="mm")
    c.rrect((660, 424, 880, 438), 4, (60, 64, 70))
    c.finish(path)


def trefoil(c, cx, cy, r):
    c.rect((cx - r * 1.25, cy - r * 1.25, cx + r * 1.25, cy + r * 1.25), (240, 200, 40))
    for k in range(3):
        a0 = -90 + k * 120 - 30
        c.d.pieslice(c.box((cx - r, cy - r, cx + r, cy + r)), a0, a0 + 60, fill=(30, 30, 30))
    c.circle(cx, cy, r * 0.3, (240, 200, 40))
    c.circle(cx, cy, r * 0.2, (30, 30, 30))


def ct_scanner(path):
    c = Canvas(W, H)
    c.wall_and_floor(565)
    c.shadow((90, 590, 900, 660))
    c.block(120, 170, 700, 440, 120, (214, 220, 226))
    c.rect((120, 560, 820, 610), (70, 78, 88))
    c.text((144, 572), "KX-CT 225", 24, (230, 234, 238), bold=True)
    # warning lamp
    c.cylinder(720, 120, 140, 18, (120, 120, 120))
    c.rrect((704, 92, 736, 122), 8, (250, 200, 40))
    c.glow(720, 106, 40, (255, 210, 60), 160)
    win = (200, 240, 740, 510)
    c.window(win, glass=(50, 66, 62))
    # X-ray tube, cone beam, rotary stage and sample, flat-panel detector
    c.rect((214, 330, 330, 410), (150, 156, 162))
    c.rect((214, 340, 240, 400), (110, 116, 122))
    c.poly([(330, 350), (360, 370), (330, 390)], (180, 186, 192))
    c.tint([(360, 370), (650, 280), (650, 460)], (190, 230, 255), 0.16)
    c.rect((440, 440, 520, 458), (110, 116, 124))
    c.ellipse((430, 430, 530, 450), (150, 156, 164))
    c.rect((458, 350, 502, 440), (196, 160, 90))
    c.ellipse((458, 342, 502, 358), (220, 190, 120))
    c.rect((650, 270, 680, 470), (40, 44, 50))
    c.rect((646, 276, 652, 464), (120, 140, 160))
    c.glare(win)
    trefoil(c, 770, 450, 26)
    # operator desk with a CT slice on screen
    c.rect((900, 450, 1150, 466), (150, 120, 90))
    c.rect((920, 466, 932, 600), (110, 90, 70))
    c.rect((1118, 466, 1130, 600), (110, 90, 70))
    c.monitor((930, 270, 1120, 400), 450)
    c.circle(1025, 335, 52, (170, 170, 170))
    c.circle(1025, 335, 30, (30, 30, 30))
    random.seed(11)
    for _ in range(10):
        a, r = random.random() * 2 * math.pi, 36 + random.random() * 12
        c.circle(1025 + r * math.cos(a), 335 + r * math.sin(a), 2.5, (40, 40, 40))
    c.finish(path)


def thermal_shock(path):
    c = Canvas(W, H)
    c.wall_and_floor(565)
    c.shadow((230, 590, 900, 660))
    c.block(260, 80, 520, 530, 130, (228, 231, 235))
    # hot zone (top) and cold zone (bottom)
    c.rect((270, 96, 770, 170), (246, 228, 224))
    c.rect((270, 96, 290, 170), (214, 60, 50))
    c.text((306, 133), "HOT  +150 °C", 26, (190, 50, 40), bold=True, anchor="lm")
    c.rect((270, 500, 770, 590), (224, 234, 246))
    c.rect((270, 500, 290, 590), (40, 110, 200))
    c.text((306, 545), "COLD  −40 °C", 26, (40, 100, 180), bold=True, anchor="lm")
    # test-zone door with window and basket
    c.rrect((290, 190, 590, 480), 10, (214, 218, 223))
    win = (340, 240, 540, 420)
    c.window(win, glass=(60, 70, 84))
    for k in range(5):
        c.line([(360, 300 + k * 22), (520, 300 + k * 22)], (150, 156, 162), 2)
    for k in range(8):
        c.line([(360 + k * 22.8, 300), (360 + k * 22.8, 388)], (150, 156, 162), 2)
    for x in (380, 430, 480):
        c.rect((x, 272, x + 26, 298), (60, 140, 90))
    c.glare(win)
    c.rrect((566, 290, 580, 380), 6, (130, 136, 144))
    # control panel: a temperature square wave
    c.screen((618, 200, 756, 320), bg=(18, 26, 36))
    pts = [(626, 290)]
    x = 626
    for k in range(4):
        y = 224 if k % 2 == 0 else 290
        pts += [(x, y), (x + 30, y)]
        x += 30
    pts.append((x, 290))
    for a, b in zip(pts, pts[1:]):
        col = (230, 80, 60) if a[1] == 224 and b[1] == 224 else (80, 150, 240) if a[1] == 290 and b[1] == 290 else (180, 186, 192)
        c.line([a, b], col, 3)
    c.buttons(640, 352, [(60, 170, 90), (230, 180, 40), (210, 50, 40)], r=10, gap=40)
    c.text((620, 440), "TSA-72W", 20, (110, 118, 126), bold=True)
    c.finish(path)


def metal_printer(path):
    c = Canvas(W, H)
    c.wall_and_floor(565)
    c.shadow((150, 590, 930, 660))
    c.block(180, 140, 640, 470, 120, (232, 234, 238))
    c.rect((180, 560, 820, 610), DARK)
    c.rect((180, 140, 820, 176), DARK)
    c.text((204, 148), "SF-M290", 22, (230, 234, 238), bold=True)
    # round build-chamber window
    cx, cy, r = 440, 350, 150
    c.circle(cx, cy, r + 14, (140, 146, 154))
    c.circle(cx, cy, r, (26, 32, 40))
    c.rect((330, 400, 550, 440), (120, 120, 118))
    random.seed(5)
    for _ in range(160):
        c.circle(330 + random.random() * 220, 402 + random.random() * 36, 1.2, (150, 150, 146))
    # the part: layers getting narrower, with lattice windows
    for k in range(9):
        w = 120 - k * 6
        y = 400 - (k + 1) * 12
        c.rect((cx - w / 2, y, cx + w / 2, y + 11), (176, 180, 186) if k % 2 else (160, 166, 172))
    for k in range(4):
        x = cx - 44 + k * 26
        c.rect((x, 330, x + 12, 380), (60, 66, 74))
    c.rect((300, 420, 330, 440), (90, 96, 104))  # recoater
    c.line([(cx + 10, 206), (cx + 10, 292)], (140, 200, 255), 3)
    c.glow(cx + 10, 292, 20, (220, 240, 255), 240)
    c.glare((cx - r, cy - r, cx + r, cy + r), alpha=0.10)
    # touch screen and status light
    c.screen((640, 230, 790, 330), bg=(22, 40, 60))
    c.text((652, 244), "Layer 1,284 / 2,010", 15, (200, 220, 240))
    c.rect((652, 290, 778, 304), (50, 70, 90))
    c.rect((652, 290, 732, 304), (80, 190, 120))
    c.buttons(660, 370, [(60, 170, 90), (210, 50, 40)], r=11, gap=40)
    c.stack_light(790, 70, lit=2)
    c.finish(path)


def testing_machine(path):
    c = Canvas(W, H)
    c.wall_and_floor(570)
    c.shadow((170, 590, 740, 660))
    frame = (70, 104, 152)
    c.block(200, 520, 460, 90, 100, frame)
    c.text((226, 548), "TUT-250E", 22, (230, 236, 244), bold=True)
    for x in (262, 598):
        c.cylinder(x, 120, 520, 18, (206, 210, 216), ry=5)
    c.block(220, 78, 420, 52, 60, frame)
    c.block(236, 250, 388, 40, 60, lighter(frame, 0.1))
    c.rect((410, 290, 450, 318), (150, 156, 162))
    # dog-bone specimen between wedge grips
    spec = (190, 196, 204)
    c.poly([(412, 350), (448, 350), (448, 392), (438, 402), (438, 440), (448, 450), (448, 492), (412, 492), (412, 450), (422, 440), (422, 402), (412, 392)], spec)
    c.rect((396, 318, 464, 370), (60, 64, 72))
    c.rect((396, 466, 464, 518), (60, 64, 72))
    for y in (330, 344, 478, 492):
        c.line([(400, y), (460, y)], (90, 96, 104), 2)
    # video extensometer on a bracket
    c.rect((490, 400, 560, 440), (40, 44, 50))
    c.circle(490, 420, 14, (80, 160, 220))
    # desk and stress-strain curve
    c.rect((760, 450, 1150, 466), (150, 120, 90))
    c.rect((780, 466, 792, 600), (110, 90, 70))
    c.rect((1118, 466, 1130, 600), (110, 90, 70))
    c.monitor((820, 260, 1100, 420), 450)
    c.line([(840, 400), (1084, 400)], (140, 150, 160), 2)
    c.line([(840, 400), (840, 276)], (140, 150, 160), 2)
    pts = [(840, 400), (890, 310)]
    for k in range(41):
        t = k / 40
        pts.append((890 + t * 170, 310 - 30 * math.sin(t * math.pi * 0.8) + (t ** 6) * 60))
    c.line(pts, (110, 210, 250), 3)
    c.text((832, 270), "σ", 16, (200, 210, 220), anchor="rm")
    c.text((1090, 410), "ε", 16, (200, 210, 220), anchor="lt")
    c.finish(path)


def bilinear(corners, u, v):
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners  # tl, tr, br, bl
    top = (x0 + (x1 - x0) * u, y0 + (y1 - y0) * u)
    bot = (x3 + (x2 - x3) * u, y3 + (y2 - y3) * u)
    return (top[0] + (bot[0] - top[0]) * v, top[1] + (bot[1] - top[1]) * v)


def absorbers(c, corners, nu, nv, base):
    """A surface tiled with pyramid absorbers: four shaded triangles per tile."""
    shades = (lighter(base, 0.25), darker(base, 0.05), darker(base, 0.3), darker(base, 0.15))
    for i in range(nu):
        for j in range(nv):
            p = [bilinear(corners, (i + a) / nu, (j + b) / nv) for a, b in ((0, 0), (1, 0), (1, 1), (0, 1))]
            m = bilinear(corners, (i + 0.5) / nu, (j + 0.5) / nv)
            for k in range(4):
                c.poly([p[k], p[(k + 1) % 4], m], shades[k])


def anechoic(path):
    c = Canvas(W, H, background=(40, 60, 90))
    blue = (58, 92, 150)
    back = [(300, 150), (900, 150), (900, 480), (300, 480)]
    absorbers(c, [(0, 0), (1200, 0), (900, 150), (300, 150)], 12, 3, darker(blue, 0.1))
    absorbers(c, [(0, 0), (300, 150), (300, 480), (0, 800)], 4, 10, blue)
    absorbers(c, [(900, 150), (1200, 0), (1200, 800), (900, 480)], 4, 10, blue)
    absorbers(c, back, 12, 7, lighter(blue, 0.05))
    # metal ground plane
    c.poly([(300, 480), (900, 480), (1200, 800), (0, 800)], (150, 156, 164))
    for k in range(1, 6):
        t = k / 6
        c.line([(300 + 600 * t, 480), (1200 * t, 800)], (132, 138, 146), 2)
    # turntable, wooden table and device under test
    c.ellipse((420, 585, 780, 655), (110, 116, 124))
    c.ellipse((430, 580, 770, 640), (176, 182, 190))
    for x in (530, 660):
        c.rect((x, 540, x + 10, 610), (180, 150, 104))
    c.block(510, 520, 180, 22, 40, (214, 184, 136))
    c.block(566, 492, 64, 28, 24, (50, 56, 64))
    c.circle(578, 505, 3, (80, 220, 120))
    # antenna mast with a log-periodic antenna
    c.rect((958, 270, 972, 700), (236, 236, 232))
    c.poly([(965, 690), (900, 740), (910, 744), (965, 706), (1020, 744), (1030, 740)], (220, 220, 216))
    c.rect((880, 376, 1080, 384), (230, 230, 226))
    for k in range(10):
        x = 890 + k * 19
        h = 14 + k * 6
        c.line([(x, 380 - h), (x, 380 + h)], (220, 220, 214), 3)
    c.text((600, 120), "3 m", 24, (200, 214, 236), bold=True, anchor="mm")
    c.finish(path)


def femtosecond(path):
    c = Canvas(W, H)
    c.wall_and_floor(560)
    c.shadow((80, 620, 1180, 690))
    for x in (130, 560, 980):
        c.rect((x, 480, x + 50, 660), (90, 96, 104))
    c.block(80, 420, 940, 66, 260, (110, 116, 122), top=(168, 172, 178))
    for i in range(40):
        for j in range(6):
            u, v = (i + 0.5) / 40, (j + 0.5) / 6
            c.circle(80 + u * 940 + v * 143, 420 - v * 83, 1.8, (120, 124, 130))
    # laser head
    c.block(140, 320, 380, 72, 90, (238, 240, 242))
    c.rect((140, 372, 520, 380), (230, 120, 30))
    c.text((160, 334), "OFL-1030-40", 22, (90, 96, 104), bold=True)
    # mirrors on posts and the beam path
    beam = [(520, 352), (700, 352), (792, 300), (884, 300)]
    c.glow(610, 352, 10, (255, 120, 110), 120)
    for a, b in zip(beam, beam[1:]):
        c.line([a, b], (230, 60, 60), 3)
    for (x, y) in beam[1:3]:
        c.rect((x - 3, y, x + 3, y + 52 if y > 320 else y + 76), (120, 124, 130))
        c.ellipse((x - 9, y - 14, x + 9, y + 14), (200, 204, 210), outline=(90, 96, 104), width=2)
    # scanner head, lens and XYZ stage with a wafer
    c.rect((968, 250, 986, 360), (120, 124, 130))
    c.rect((930, 270, 972, 290), (120, 124, 130))
    c.block(846, 262, 86, 62, 40, (60, 64, 70))
    c.rect((876, 324, 902, 350), (150, 156, 162))
    c.line([(889, 350), (889, 372)], (230, 60, 60), 2)
    c.block(820, 392, 140, 26, 60, (80, 86, 92))
    c.ellipse((846, 368, 930, 388), (188, 196, 206))
    c.glow(889, 376, 10, (255, 240, 220), 230)
    c.finish(path)


def sputtering(path):
    c = Canvas(W, H)
    c.wall_and_floor(560)
    c.shadow((140, 590, 1020, 660))
    c.block(160, 400, 520, 200, 100, (210, 214, 220))
    c.rrect((190, 440, 420, 570), 8, (196, 200, 206))
    c.rrect((440, 440, 650, 570), 8, (196, 200, 206))
    # vacuum chamber with four cathodes on the lid
    c.cylinder(420, 190, 400, 150, (190, 196, 204), ry=34)
    for x in (350, 400, 450, 500):
        c.cylinder(x, 140, 182, 14, (150, 156, 164), ry=5)
        c.line([(x, 140), (x, 110)], (60, 64, 70), 4)
    c.circle(420, 300, 64, (140, 146, 154))
    c.circle(420, 300, 52, (30, 20, 44))
    c.glow(420, 300, 38, (176, 96, 236), 230)
    c.glow(420, 300, 16, (236, 200, 255), 200)
    # load-lock tube and chamber
    c.rect((226, 272, 272, 326), (170, 176, 184))
    c.block(150, 258, 80, 80, 30, (180, 186, 194))
    # vacuum pump
    c.cylinder(720, 510, 600, 40, (60, 110, 170), ry=10)
    c.line([(680, 540), (640, 540)], (150, 156, 164), 12)
    # power-supply rack
    c.block(800, 150, 190, 450, 70, (50, 54, 60))
    for k in range(6):
        y = 170 + k * 70
        c.rect((812, y, 978, y + 58), (66, 70, 78))
        c.rect((824, y + 14, 890, y + 36), (18, 24, 20))
        c.text((828, y + 16), f"{(k + 2) * 117:>4} W", 14, (110, 230, 140))
        c.circle(940, y + 28, 11, (170, 176, 184))
    c.text((180, 414), "KSP-4C", 22, (110, 118, 126), bold=True)
    c.finish(path)


SCENES = {
    "eq-cnc-5axis-machining-center": machining_center,
    "eq-cmm-3d-measuring": cmm,
    "eq-fiber-laser-cutter": laser_cutter,
    "eq-sem-edx": sem,
    "eq-x-ray-ct-scanner": ct_scanner,
    "eq-thermal-shock-chamber": thermal_shock,
    "eq-metal-3d-printer": metal_printer,
    "eq-universal-testing-machine": testing_machine,
    "eq-emc-anechoic-chamber": anechoic,
    "eq-femtosecond-laser": femtosecond,
    "eq-sputtering-system": sputtering,
}
