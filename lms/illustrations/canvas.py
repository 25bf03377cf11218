"""The drawing surface every illustration is painted on: a Pillow image in a
1000-unit-wide coordinate space (so each subject is written once and drawn at any
size), the picture sizes and the shared colours."""

from __future__ import annotations

import random
from dataclasses import dataclass
from io import BytesIO

from PIL import Image, ImageDraw

Color = tuple[int, int, int]

LANDSCAPE = (1280, 720)
PORTRAIT = (640, 800)

INK: Color = (38, 50, 64)
STEEL: Color = (120, 134, 150)
STEEL_LIGHT: Color = (176, 188, 200)
SAFETY_YELLOW: Color = (242, 184, 24)
SAFETY_RED: Color = (200, 54, 40)
SPARK: Color = (255, 214, 92)


@dataclass(frozen=True)
class Drawing:
    """A drawn picture: its PNG bytes and the box that matters (for crops)."""

    data: bytes
    width: int
    height: int
    focal: tuple[int, int, int, int]  # left, top, width, height


def shade(color: Color, amount: float) -> Color:
    """``color`` made lighter (amount > 0) or darker (amount < 0)."""
    if amount >= 0:
        return tuple(round(c + (255 - c) * amount) for c in color)  # type: ignore[return-value]
    return tuple(round(c * (1 + amount)) for c in color)  # type: ignore[return-value]


class Canvas:
    """A Pillow drawing in a 1000-unit-wide coordinate space, so each subject is
    written once and drawn at any size."""

    def __init__(self, size: tuple[int, int], background: Color, rng: random.Random):
        self.image = Image.new("RGB", size, background)
        self.draw = ImageDraw.Draw(self.image)
        self.k = size[0] / 1000
        self.rng = rng

    def _xy(self, points):
        return [(round(x * self.k), round(y * self.k)) for x, y in points]

    def rect(self, box, fill, radius=0, outline=None, width=0):
        (x0, y0), (x1, y1) = self._xy([box[:2], box[2:]])
        self.draw.rounded_rectangle(
            (x0, y0, x1, y1),
            radius=round(radius * self.k),
            fill=fill,
            outline=outline,
            width=round(width * self.k),
        )

    def ellipse(self, box, fill, outline=None, width=0):
        (x0, y0), (x1, y1) = self._xy([box[:2], box[2:]])
        self.draw.ellipse(
            (x0, y0, x1, y1), fill=fill, outline=outline, width=round(width * self.k)
        )

    def circle(self, cx, cy, r, fill, outline=None, width=0):
        self.ellipse((cx - r, cy - r, cx + r, cy + r), fill, outline, width)

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def glow(self, points, color, opacity: int):
        """A see-through polygon (light falling on a surface)."""
        mask = Image.new("L", self.image.size, 0)
        ImageDraw.Draw(mask).polygon(self._xy(points), fill=opacity)
        self.image.paste(color, (0, 0, *self.image.size), mask)

    def line(self, points, fill, width):
        self.draw.line(self._xy(points), fill=fill, width=max(1, round(width * self.k)))

    def png(self) -> bytes:
        buffer = BytesIO()
        self.image.save(buffer, format="PNG", compress_level=3)
        return buffer.getvalue()
