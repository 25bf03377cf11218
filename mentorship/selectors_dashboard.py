"""What mentorship contributes to a person's start page (lms.dashboard): the
apprentice's sessions to confirm, the mentor's "Log a session" and what waits on
them, the coordinator's agreements and requests, HR's requests to confirm. Each
reader costs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms import permissions
from lms.dashboard import NextStep
from lms.models import User
from mentorship.models import (
    Agreement,
    AgreementSignature,
    GuidanceSession,
    Milestone,
    ServiceRequest,
    ServiceRequestOffer,
)
from mentorship.permissions import service_requests as request_policy
from mentorship.selectors import (
    agreements_visible_to,
    mentor_trade_ids,
    service_requests_visible_to,
)

SHOWN = 5  # rows a panel lists; its count links to the whole list
Pending = GuidanceSession.Status.PENDING
Request = ServiceRequest.Status


def _to_confirm(user: User):
    return GuidanceSession.objects.filter(
        agreement__apprentice=user, status=Pending
    ).order_by("date", "start_time")


def apprentice_panel(user: User) -> dict | None:
    """Sessions the person is asked to confirm (the oldest first) and agreements
    awaiting their signature; None when neither waits."""
    sessions = list(_to_confirm(user).select_related("agreement__mentor")[:SHOWN])
    to_sign = list(
        Agreement.objects.filter(
            Q(mentor=user) | Q(apprentice=user),
            status=Agreement.Status.AWAITING_SIGNATURES,
        )
        .exclude(signatures__signer=user)
        .select_related("mentor", "apprentice")[:SHOWN]
    )
    if not sessions and not to_sign:
        return None
    count = len(sessions)
    if count == SHOWN:
        count = _to_confirm(user).count()
    return {"sessions": sessions, "session_count": count, "to_sign": to_sign}


def apprentice_next_step(user: User) -> NextStep | None:
    count = _to_confirm(user).count()
    if not count:
        return None
    return NextStep(
        ngettext(
            "Confirm %(n)s guidance session",
            "Confirm %(n)s guidance sessions",
            count,
        )
        % {"n": count},
        reverse("lms:dashboard") + "#panel-mentorship-apprentice",
        count,
    )


def _active_agreements(user: User):
    return Agreement.objects.filter(mentor=user, status=Agreement.Status.ACTIVE)


def _open_requests(user: User):
    return ServiceRequest.objects.filter(
        Q(status=Request.PUBLISHED, occupation_id__in=mentor_trade_ids(user))
        | Q(assigned_mentor=user, status=Request.ASSIGNED)
    )


def mentor_panel(user: User) -> dict:
    """The mentor's active agreements (each with its "Log a session"), and how many
    sessions await the apprentice, milestones are overdue and requests are open."""
    agreements = list(
        _active_agreements(user)
        .select_related("apprentice", "occupation")
        .order_by("apprentice__display_name", "pk")
    )
    pending = GuidanceSession.objects.filter(
        mentor=user, agreement__isnull=False, status__in=[Pending, "disputed"]
    ).aggregate(
        pending=Count("pk", filter=Q(status=Pending)),
        disputed=Count("pk", filter=Q(status="disputed")),
    )
    overdue = Milestone.objects.filter(
        agreement__in=_active_agreements(user),
        signed_off_at__isnull=True,
        target_date__lt=timezone.localdate(),
    ).count()
    return {
        "agreements": agreements,
        "pending_sessions": pending["pending"] or 0,
        "disputed_sessions": pending["disputed"] or 0,
        "overdue_milestones": overdue,
        "open_requests": _open_requests(user).count(),
    }


def mentor_next_step(user: User) -> NextStep | None:
    agreements = list(_active_agreements(user).values_list("pk", flat=True)[:2])
    if not agreements:
        return None
    if len(agreements) == 1:
        url = reverse("mentorship:session_log", args=[agreements[0]])
    else:
        url = reverse("lms:dashboard") + "#panel-mentorship-mentor"
    return NextStep(_("Log a guidance session"), url)


def coordinator_panel(user: User) -> dict:
    """Agreements to send or approve (both parties signed) and requests to publish
    or assign (a mentor offered)."""
    visible = agreements_visible_to(user).filter(coordinator=user)
    signed = AgreementSignature.objects.filter(agreement=OuterRef("pk"))
    agreements = (
        visible.annotate(
            mentor_signed=Exists(signed.filter(party="mentor")),
            apprentice_signed=Exists(signed.filter(party="apprentice")),
        )
        .order_by()
        .aggregate(
            drafts=Count("pk", filter=Q(status=Agreement.Status.DRAFT)),
            to_approve=Count(
                "pk",
                filter=Q(
                    status=Agreement.Status.AWAITING_SIGNATURES,
                    mentor_signed=True,
                    apprentice_signed=True,
                ),
            ),
        )
    )
    offered = ServiceRequestOffer.objects.filter(request=OuterRef("pk"))
    requests = (
        service_requests_visible_to(user)
        .order_by()
        .annotate(offered=Exists(offered))
        .aggregate(
            to_publish=Count("pk", filter=Q(status=Request.SUBMITTED)),
            to_assign=Count("pk", filter=Q(status=Request.PUBLISHED, offered=True)),
        )
    )
    return {
        "drafts": agreements["drafts"] or 0,
        "to_approve": agreements["to_approve"] or 0,
        "to_publish": requests["to_publish"] or 0,
        "to_assign": requests["to_assign"] or 0,
    }


def coordinator_next_step(user: User) -> NextStep | None:
    count = service_requests_visible_to(user).filter(status=Request.SUBMITTED).count()
    if not count:
        return None
    return NextStep(
        ngettext(
            "Review %(n)s service request",
            "Review %(n)s service requests",
            count,
        )
        % {"n": count},
        reverse("mentorship:request_list") + "?status=" + Request.SUBMITTED,
        count,
    )


def _to_confirm_requests(user: User):
    managed = request_policy.instances_user_has_permission_for(user, "manage")
    return managed.filter(status=Request.CLOSED)


def enterprise_requests_panel(user: User) -> dict | None:
    """Service requests of the person's enterprises that a mentor closed and the
    enterprise is asked to confirm; None when none waits."""
    rows = list(
        _to_confirm_requests(user)
        .select_related("assigned_mentor")
        .order_by("-created_at")[:SHOWN]
    )
    if not rows:
        return None
    count = len(rows) if len(rows) < SHOWN else _to_confirm_requests(user).count()
    return {"requests": rows, "count": count}


def enterprise_requests_next_step(user: User) -> NextStep | None:
    count = _to_confirm_requests(user).count()
    if not count:
        return None
    return NextStep(
        ngettext(
            "Confirm %(n)s solved service request",
            "Confirm %(n)s solved service requests",
            count,
        )
        % {"n": count},
        reverse("mentorship:request_list") + "?status=" + Request.CLOSED,
        count,
    )


def register_panels() -> None:
    from lms import dashboard

    Panel = dashboard.Panel
    dashboard.register(
        Panel(
            "mentorship.apprentice",
            "mentorship/dashboard/apprentice.html",
            lambda u: u.is_authenticated,
            apprentice_panel,
            order=10,
            next_step=apprentice_next_step,
        )
    )
    dashboard.register(
        Panel(
            "mentorship.mentor",
            "mentorship/dashboard/mentor.html",
            permissions.is_mentor,
            mentor_panel,
            order=12,
            next_step=mentor_next_step,
        )
    )
    dashboard.register(
        Panel(
            "mentorship.coordinator",
            "mentorship/dashboard/coordinator.html",
            permissions.is_coordinator,
            coordinator_panel,
            order=14,
            next_step=coordinator_next_step,
        )
    )
    dashboard.register(
        Panel(
            "mentorship.enterprise_requests",
            "mentorship/dashboard/enterprise_requests.html",
            lambda u: request_policy.user_has_permission(u, "post"),
            enterprise_requests_panel,
            order=24,
            next_step=enterprise_requests_next_step,
        )
    )
