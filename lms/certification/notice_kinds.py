"""The notification kinds certification sends: a certificate issued, one expiring,
a board export finished (registered at start-up, ``lms.certification.startup``)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.notices import NoticeKind, loader, register


@loader
def _certificate(params):
    from lms.models import SkillCertificate

    return SkillCertificate.objects.select_related("holder", "occupation").get(
        pk=params["certificate"]
    )


def _date(value) -> str:
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return formats.date_format(value, "DATE_FORMAT")


def _issued_subject(params):
    return _("Your skill certificate %(number)s is ready") % {
        "number": _certificate(params).number
    }


def _issued_body(params):
    c = _certificate(params)
    return _("%(occupation)s, %(level)s.") % {
        "occupation": c.occupation,
        "level": c.get_level_display(),
    }


def _certificate_link(params):
    return reverse("certification:detail", args=[_certificate(params).pk])


def _expiring_subject(params):
    c = _certificate(params)
    values = {
        "number": c.number,
        "date": _date(c.valid_until),
        "name": c.holder.get_full_name(),
    }
    if params.get("for_holder", True):
        return _("Your certificate %(number)s expires on %(date)s") % values
    return _("%(name)s's certificate %(number)s expires on %(date)s") % values


def _expiring_body(params):
    return _("%(occupation)s. Plan the renewal before it expires.") % {
        "occupation": _certificate(params).occupation
    }


CERTIFICATE_ISSUED = register(
    NoticeKind(
        name="lms.certificate_issued",
        subject=_issued_subject,
        body=_issued_body,
        link=_certificate_link,
    )
)
CERTIFICATE_EXPIRING = register(
    NoticeKind(
        name="lms.certificate_expiring",
        subject=_expiring_subject,
        body=_expiring_body,
        link=_certificate_link,
    )
)


@loader
def _export(params):
    from lms.models import BoardExport

    return BoardExport.objects.get(pk=params["export"])


def _export_subject(params):
    if _export(params).status == "failed":
        return _("Your certificate export could not be written")
    return _("Your certificate export is ready")


def _export_body(params):
    export = _export(params)
    if export.status == "failed":
        return export.error_text
    return ngettext(
        "%(n)s certificate, to download within a day.",
        "%(n)s certificates, to download within a day.",
        export.rows_total,
    ) % {"n": formats.number_format(export.rows_total, force_grouping=True)}


def _export_link(params):
    return reverse("certification:export_detail", args=[_export(params).pk])


BOARD_EXPORT_FINISHED = register(
    NoticeKind(
        name="lms.board_export_finished",
        subject=_export_subject,
        body=_export_body,
        link=_export_link,
    )
)
