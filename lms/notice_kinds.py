"""The notification kinds lms sends (registered in ``LmsConfig.ready``)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


# What a newcomer in each role does here, for the welcome message.
ROLE_WELCOME = {
    "officer": gettext_lazy(
        "Check the appraisal results imported this month: one file has rows with "
        "errors."
    ),
    "editor": gettext_lazy(
        "Role-model profiles, studios and stories are yours to keep up to date; "
        "moderators review them before they go live."
    ),
    "moderator": gettext_lazy(
        "Pages that editors send for review wait for you in the admin's workflow "
        "dashboard."
    ),
    "admin": gettext_lazy(
        "You administer the platform: people, roles and the content of every app."
    ),
}

WELCOME = register(
    NoticeKind(
        name="lms.welcome",
        subject=lambda params: _("Welcome to Craft Skills"),
        body=lambda params: str(ROLE_WELCOME[params["role"]]),
        link=lambda params: reverse("lms:dashboard"),
    )
)


@loader
def _erasure_request(params):
    from lms.models import ErasureRequest

    return ErasureRequest.objects.get(pk=params["erasure_request"])


def _erasure_refused_subject(params):
    _erasure_request(params)
    return _("Your erasure request was refused")


def _erasure_refused_body(params):
    return _("The reason given: %(note)s") % {
        "note": _erasure_request(params).decision_note
    }


ERASURE_REFUSED = register(
    NoticeKind(
        name="lms.erasure_refused",
        subject=_erasure_refused_subject,
        body=_erasure_refused_body,
        link=lambda params: reverse("lms:profile") + "#my-data",
    )
)
