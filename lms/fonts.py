"""The one font of every PDF (certificates, agreements): a real CJK TrueType font
that covers Latin too, embedded as a subset so every viewer shows the same glyphs.
Where it is missing the PDF fails, loudly: there is no fallback font."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

PDF_FONT = "CraftSkillsCJK"


class FontMissing(ImproperlyConfigured):
    pass


def font_path() -> Path:
    return Path(settings.PDF_FONT_PATH)


def font_problem() -> str | None:
    """Why the PDF font cannot be used, or None (the start-up check asks this)."""
    path = font_path()
    if not path.is_file():
        return (
            f"The PDF font {path} is missing: install Debian's fonts-wqy-microhei "
            "(make does) or set PDF_FONT_PATH."
        )
    return None


def pdf_font() -> str:
    """Registers the font with reportlab once and returns its name; raises
    ``FontMissing`` whenever the file is not there (a stat, so a font removed after
    start-up fails too)."""
    problem = font_problem()
    if problem:
        raise FontMissing(problem)
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(
            TTFont(PDF_FONT, str(font_path()), subfontIndex=settings.PDF_FONT_INDEX)
        )
    return PDF_FONT
