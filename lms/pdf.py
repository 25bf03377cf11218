"""The certificate as a one-page PDF (reportlab) with a QR code (segno) that links to
its public verification page. Chinese text uses reportlab's built-in CID font, so no
font file is needed."""

from __future__ import annotations

import io

import segno
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from lms.links import absolute_reverse

FONT = "STSong-Light"


def verification_url(certificate) -> str:
    """Absolute public URL of the certificate's verification page."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute_reverse("certification:verify", certificate.verification_code)


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _draw_qr(pdf: canvas.Canvas, url: str, x: float, y: float, size: float) -> None:
    qr = segno.make(url, error="m")
    matrix = [list(row) for row in qr.matrix]
    cell = size / len(matrix)
    pdf.setFillColor(HexColor("#000000"))
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + c * cell, y + size - (r + 1) * cell, cell, cell, 0, 1)


def certificate_pdf(certificate) -> bytes:
    """The PDF bytes for one certificate (generated on demand; it is small)."""
    font = _font()
    width, height = landscape(A4)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"{certificate.number}")
    pdf.setAuthor(certificate.issuer_name)
    pdf.setStrokeColor(HexColor("#9b2c1f"))
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)

    pdf.setFillColor(HexColor("#9b2c1f"))
    pdf.setFont(font, 26)
    pdf.drawCentredString(width / 2, height - 40 * mm, _("Skill certificate"))
    pdf.setFillColor(HexColor("#222222"))
    pdf.setFont(font, 12)
    pdf.drawCentredString(width / 2, height - 50 * mm, certificate.issuer_name)

    occupation = certificate.occupation
    occupation_line = occupation.name
    if occupation.name_zh:
        occupation_line += f" · {occupation.name_zh}"
    pdf.setFont(font, 22)
    pdf.drawCentredString(
        width / 2, height - 75 * mm, certificate.holder.get_full_name()
    )
    pdf.setFont(font, 14)
    lines = [
        (_("Occupation"), f"{occupation_line} ({occupation.code})"),
        (_("Skill level"), str(certificate.get_level_display())),
    ]
    if certificate.evidence_detail:
        label = (
            _("Course")
            if certificate.evidence_kind == certificate.Evidence.COURSE
            else _("Evidence")
        )
        lines.append((label, certificate.evidence_detail))
    lines += [
        (_("Certificate number"), certificate.number),
        (_("Issued on"), certificate.issued_on.isoformat()),
        (
            _("Valid until"),
            certificate.valid_until.isoformat()
            if certificate.valid_until
            else _("No expiry"),
        ),
    ]
    y = height - 95 * mm
    for label, value in lines:
        pdf.setFont(font, 11)
        pdf.setFillColor(HexColor("#555555"))
        pdf.drawString(40 * mm, y, label)
        pdf.setFont(font, 13)
        pdf.setFillColor(HexColor("#111111"))
        pdf.drawString(85 * mm, y, value[:70])
        y -= 10 * mm

    url = verification_url(certificate)
    qr_size = 42 * mm
    _draw_qr(pdf, url, width - 40 * mm - qr_size, 30 * mm, qr_size)
    pdf.setFont(font, 8)
    pdf.setFillColor(HexColor("#555555"))
    pdf.drawRightString(width - 40 * mm, 25 * mm, _("Verify at"))
    pdf.drawRightString(width - 40 * mm, 21 * mm, url)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
