"""Scenery the workshop pictures share: the factory hall and a standing worker."""

from __future__ import annotations

from lms.illustrations.canvas import INK, SAFETY_YELLOW, Canvas, Color, shade


def hall(c: Canvas, wall: Color, floor: Color, height: float) -> None:
    """A factory hall: wall with high windows, floor with a painted walkway."""
    c.rect((0, 0, 1000, height), wall)
    for x in range(40, 1000, 160):
        c.rect((x, 40, x + 110, 130), shade(wall, 0.45), radius=4)
        c.line([(x + 55, 40), (x + 55, 130)], shade(wall, 0.15), 3)
    c.rect((0, height * 0.62, 1000, height * 0.62 + 40), shade(floor, 0.25))
    c.polygon(
        [(0, 0.62 * height + 40), (1000, 0.62 * height + 40), (1000, 1000), (0, 1000)],
        floor,
    )
    c.rect((0, height - 40, 1000, height - 28), SAFETY_YELLOW)


def person(
    c: Canvas,
    x: float,
    ground: float,
    scale: float,
    shirt: Color,
    helmet: Color | None = None,
) -> None:
    """A standing worker seen from the front, feet at ``ground``."""
    s = scale
    c.rect((x - 14 * s, ground - 70 * s, x - 3 * s, ground), INK, radius=4 * s)
    c.rect((x + 3 * s, ground - 70 * s, x + 14 * s, ground), INK, radius=4 * s)
    c.rect(
        (x - 22 * s, ground - 150 * s, x + 22 * s, ground - 64 * s),
        shirt,
        radius=14 * s,
    )
    c.circle(x, ground - 172 * s, 20 * s, (236, 196, 160))
    if helmet is not None:
        c.ellipse((x - 23 * s, ground - 200 * s, x + 23 * s, ground - 170 * s), helmet)
        c.rect(
            (x - 27 * s, ground - 180 * s, x + 27 * s, ground - 174 * s),
            helmet,
            radius=3 * s,
        )
    else:
        c.ellipse((x - 21 * s, ground - 195 * s, x + 21 * s, ground - 172 * s), INK)
