"""The notification kinds mentorship sends (registered in its AppConfig.ready)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from lms.notices import Action, NoticeKind, loader, register


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT")


@loader
def _agreement(params):
    from mentorship.models import Agreement

    return Agreement.objects.select_related("mentor", "apprentice", "coordinator").get(
        pk=params["agreement"]
    )


def _agreement_link(params):
    return reverse("mentorship:agreement_detail", args=[_agreement(params).pk])


def _signatures_link(params):
    """Where the agreement is signed or approved."""
    return _agreement_link(params) + "#signatures"


def _to_sign_body(params):
    agreement = _agreement(params)
    return _("%(mentor)s and %(apprentice)s, witnessed by %(coordinator)s.") % {
        "mentor": agreement.mentor,
        "apprentice": agreement.apprentice,
        "coordinator": agreement.coordinator,
    }


def _to_approve_subject(params):
    _agreement(params)
    return _("Both parties signed: please approve the agreement")


def _to_sign_subject(params):
    _agreement(params)
    return _("A mentorship agreement is waiting for your signature")


# --- milestones ------------------------------------------------------------------


@loader
def _milestone(params):
    from mentorship.models import Milestone

    return Milestone.objects.get(pk=params["milestone"])


def _overdue_subject(params):
    return _("Milestone overdue: %(title)s") % {"title": _milestone(params).title}


def _overdue_body(params):
    return _("The target date was %(date)s.") % {
        "date": _date(_milestone(params).target_date)
    }


def _overdue_link(params):
    return reverse(
        "mentorship:agreement_progress", args=[_milestone(params).agreement_id]
    )


# --- service requests ------------------------------------------------------------


@loader
def _request(params):
    from mentorship.models import ServiceRequest

    return ServiceRequest.objects.select_related("enterprise").get(pk=params["request"])


def _request_link(params):
    return reverse("mentorship:request_detail", args=[_request(params).pk])


def _request_next_step_link(params):
    """Where the reader offers to take, or confirms, the request."""
    return _request_link(params) + "#next-step"


def _published_subject(params):
    return _("A service request of your trade: %(title)s") % {
        "title": _request(params).title
    }


def _published_body(params):
    service_request = _request(params)
    return _("%(enterprise)s, %(site)s. Offer to take it if you can.") % {
        "enterprise": service_request.enterprise,
        "site": service_request.site,
    }


def _assigned_subject(params):
    return _("Service request assigned: %(title)s") % {"title": _request(params).title}


def _assigned_body(params):
    from lms.models import User

    service_request = _request(params)
    mentor = User.objects.get(pk=params["mentor"])
    return _("%(mentor)s will visit %(site)s.") % {
        "mentor": mentor,
        "site": service_request.site,
    }


def _closed_subject(params):
    return _("Please confirm the solution: %(title)s") % {
        "title": _request(params).title
    }


def _closed_body(params):
    return _request(params).solution


@loader
def _request_event(params):
    from mentorship.models import ServiceRequestEvent

    return ServiceRequestEvent.objects.select_related("actor").get(
        pk=params["event"], request_id=params["request"]
    )


def _reopened_subject(params):
    return _("Not solved, reopened: %(title)s") % {"title": _request(params).title}


def _reopened_body(params):
    event = _request_event(params)
    return _("%(person)s answered that the problem is not solved: %(reason)s") % {
        "person": event.actor,
        "reason": event.note,
    }


def _auto_confirmed_subject(params):
    return _("Counted as confirmed: %(title)s") % {"title": _request(params).title}


def _auto_confirmed_body(params):
    days = type(_request(params)).ANSWER_DAYS
    return _(
        "The enterprise did not answer within %(days)s days of the closing, so the "
        "solution counts as confirmed and the visits count."
    ) % {"days": days}


# --- guidance sessions -----------------------------------------------------------


@loader
def _session(params):
    from mentorship.models import GuidanceSession

    return GuidanceSession.objects.select_related("agreement__mentor").get(
        pk=params["session"]
    )


def _session_link(params):
    session = _session(params)
    return (
        reverse("mentorship:agreement_detail", args=[session.agreement_id])
        + f"#session-{session.pk}"
    )


def _to_confirm_subject(params):
    session = _session(params)
    return _("Please confirm the guidance session of %(date)s with %(mentor)s") % {
        "date": _date(session.date),
        "mentor": session.agreement.mentor,
    }


def _to_confirm_actions(params):
    session = _session(params)
    return [
        Action(_("Confirm"), reverse("mentorship:session_confirm", args=[session.pk])),
        Action(
            _("Dispute"),
            reverse("mentorship:session_dispute", args=[session.pk]),
            method="get",
            secondary=True,
        ),
    ]


def _to_confirm_done(params):
    from mentorship.models import GuidanceSession

    status = _session(params).status
    if status == GuidanceSession.Status.CONFIRMED:
        return _("You confirmed it.")
    if status == GuidanceSession.Status.DISPUTED:
        return _("You disputed it.")
    return ""


def _to_confirm_body(params):
    session = _session(params)
    return _("%(date)s, %(hours)s h. Confirm it, or dispute it with a comment.") % {
        "date": _date(session.date),
        "hours": formats.number_format(session.hours, use_l10n=True),
    }


def _disputed_subject(params):
    _session(params)
    return _("A guidance session was disputed")


def _disputed_body(params):
    return _session(params).dispute_comment


for kind in (
    NoticeKind(
        name="mentorship.agreement_to_sign",
        subject=_to_sign_subject,
        body=_to_sign_body,
        link=_signatures_link,
    ),
    NoticeKind(
        name="mentorship.agreement_to_approve",
        subject=_to_approve_subject,
        body=lambda params: str(_agreement(params)),
        link=_signatures_link,
    ),
    NoticeKind(
        name="mentorship.milestone_overdue",
        subject=_overdue_subject,
        body=_overdue_body,
        link=_overdue_link,
    ),
    NoticeKind(
        name="mentorship.request_published",
        subject=_published_subject,
        body=_published_body,
        link=_request_next_step_link,
    ),
    NoticeKind(
        name="mentorship.request_assigned",
        subject=_assigned_subject,
        body=_assigned_body,
        link=_request_link,
    ),
    NoticeKind(
        name="mentorship.request_closed",
        subject=_closed_subject,
        body=_closed_body,
        link=_request_next_step_link,
    ),
    NoticeKind(
        name="mentorship.request_reopened",
        subject=_reopened_subject,
        body=_reopened_body,
        link=_request_link,
    ),
    NoticeKind(
        name="mentorship.request_auto_confirmed",
        subject=_auto_confirmed_subject,
        body=_auto_confirmed_body,
        link=_request_link,
    ),
    NoticeKind(
        name="mentorship.session_to_confirm",
        subject=_to_confirm_subject,
        body=_to_confirm_body,
        link=_session_link,
        actions=_to_confirm_actions,
        done=_to_confirm_done,
    ),
    NoticeKind(
        name="mentorship.session_disputed",
        subject=_disputed_subject,
        body=_disputed_body,
        link=_session_link,
    ),
):
    register(kind)
