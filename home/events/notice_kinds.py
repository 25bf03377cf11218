"""The notification kinds events send (imported in HomeConfig.ready)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lms.notices import NoticeKind, loader, register


@loader
def _reservation(params):
    from home.events.models import Reservation

    return Reservation.objects.select_related("session").get(pk=params["reservation"])


def _session(params):
    """The session in the reader's language (``render`` activates it)."""
    from home.events.selectors import shown_session

    return shown_session(_reservation(params).session)


def _promoted_subject(params):
    return _("A seat is yours: %(session)s") % {"session": _session(params).title}


def _promoted_body(params):
    session = _session(params)
    return _(
        "You moved up from the waiting list: your seat at %(time)s is reserved "
        "and your ticket is ready."
    ) % {
        "time": formats.date_format(
            timezone.localtime(session.starts_at), "DATETIME_FORMAT"
        )
    }


PROMOTED = register(
    NoticeKind(
        name="home.events.promoted",
        subject=_promoted_subject,
        body=_promoted_body,
        link=lambda params: reverse("events:ticket", args=[_reservation(params).pk]),
    )
)


@loader
def _panel(params):
    from home.events.judging.models import Panel

    return Panel.objects.get(pk=params["panel"])


def _seated_subject(params):
    if params.get("chair"):
        return _("You chair the judging panel: %(panel)s") % {
            "panel": _panel(params).local_name
        }
    return _("You judge on the panel: %(panel)s") % {"panel": _panel(params).local_name}


def _seated_body(params):
    if params.get("chair"):
        return _(
            "Follow the judges' progress, make corrections with a reason, reveal "
            "the results and sign them off from your console."
        )
    return _(
        "Score each presenter on your phone during the session. A submitted score "
        "is locked; declare a conflict of interest before scoring."
    )


def _seated_link(params):
    name = "judging:console" if params.get("chair") else "judging:judge"
    return reverse(name, args=[params["panel"]])


SEATED = register(
    NoticeKind(
        name="home.events.judging.seated",
        subject=_seated_subject,
        body=_seated_body,
        link=_seated_link,
    )
)
