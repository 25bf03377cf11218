"""The notification kinds the core sends (registered in ``LmsConfig.ready``);
certification's are in ``lms.certification.notice_kinds``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.notices import NoticeKind, loader, register

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
    "organiser": gettext_lazy(
        "Follow your events' reservations: seats, waiting lists and check-ins "
        "per session, from the event page."
    ),
    "steward": gettext_lazy(
        "At the door, open your session's check-in page and scan each visitor's "
        "ticket, or type its code."
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
