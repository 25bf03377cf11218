"""The certificate as a one-page PDF (reportlab): in both languages, the holder's
first, with the issuing body's seal and a QR code (segno) that links to the public
verification page. Its one font is embedded as a subset (``lms.fonts``). A revoked,
suspended, expired or superseded certificate carries its status across the page.
The issuing body signs it (PAdES): a PDF reader shows the signature, and any change
after signing breaks it."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable

import segno
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from lms.fonts import pdf_font
from lms.links import absolute_reverse
from lms.models import CertificateStatus

logger = logging.getLogger(__name__)

CHINESE, ENGLISH = "zh-hans", "en"
# Statuses printed across the page: the certificate no longer stands as issued.
MARKED_STATUSES = {
    CertificateStatus.REVOKED,
    CertificateStatus.SUSPENDED,
    CertificateStatus.EXPIRED,
    CertificateStatus.SUPERSEDED,
}
RED = HexColor("#9b2c1f")


def verification_url(certificate) -> str:
    """Absolute public URL of the certificate's verification page."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_reverse("certification:verify", certificate.verification_code)


def languages_for(holder) -> tuple[str, str]:
    """(first, second): the holder's language first, the other one alongside."""
    if (holder.preferred_language or "").startswith("zh"):
        return CHINESE, ENGLISH
    return ENGLISH, CHINESE


def _in(language: str, render: Callable[[], object]) -> str:
    with translation.override(language):
        return str(render())


def _pair(languages, render) -> tuple[str, str]:
    """``render()`` in both languages; the second is "" when it reads the same."""
    first, second = (_in(lang, render) for lang in languages)
    return first, ("" if second == first else second)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shortens ``text`` with an ellipsis until it fits ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_qr(pdf: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    qr = segno.make(url, error="m")
    matrix = [list(row) for row in qr.matrix]
    cell = size / len(matrix)
    pdf.setFillColor(HexColor("#000000"))
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, 0, 1)


def _seal(certificate) -> ImageReader | None:
    body = certificate.issuing_body
    if body is None or not body.seal:
        return None
    try:
        with body.seal.open("rb") as handle:
            return ImageReader(io.BytesIO(handle.read()))
    except OSError:  # the record names a file the storage no longer has
        logger.warning("Seal of issuing body %s is missing", body.pk)
        return None


