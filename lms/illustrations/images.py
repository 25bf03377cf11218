"""A subject drawn as PNG bytes (deterministic: the same subject, variant and size
give the same bytes), and as the Wagtail image the demo's pages use, made once and
found by its title after that."""

from __future__ import annotations

import random
from io import BytesIO

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from lms.illustrations.canvas import LANDSCAPE, PORTRAIT, Canvas, Color, Drawing
from lms.illustrations.subjects import SUBJECTS

PALETTES: list[Color] = [
    (11, 110, 153),
    (176, 38, 30),
    (30, 122, 60),
    (154, 98, 0),
    (92, 60, 150),
    (16, 92, 110),
]


def draw(
    subject: str, *, variant: int = 0, size: tuple[int, int] | None = None
) -> Drawing:
    """The picture of ``subject`` (a key of ``SUBJECTS``); ``variant`` changes its
    colours and details, the same arguments always give the same bytes."""
    try:
        paint = SUBJECTS[subject]
    except KeyError as error:
        raise ValueError(f"No illustration of {subject!r}.") from error
    size = size or (PORTRAIT if subject == "portrait" else LANDSCAPE)
    rng = random.Random(f"{subject}:{variant}")
    palette = PALETTES[variant % len(PALETTES)]
    canvas = Canvas(size, (255, 255, 255), rng)
    height_units = size[1] / canvas.k
    left, top, width, height = paint(canvas, height_units, palette)
    left, top = max(0, round(left * canvas.k)), max(0, round(top * canvas.k))
    focal = (
        left,
        top,
        min(round(width * canvas.k), size[0] - left),
        min(round(height * canvas.k), size[1] - top),
    )
    return Drawing(canvas.png(), size[0], size[1], focal)


def illustration_image(*, title: str, subject: str, variant: int = 0):
    """The Wagtail image titled ``title``, drawn from ``subject`` the first time
    (with its focal point) and found by its title after that."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    drawing = draw(subject, variant=variant)
    image = image_model(title=title)
    image.file = ImageFile(BytesIO(drawing.data), name=f"{subject}-{variant}.png")
    left, top, width, height = drawing.focal
    image.focal_point_x, image.focal_point_y = left + width // 2, top + height // 2
    image.focal_point_width, image.focal_point_height = width, height
    image.save()
    return image
