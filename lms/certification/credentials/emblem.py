"""The badge image a credential is baked into: a drawn medal (a gear on a
ribbon, in the style of ``lms.illustrations``), no words, same bytes for the
same level."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from lms.illustrations.canvas import INK, SAFETY_RED, SAFETY_YELLOW, STEEL, STEEL_LIGHT

SIZE = 400
RIBBONS = [STEEL, (46, 125, 80), (40, 96, 160), (120, 70, 150), SAFETY_RED]


def medal(level: int) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    ribbon = RIBBONS[min(max(level, 1), 8) * len(RIBBONS) // 9]
    d.polygon([(120, 230), (170, 230), (140, 390), (100, 360)], fill=ribbon)
    d.polygon([(230, 230), (280, 230), (300, 360), (260, 390)], fill=ribbon)
    centre, outer, inner = (200, 170), 150, 120
    teeth = []
    for step in range(48):
        radius = outer if step % 4 in (0, 1) else outer - 18
        angle = math.pi * 2 * step / 48
        teeth.append(
            (centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle))
        )
    d.polygon(teeth, fill=SAFETY_YELLOW, outline=INK)
    box = [centre[0] - inner, centre[1] - inner, centre[0] + inner, centre[1] + inner]
    d.ellipse(box, fill=STEEL_LIGHT, outline=INK, width=4)
    # One star per step of the ladder (rank 1 apprentice … 8 chief technician),
    # in rows of four.
    stars = max(1, min(level, 8))
    rows = [min(stars, 4), stars - 4] if stars > 4 else [stars]
    for row, count in enumerate(rows):
        y = centre[1] - (len(rows) - 1) * 22 + row * 44
        for i in range(count):
            _star(d, (centre[0] - (count - 1) * 21 + i * 42, y), 20)
    d.ellipse([190, 60, 210, 80], fill=ribbon)
    return image


def _star(d: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float) -> None:
    points = []
    for step in range(10):
        r = radius if step % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + math.pi * step / 5
        points.append(
            (centre[0] + r * math.cos(angle), centre[1] + r * math.sin(angle))
        )
    d.polygon(points, fill=INK)
