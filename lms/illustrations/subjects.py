"""The subjects, one painter each: given a canvas, its height in units and a palette,
it paints the scene and returns the box that matters (left, top, width, height) for
crops. ``SUBJECTS`` names them."""

from __future__ import annotations

import math
from collections.abc import Callable

from lms.illustrations.canvas import (
    INK,
    SAFETY_RED,
    SAFETY_YELLOW,
    SPARK,
    STEEL,
    STEEL_LIGHT,
    Canvas,
    Color,
    shade,
)
from lms.illustrations.scenery import hall, person


def _loom(c: Canvas, h: float, palette: Color) -> tuple:
    hall(c, shade(palette, 0.75), (196, 200, 204), h)
    ground = h - 60
    for n, left in enumerate((90, 560)):
        frame = shade(palette, -0.25 if n else -0.1)
        c.rect((left, ground - 330, left + 30, ground), frame, radius=6)
        c.rect((left + 320, ground - 330, left + 350, ground), frame, radius=6)
        # warp beam at the back, cloth beam at the front
        c.rect((left + 10, ground - 320, left + 340, ground - 285), STEEL, radius=16)
        c.rect(
            (left + 10, ground - 120, left + 340, ground - 80),
            shade(palette, 0.4),
            radius=18,
        )
        # warp threads through the heddles
        for t in range(24):
            x = left + 40 + t * 11.5
            c.line([(x, ground - 290), (x, ground - 125)], shade(palette, 0.55), 2)
        c.rect((left + 25, ground - 240, left + 325, ground - 222), INK, radius=3)
        c.rect(
            (left + 25, ground - 200, left + 325, ground - 182),
            shade(INK, 0.3),
            radius=3,
        )
        # the woven cloth
        c.rect((left + 38, ground - 160, left + 312, ground - 118), shade(palette, 0.2))
        for t in range(0, 274, 18):
            c.line(
                [(left + 38 + t, ground - 160), (left + 38 + t, ground - 118)],
                shade(palette, 0.05),
                3,
            )
    person(c, 490, ground + 10, 1.2, shade(palette, -0.35))
    return (60, 200, 880, h - 240)


