"""``{% fitted_picture %}``: a Wagtail image as a ``<picture>`` with WebP and JPEG
renditions at the sizes it is shown, ``srcset``/``sizes`` and width/height, and never
wider than its source: candidates past the source's width are dropped (the source's
own width stands in for them) and the ``<img>`` is sized so CSS cannot stretch it.

AVIF is left out on purpose: Pillow encodes one AVIF rendition in 1.5-3 s here
(WebP in under 0.1 s), and renditions are made on the page request."""

from __future__ import annotations

import logging

from django import template
from wagtail.images.models import Picture, SourceImageIOError

logger = logging.getLogger(__name__)

register = template.Library()

FORMATS = ("webp", "jpeg")
DENSITIES = (0.5, 1, 2)


def candidate_widths(
    *, shown: int, source_width: int, densities=DENSITIES
) -> list[int]:
    """Rendition widths for an image shown at most ``shown`` CSS px wide: one per
    pixel density, none wider than the source (which takes their place)."""
    widths = {min(source_width, max(1, round(shown * d))) for d in densities}
    return sorted(widths)


def _largest_width(image, ratio: tuple[int, int] | None) -> int:
    """The widest rendition the source allows (for a crop, the widest crop)."""
    if ratio is None:
        return image.width
    across, down = ratio
    return min(image.width, image.height * across // down)


def _spec(width: int, ratio: tuple[int, int] | None, fmt: str) -> str:
    if ratio is None:
        return f"width-{width}|format-{fmt}"
    across, down = ratio
    return f"fill-{width}x{max(1, round(width * down / across))}|format-{fmt}"


def fitted(image, *, width: int, crop: str = "", **attrs) -> Picture | None:
    """The ``Picture`` of ``image`` for a slot at most ``width`` CSS px wide,
    cropped to ``crop`` ("16x9") around the focal point when given."""
    if image is None:
        return None
    ratio = tuple(int(n) for n in crop.split("x")) if crop else None
    largest = _largest_width(image, ratio)
    shown = min(width, largest)
    specs = [
        _spec(w, ratio, fmt)
        for fmt in FORMATS
        for w in candidate_widths(shown=shown, source_width=largest)
    ]
    try:
        renditions = image.get_renditions(*specs)
    except SourceImageIOError:
        # The file is gone from storage: the page shows without the picture.
        logger.warning("Image %s has no source file", image.pk)
        return None
    biggest = max(renditions.values(), key=lambda r: r.width)
    height = round(shown * biggest.height / biggest.width)
    attrs = {
        "width": shown,
        "height": height,
        "sizes": attrs.pop("sizes", "") or f"(max-width: {shown}px) 100vw, {shown}px",
        "loading": "lazy",
        "decoding": "async",
        **attrs,
    }
    if attrs.get("loading") == "eager":
        attrs.pop("decoding")
    return Picture(renditions, attrs)


@register.simple_tag
def fitted_picture(image, width, crop="", **attrs):
    """``{% fitted_picture page.cover_image 640 "16x9" alt="" class="cover" %}``:
    nothing when there is no image."""
    picture = fitted(image, width=int(width), crop=crop, **attrs)
    return picture or ""
