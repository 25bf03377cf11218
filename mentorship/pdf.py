"""The agreement as a PDF (reportlab): terms, milestones and signatures, in the one
embedded CJK font of every PDF (``lms.fonts``)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from lms.fonts import pdf_font
from mentorship.models import Agreement, AgreementSignature


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body",
        parent=base["BodyText"],
        fontName=font,
        fontSize=10,
        leading=15,
        wordWrap="CJK",
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=16, leading=22, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontSize=12, leading=18, spaceBefore=10, spaceAfter=4
        ),
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=8, leading=11, textColor=colors.grey
        ),
    }


def _p(text, style) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else "—"


def agreement_pdf_bytes(agreement: Agreement) -> bytes:
    """``agreement`` as fetched by ``selectors.agreement_for_page`` (prefetched)."""
    font = pdf_font()
    s = _styles(font)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=_("Mentorship agreement"),
        author=str(agreement.coordinator),
        initialFontName=font,
    )
    terms = [
        (_("Mentor"), agreement.mentor),
        (_("Apprentice"), agreement.apprentice),
        (_("Enterprise"), agreement.enterprise),
        (_("Union coordinator (witness)"), agreement.coordinator),
        (_("Occupation"), f"{agreement.occupation} ({agreement.occupation.code})"),
        (_("Period"), f"{_date(agreement.start_date)} – {_date(agreement.end_date)}"),
        (_("Planned meetings"), agreement.get_cadence_display()),
        (_("Planned hours"), agreement.planned_hours),
        (_("Status"), agreement.get_status_display()),
    ]
    table_style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
            ("FONTNAME", (0, 0), (-1, -1), font),
        ]
    )
    story = [
        _p(_("Mentorship agreement"), s["title"]),
        _p(_("No. %(number)s") % {"number": agreement.pk}, s["small"]),
        Spacer(1, 4 * mm),
        Table(
            [[_p(k, s["body"]), _p(v, s["body"])] for k, v in terms],
            colWidths=[55 * mm, None],
            style=table_style,
        ),
        _p(_("Goals"), s["h2"]),
        _p(agreement.goals, s["body"]),
    ]
    milestones = list(agreement.milestones.all())
    if milestones:
        story.append(_p(_("Milestones"), s["h2"]))
        rows = [
            [
                _p(h, s["small"])
                for h in (_("Milestone"), _("Target date"), _("Level"), _("Signed off"))
            ]
        ]
        for m in milestones:
            rows.append(
                [
                    _p(m.title, s["body"]),
                    _p(_date(m.target_date), s["body"]),
                    _p(m.get_skill_level_display(), s["body"]),
                    _p(
                        _date(m.signed_off_at and timezone.localtime(m.signed_off_at)),
                        s["body"],
                    ),
                ]
            )
        story.append(
            Table(
                rows,
                colWidths=[70 * mm, 30 * mm, 45 * mm, None],
                style=table_style,
                repeatRows=1,
            )
        )
    if agreement.status == Agreement.Status.TERMINATED:
        story += [
            _p(_("Reason for termination"), s["h2"]),
            _p(agreement.termination_reason, s["body"]),
        ]
    story.append(_p(_("Signatures"), s["h2"]))
    signed = {sig.party: sig for sig in agreement.signatures.all()}
    rows = []
    for party, label in AgreementSignature.Party.choices:
        sig = signed.get(party)
        if sig:
            when = formats.date_format(
                timezone.localtime(sig.signed_at), "DATETIME_FORMAT"
            )
            text = _("Signed by %(name)s on %(when)s") % {
                "name": sig.signer,
                "when": when,
            }
        else:
            text = _("Not signed yet")
        rows.append([_p(label, s["body"]), _p(text, s["body"])])
    story.append(Table(rows, colWidths=[55 * mm, None], style=table_style))
    story += [
        Spacer(1, 6 * mm),
        _p(
            _("Printed %(when)s from Craft Skills.")
            % {"when": formats.date_format(timezone.localtime(), "DATETIME_FORMAT")},
            s["small"],
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