def _fabric_defect(c: Canvas, h: float, palette: Color) -> tuple:
    warp, weft = shade(palette, 0.15), shade(palette, 0.45)
    c.rect((0, 0, 1000, h), shade(palette, -0.2))
    cell = 25
    broken_col = 23 + c.rng.randrange(5)
    for row in range(0, int(h // cell) + 1):
        for col in range(0, 1000 // cell + 1):
            over = (row + col) % 2 == 0
            x, y = col * cell, row * cell
            if col == broken_col and 8 <= row <= 22:
                c.rect((x + 2, y, x + cell - 2, y + cell), shade(palette, -0.35))
                continue
            color = warp if over else weft
            c.rect((x + 2, y + 2, x + cell - 2, y + cell - 2), color)
    # the inspection camera above, its light on the cloth, its mark on the fault
    cx, cy = broken_col * cell + cell / 2, 15 * cell
    camera = cx + 240
    c.glow(
        [
            (camera - 30, 150),
            (cx - 88, cy - 95),
            (cx + 88, cy + 95),
            (camera + 30, 150),
        ],
        SPARK,
        opacity=110,
    )
    c.ellipse(
        (cx - 110, cy - 200, cx + 110, cy + 200), None, outline=SAFETY_RED, width=10
    )
    c.rect((camera - 90, 60, camera + 90, 150), INK, radius=14)
    c.circle(camera, 105, 30, shade(STEEL, 0.5))
    c.circle(camera, 105, 16, (40, 120, 200))
    return (max(0, cx - 200), max(0, cy - 220), 400, 440)


def _spinning(c: Canvas, h: float, palette: Color) -> tuple:
    hall(c, shade(palette, 0.78), (200, 202, 206), h)
    ground = h - 60
    c.rect((60, ground - 360, 940, ground - 320), STEEL, radius=8)  # drafting rollers
    c.rect((60, ground - 110, 940, ground), shade(palette, -0.3), radius=10)  # frame
    c.rect((60, ground - 130, 940, ground - 110), INK)
    for n in range(14):
        x = 100 + n * 60
        c.line([(x, ground - 320), (x, ground - 250)], (245, 245, 240), 2)
        c.polygon(
            [
                (x - 14, ground - 130),
                (x + 14, ground - 130),
                (x + 9, ground - 250),
                (x - 9, ground - 250),
            ],
            shade(palette, 0.55),
        )
        c.rect((x - 3, ground - 270, x + 3, ground - 130), STEEL_LIGHT)
        c.circle(x, ground - 340, 13, shade(STEEL, -0.3))
    return (60, 200, 880, h - 240)


def _welding_cell(c: Canvas, h: float, palette: Color) -> tuple:
    hall(c, (222, 226, 230), (150, 156, 164), h)
    ground = h - 60
    # safety fence: yellow posts, mesh panels
    for x in range(40, 1000, 230):
        c.rect((x, ground - 330, x + 16, ground), SAFETY_YELLOW, radius=3)
        if x + 230 < 1000:
            c.rect(
                (x + 16, ground - 310, x + 230, ground - 30), shade(STEEL_LIGHT, 0.5)
            )
            for m in range(0, 214, 18):
                c.line(
                    [(x + 16 + m, ground - 310), (x + 16 + m, ground - 30)],
                    STEEL_LIGHT,
                    2,
                )
    # positioner table and workpiece
    c.rect((560, ground - 140, 860, ground - 110), INK, radius=6)
    c.rect((600, ground - 110, 620, ground), INK)
    c.rect((800, ground - 110, 820, ground), INK)
    c.rect((600, ground - 200, 820, ground - 140), STEEL, radius=4)
    c.rect((690, ground - 250, 720, ground - 140), shade(STEEL, -0.2))
    # the robot: base, shoulder, upper and fore arm, torch
    arm = palette
    c.rect((230, ground - 90, 370, ground), shade(arm, -0.35), radius=12)
    c.rect((255, ground - 170, 345, ground - 90), arm, radius=20)
    c.line([(300, ground - 150), (430, ground - 380)], arm, 46)
    c.circle(430, ground - 380, 34, shade(arm, -0.2))
    c.line([(430, ground - 380), (640, ground - 300)], arm, 34)
    c.circle(640, ground - 300, 22, shade(arm, -0.2))
    c.line([(640, ground - 300), (700, ground - 255)], INK, 14)
    # sparks at the weld
    tip = (706, ground - 246)
    for _ in range(16):
        angle = c.rng.uniform(0, 6.283)
        length = c.rng.uniform(30, 110)
        end = (
            tip[0] + math.cos(angle) * length,
            tip[1] + math.sin(angle) * length * 0.7,
        )
        c.line([tip, end], SPARK, 3)
    c.circle(tip[0], tip[1], 16, (255, 250, 220))
    return (220, ground - 420, 680, 420)


def _valve_body(c: Canvas, h: float, palette: Color) -> tuple:
    c.rect((0, 0, 1000, h), shade(palette, 0.8))
    c.rect((0, h * 0.78, 1000, h), shade(palette, 0.55))
    # machine table with T-slots
    c.rect((80, h * 0.7, 920, h * 0.8), STEEL, radius=8)
    for x in range(120, 900, 120):
        c.rect((x, h * 0.72, x + 40, h * 0.78), shade(STEEL, -0.3), radius=4)
    # the valve body: block with two flanges
    body = shade(STEEL_LIGHT, 0.1)
    c.rect((300, h * 0.3, 700, h * 0.7), body, radius=30)
    c.rect((230, h * 0.36, 300, h * 0.64), shade(body, -0.08), radius=10)
    c.rect((700, h * 0.36, 770, h * 0.64), shade(body, -0.08), radius=10)
    for y in (h * 0.4, h * 0.6):
        c.circle(265, y, 12, shade(STEEL, -0.3))
        c.circle(735, y, 12, shade(STEEL, -0.3))
    # intersecting bores
    c.circle(500, h * 0.5, 95, shade(STEEL, -0.1))
    c.circle(500, h * 0.5, 70, INK)
    c.circle(610, h * 0.42, 36, shade(STEEL, -0.1))
    c.circle(610, h * 0.42, 24, INK)
    c.circle(400, h * 0.6, 28, shade(STEEL, -0.1))
    c.circle(400, h * 0.6, 18, INK)
    # spindle and drill coming down, coolant
    c.rect((560, 0, 660, h * 0.12), shade(INK, 0.2), radius=10)
    c.rect((595, h * 0.12, 625, h * 0.3), STEEL, radius=4)
    c.polygon([(595, h * 0.3), (625, h * 0.3), (610, h * 0.34)], STEEL)
    c.line([(700, h * 0.08), (640, h * 0.3)], (90, 160, 220), 8)
    return (220, round(h * 0.12), 560, round(h * 0.6))


def _assembly_bench(c: Canvas, h: float, palette: Color) -> tuple:
    hall(c, (230, 232, 236), (170, 176, 184), h)
    ground = h - 60
    c.rect(
        (100, ground - 200, 900, ground - 170), shade(palette, -0.4), radius=6
    )  # bench
    c.rect((130, ground - 170, 160, ground), INK)
    c.rect((840, ground - 170, 870, ground), INK)
    # a wing rib on the bench: outline, lightening holes, rivets
    rib = [
        (180, ground - 200),
        (220, ground - 290),
        (420, ground - 340),
        (720, ground - 320),
        (820, ground - 260),
        (830, ground - 200),
    ]
    c.polygon(rib, shade(STEEL_LIGHT, 0.2))
    for x, r in ((330, 30), (480, 36), (630, 32), (750, 22)):
        c.circle(x, ground - 258, r, shade(palette, 0.7))
    for x in range(210, 820, 28):
        c.circle(x, ground - 210, 4, STEEL)
    # fixture clamps and tools
    for x in (250, 780):
        c.rect((x - 20, ground - 230, x + 20, ground - 196), palette, radius=4)
    c.rect((600, ground - 185, 700, ground - 175), SAFETY_RED, radius=4)
    person(c, 920, ground + 10, 1.05, palette, helmet=None)
    return (160, ground - 360, 700, 220)


def _workshop(c: Canvas, h: float, palette: Color) -> tuple:
    c.rect((0, 0, 1000, h), (236, 232, 224))
    c.rect((0, h * 0.7, 1000, h), (196, 170, 140))
    # the board: a drawn machine part
    c.rect((300, 60, 700, 300), (250, 252, 250), radius=10, outline=INK, width=6)
    c.rect((380, 120, 620, 240), None, outline=palette, width=6)
    c.circle(500, 180, 40, None, outline=palette, width=6)
    c.line([(380, 270), (620, 270)], SAFETY_RED, 4)
    # the teacher at the board, a machine at the side, the class in rows
    person(c, 760, h * 0.72, 1.1, palette, helmet=None)
    c.rect((60, h * 0.35, 230, h * 0.72), STEEL, radius=12)
    c.rect((85, h * 0.4, 205, h * 0.52), INK, radius=6)
    c.circle(145, h * 0.62, 22, SAFETY_YELLOW)
    for row, y in enumerate((h * 0.82, h * 0.95)):
        for n in range(6):
            x = 140 + n * 145 + (row * 30)
            c.circle(x, y - 60, 22, INK if (n + row) % 3 else (90, 60, 40))
            c.rect(
                (x - 30, y - 40, x + 30, y + 20),
                shade(palette, 0.2 * ((n + row) % 3)),
                radius=14,
            )
            c.rect((x - 55, y - 5, x + 55, y + 8), (150, 110, 70), radius=3)
    return (260, 40, 560, round(h * 0.6))


def _pipework(c: Canvas, h: float, palette: Color) -> tuple:
    """A plant's pipe rack: tanks, pipes with flanges, a valve being serviced."""
    c.rect((0, 0, 1000, h), (214, 228, 238))
    c.rect((0, h * 0.8, 1000, h), (168, 170, 160))
    for x, top in ((70, 0.2), (210, 0.3)):
        c.rect((x, h * top, x + 120, h * 0.8), shade(STEEL_LIGHT, 0.3), radius=40)
        c.rect((x, h * (top + 0.12), x + 120, h * (top + 0.15)), palette)
    for y, color in (
        (0.38, palette),
        (0.55, shade(SAFETY_YELLOW, -0.1)),
        (0.68, STEEL),
    ):
        c.rect((330, h * y, 1000, h * y + 34), color, radius=6)
        for x in (420, 640, 860):
            c.rect((x, h * y - 8, x + 18, h * y + 42), shade(color, -0.3), radius=3)
    c.rect((330, h * 0.2, 364, h * 0.8), shade(palette, -0.2), radius=6)
    # the valve and its handwheel
    c.rect((690, h * 0.5, 770, h * 0.62), SAFETY_RED, radius=10)
    c.rect((722, h * 0.4, 738, h * 0.5), INK)
    c.circle(730, h * 0.39, 42, None, outline=INK, width=8)
    c.line([(690, h * 0.39), (770, h * 0.39)], INK, 6)
    person(c, 560, h * 0.8, 1.3, shade(palette, -0.3), helmet=SAFETY_YELLOW)
    return (300, round(h * 0.2), 560, round(h * 0.62))


def _portrait(c: Canvas, h: float, palette: Color) -> tuple:
    """A worker's bust: face, work cap or helmet, the collar of a work jacket."""
    rng = c.rng
    c.rect((0, 0, 1000, h), shade(palette, 0.7))
    c.circle(500, h * 0.45, 390, shade(palette, 0.55))
    skin = rng.choice([(236, 196, 160), (226, 184, 146), (240, 204, 172)])
    jacket = palette
    c.rect((150, h * 0.72, 850, h + 40), jacket, radius=180)
    c.polygon([(420, h * 0.72), (500, h * 0.86), (580, h * 0.72)], (245, 245, 245))
    c.rect((460, h * 0.62, 540, h * 0.76), shade(skin, -0.08), radius=20)
    c.ellipse((345, h * 0.28, 655, h * 0.68), skin)
    hair = rng.choice([INK, (60, 44, 36), (30, 30, 34)])
    if rng.random() < 0.5:
        cap = rng.choice([SAFETY_YELLOW, (240, 240, 240), shade(palette, -0.3)])
        c.ellipse((330, h * 0.17, 670, h * 0.44), cap)
        c.rect((310, h * 0.36, 690, h * 0.4), shade(cap, -0.15), radius=10)
    else:
        c.ellipse((335, h * 0.22, 665, h * 0.42), hair)
        c.rect((335, h * 0.32, 365, h * 0.5), hair, radius=10)
        c.rect((635, h * 0.32, 665, h * 0.5), hair, radius=10)
    for x in (440, 560):
        c.circle(x, h * 0.49, 11, INK)
    c.line([(465, h * 0.59), (500, h * 0.6), (535, h * 0.59)], shade(skin, -0.4), 6)
    c.rect((610, h * 0.8, 700, h * 0.84), shade(jacket, 0.6), radius=6)  # name badge
    return (330, round(h * 0.15), 340, round(h * 0.55))


SUBJECTS: dict[str, Callable[[Canvas, float, Color], tuple]] = {
    "loom": _loom,
    "fabric_defect": _fabric_defect,
    "spinning": _spinning,
    "welding_cell": _welding_cell,
    "valve_body": _valve_body,
    "assembly_bench": _assembly_bench,
    "workshop": _workshop,
    "pipework": _pipework,
    "portrait": _portrait,
}
