"""The badge image a credential is baked into: a drawn medal (a gear on a
ribbon, in the style of ``lms.illustrations``), no words, same bytes for the
same level."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from lms.illustrations import INK, SAFETY_RED, SAFETY_YELLOW, STEEL, STEEL_LIGHT

SIZE = 400
RIBBONS = [SAFETY_RED, (40, 96, 160), (46, 125, 80), (120, 70, 150), STEEL]


def medal(level: int) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    ribbon = RIBBONS[(level - 1) % len(RIBBONS)]
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
    # Stars for the rank: five for level 1 (the highest), one for level 5.
    stars = max(1, 6 - level) if 1 <= level <= 5 else 1
    for i in range(stars):
        _star(d, (centre[0] - (stars - 1) * 21 + i * 42, centre[1]), 20)
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