def _rows(certificate, languages) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(label in both languages, value in both languages) for each line."""
    occupation = certificate.occupation

    def date(value):
        return lambda: formats.date_format(value, "DATE_FORMAT")

    placing = certificate.kind == certificate.Kind.PLACING
    level_label = (
        (lambda: _("Skill level assessed")) if placing else (lambda: _("Skill level"))
    )
    rows = [
        (
            _pair(languages, lambda: _("Occupation")),
            _pair(languages, lambda: f"{occupation.local_name} ({occupation.code})"),
        ),
        (
            _pair(languages, level_label),
            _pair(languages, certificate.get_level_display),
        ),
    ]
    if certificate.evidence_detail:
        label = (
            (lambda: _("Course"))
            if certificate.evidence_kind == certificate.Evidence.COURSE
            else (lambda: _("Placing"))
            if placing
            else (lambda: _("Evidence"))
        )
        rows.append((_pair(languages, label), (certificate.evidence_detail, "")))
    rows += [
        (_pair(languages, lambda: _("Certificate number")), (certificate.number, "")),
        (
            _pair(languages, lambda: _("Issued on")),
            _pair(languages, date(certificate.issued_on)),
        ),
        (
            _pair(languages, lambda: _("Valid until")),
            _pair(
                languages,
                date(certificate.valid_until)
                if certificate.valid_until
                else (lambda: _("No expiry")),
            ),
        ),
    ]
    return rows


def _status_mark(pdf, certificate, languages, font, width, height) -> None:
    status = certificate.status
    if status not in MARKED_STATUSES:
        return
    first, second = _pair(languages, lambda: CertificateStatus(status).label)
    pdf.saveState()
    pdf.setFillColor(Color(0.75, 0.1, 0.1, alpha=0.3))
    pdf.translate(width / 2, height / 2)
    pdf.rotate(28)
    pdf.setFont(font, 96)
    pdf.drawCentredString(0, 0, first)
    if second:
        pdf.setFont(font, 48)
        pdf.drawCentredString(0, -22 * mm, second.upper())
    pdf.restoreState()


def certificate_pdf(certificate) -> bytes:
    """The PDF bytes for one certificate (generated on demand; it is small),
    signed by its issuing body (PAdES; ``services.pdf_signatures``)."""
    from lms.certification.services.pdf_signatures import certificate_pdf_sign

    return certificate_pdf_sign(data=unsigned_pdf(certificate), certificate=certificate)


def unsigned_pdf(certificate) -> bytes:
    """The page as reportlab draws it, before the signature is appended."""
    font = pdf_font()
    languages = languages_for(certificate.holder)
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height), initialFontName=font)
    pdf.setTitle(certificate.number)
    pdf.setAuthor(certificate.issuer_name)
    pdf.setStrokeColor(RED)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    title, title_other = _pair(
        languages,
        (lambda: _("Competition placing certificate"))
        if certificate.kind == certificate.Kind.PLACING
        else (lambda: _("Skill certificate")),
    )
    pdf.setFillColor(RED)
    pdf.setFont(font, 26)
    pdf.drawCentredString(width / 2, height - 36 * mm, title)
    pdf.setFont(font, 13)
    pdf.drawCentredString(width / 2, height - 44 * mm, title_other)

    issuer, issuer_other = _pair(languages, lambda: certificate.issuer_local_name)
    pdf.setFillColor(HexColor("#222222"))
    pdf.setFont(font, 13)
    pdf.drawCentredString(width / 2, height - 54 * mm, issuer)
    pdf.setFont(font, 10)
    pdf.drawCentredString(width / 2, height - 59.5 * mm, issuer_other)

    pdf.setFont(font, 24)
    pdf.drawCentredString(
        width / 2, height - 74 * mm, certificate.holder_display_name[:80]
    )

    qr_size, qr_x = 38 * mm, width - 35 * mm - 38 * mm
    value_x, label_x = 80 * mm, 35 * mm
    y = height - 90 * mm
    for (label, label_other), (value, value_other) in _rows(certificate, languages):
        pdf.setFillColor(HexColor("#555555"))
        pdf.setFont(font, 11)
        pdf.drawString(label_x, y, _fit(label, font, 11, value_x - label_x - 4 * mm))
        pdf.setFont(font, 8)
        pdf.drawString(
            label_x, y - 4 * mm, _fit(label_other, font, 8, value_x - label_x - 4 * mm)
        )
        pdf.setFillColor(HexColor("#111111"))
        pdf.setFont(font, 13)
        pdf.drawString(value_x, y, _fit(value, font, 13, qr_x - value_x - 6 * mm))
        pdf.setFont(font, 9)
        pdf.drawString(
            value_x, y - 4.5 * mm, _fit(value_other, font, 9, qr_x - value_x - 6 * mm)
        )
        y -= 11 * mm

    seal = _seal(certificate)
    if seal is not None:
        pdf.drawImage(
            seal,
            width / 2 - 18 * mm,
            18 * mm,
            36 * mm,
            36 * mm,
            mask="auto",
            preserveAspectRatio=True,
        )

    url = verification_url(certificate)
    _draw_qr(pdf, url, qr_x, 26 * mm, qr_size)
    verify, verify_other = _pair(languages, lambda: _("Verify at"))
    pdf.setFont(font, 8)
    pdf.setFillColor(HexColor("#555555"))
    pdf.drawRightString(
        qr_x + qr_size, 21 * mm, " · ".join(filter(None, (verify, verify_other)))
    )
    pdf.drawRightString(qr_x + qr_size, 17 * mm, url)

    _status_mark(pdf, certificate, languages, font, width, height)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
