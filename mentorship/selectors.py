"""Reads of the mentorship app. Every page fetches through a user-scoped queryset, so
another person's id is simply not found, and prefetches what it shows, so a page
costs a fixed number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from courses.selectors.progress import course_progress_for
from lms.models import SkillCertificate, User
from mentorship.charts import hours_chart
from mentorship.models import (
    Agreement,
    AgreementSignature,
    GuidanceSession,
    Milestone,
    ServiceRequest,
)
from mentorship.models.agreements import hours
from mentorship.permissions import agreements as agreement_policy
from mentorship.permissions import mentor_trade_ids
from mentorship.permissions import service_requests as request_policy

Confirmed = GuidanceSession.Status.CONFIRMED
Pending = GuidanceSession.Status.PENDING


# --- agreements ----------------------------------------------------------------


def _count(model, *, link: str, **filters) -> Coalesce:
    """A correlated COUNT subquery (no join fan-out when several are combined)."""
    sub = (
        model.objects.filter(**{link: OuterRef("pk")}, **filters)
        .order_by()
        .values(link)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def _minutes(**filters) -> Coalesce:
    sub = (
        GuidanceSession.objects.filter(agreement=OuterRef("pk"), **filters)
        .order_by()
        .values("agreement")
        .annotate(m=Sum("minutes"))
        .values("m")
    )
    return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))


def with_figures(queryset: QuerySet[Agreement]) -> QuerySet[Agreement]:
    """Adds confirmed minutes, sessions awaiting confirmation and milestone counts."""
    today = timezone.localdate()
    return queryset.annotate(
        confirmed_minutes=_minutes(status=Confirmed),
        pending_sessions=_count(GuidanceSession, link="agreement", status=Pending),
        milestones_total=_count(Milestone, link="agreement"),
        milestones_done=_count(
            Milestone, link="agreement", signed_off_at__isnull=False
        ),
        milestones_overdue=_count(
            Milestone,
            link="agreement",
            signed_off_at__isnull=True,
            target_date__lt=today,
        ),
    )


def agreements_visible_to(user) -> QuerySet[Agreement]:
    queryset = agreement_policy.instances_user_has_permission_for(user, "view")
    return queryset.select_related(
        "mentor", "apprentice", "coordinator", "enterprise", "occupation"
    )


def agreement_list(*, user) -> QuerySet[Agreement]:
    return with_figures(agreements_visible_to(user)).order_by("status", "-start_date")


def agreements_matching(queryset: QuerySet[Agreement], text: str) -> QuerySet:
    """Agreements whose apprentice or mentor is named, or whose occupation is
    called, like ``text`` (either language); blank text matches all."""
    text = text.strip()
    if not text:
        return queryset
    condition = Q()
    for person in ("apprentice", "mentor"):
        for field in ("display_name", "first_name", "last_name", "latin_name"):
            condition |= Q(**{f"{person}__{field}__icontains": text})
    for field in ("name", "name_zh", "code"):
        condition |= Q(**{f"occupation__{field}__icontains": text})
    return queryset.filter(condition)


def agreement_search(*, user, text: str = "", status: str = "") -> dict:
    """The coordinator's list: agreements the user may see matching ``text``, in
    ``status`` when given, and how many match in each status (one query), so each
    total can link to its filter."""
    matching = agreements_matching(agreements_visible_to(user), text)
    counts = dict(
        matching.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    totals = [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in Agreement.Status.choices
    ]
    listed = with_figures(matching)
    if status:
        listed = listed.filter(status=status)
    return {
        "agreements": listed.order_by("status", "-start_date"),
        "totals": totals,
        "total": sum(counts.values()),
    }


def agreement_for_page(*, user, pk: int) -> Agreement:
    """One agreement with its signatures, milestones and sessions, or 404 for anyone
    who may not see it."""
    queryset = with_figures(agreements_visible_to(user)).prefetch_related(
        Prefetch(
            "signatures", queryset=AgreementSignature.objects.select_related("signer")
        ),
        Prefetch(
            "milestones",
            queryset=Milestone.objects.select_related(
                "occupation", "signed_off_by"
            ).prefetch_related("courses"),
        ),
        Prefetch(
            "sessions",
            queryset=GuidanceSession.objects.prefetch_related("photos", "revisions"),
        ),
    )
    agreement = queryset.filter(pk=pk).first()
    if agreement is None:
        raise Http404
    return agreement


def _course_progress(user, course_ids: list[int]) -> dict[int, int]:
    if not course_ids:
        return {}
    return course_progress_for(user=user, course_ids=course_ids)


def _certificates(user, since: datetime.date) -> list:
    """Certificates the apprentice gained since the agreement began (not revoked)."""
    return list(
        SkillCertificate.objects.filter(
            holder=user, issued_on__gte=since, revoked=False
        )
        .select_related("occupation")
        .order_by("issued_on")
    )


def agreement_progress(*, agreement: Agreement) -> dict:
    """What the progress page shows, from an agreement fetched by
    ``agreement_for_page`` (no further queries for sessions or milestones)."""
    sessions = sorted(agreement.sessions.all(), key=lambda s: (s.date, s.start_time))
    milestones = list(agreement.milestones.all())
    courses = {c.pk: c for m in milestones for c in m.courses.all()}
    progress = _course_progress(agreement.apprentice, list(courses))
    confirmed = [s for s in sessions if s.status == Confirmed]
    return {
        "sessions": sessions,
        "milestones": milestones,
        "courses": [
            {"course": course, "percent": progress.get(pk, 0)}
            for pk, course in courses.items()
        ],
        "certificates": _certificates(agreement.apprentice, agreement.start_date),
        "hours_confirmed": hours(sum(s.minutes for s in confirmed)),
        "hours_pending": hours(sum(s.minutes for s in sessions if s.status == Pending)),
        "hours_planned": agreement.planned_hours,
        "chart": hours_chart(agreement=agreement, sessions=confirmed),
    }


# --- dashboards ----------------------------------------------------------------


def mentor_dashboard(*, user) -> dict:
    """A mentor's apprentices with progress, sessions awaiting confirmation, overdue
    milestones and open requests of their trade."""
    agreements = list(
        with_figures(
            Agreement.objects.filter(
                mentor=user,
                status__in=[
                    Agreement.Status.ACTIVE,
                    Agreement.Status.AWAITING_SIGNATURES,
                ],
            ).select_related("apprentice", "enterprise", "occupation")
        ).order_by("end_date")
    )
    for agreement in agreements:
        agreement.hours_confirmed = hours(agreement.confirmed_minutes)
        agreement.percent = _percent(agreement.hours_confirmed, agreement.planned_hours)
    pending = (
        GuidanceSession.objects.filter(
            mentor=user, agreement__isnull=False, status__in=[Pending, "disputed"]
        )
        .select_related("agreement__apprentice")
        .order_by("-date")[:50]
    )
    overdue = (
        Milestone.objects.filter(
            agreement__mentor=user,
            agreement__status=Agreement.Status.ACTIVE,
            signed_off_at__isnull=True,
            target_date__lt=timezone.localdate(),
        )
        .select_related("agreement__apprentice")
        .order_by("target_date")[:50]
    )
    requests = (
        ServiceRequest.objects.filter(
            Q(
                status=ServiceRequest.Status.PUBLISHED,
                occupation_id__in=mentor_trade_ids(user),
            )
            | Q(assigned_mentor=user, status=ServiceRequest.Status.ASSIGNED)
        )
        .select_related("enterprise", "occupation")
        .order_by("-created_at")[:50]
    )
    return {
        "agreements": agreements,
        "pending_sessions": list(pending),
        "overdue_milestones": list(overdue),
        "open_requests": list(requests),
    }


def apprentice_overview(*, user) -> dict:
    """A person's own agreements (any role in them), what awaits their signature and
    the sessions they are asked to confirm."""
    agreements = list(
        with_figures(
            Agreement.objects.filter(apprentice=user).select_related(
                "mentor", "occupation", "enterprise"
            )
        ).order_by("-start_date")
    )
    for agreement in agreements:
        agreement.hours_confirmed = hours(agreement.confirmed_minutes)
        agreement.percent = _percent(agreement.hours_confirmed, agreement.planned_hours)
    to_sign = (
        Agreement.objects.filter(
            Q(mentor=user) | Q(apprentice=user),
            status=Agreement.Status.AWAITING_SIGNATURES,
        )
        .exclude(signatures__signer=user)
        .select_related("mentor", "apprentice")
    )
    to_confirm = (
        GuidanceSession.objects.filter(agreement__apprentice=user, status=Pending)
        .select_related("agreement__mentor")
        .order_by("date")
    )
    return {
        "agreements": agreements,
        "to_sign": list(to_sign),
        "to_confirm": list(to_confirm),
    }


def _percent(done: Decimal, planned: Decimal) -> int:
    if not planned:
        return 0
    return min(100, int(done * 100 / planned))


# --- service requests ----------------------------------------------------------


def service_requests_visible_to(user) -> QuerySet[ServiceRequest]:
    queryset = request_policy.instances_user_has_permission_for(user, "view")
    return queryset.select_related("enterprise", "occupation", "assigned_mentor")


def service_request_for_page(*, user, pk: int) -> ServiceRequest:
    service_request = (
        service_requests_visible_to(user)
        .select_related("posted_by")
        .prefetch_related(
            "attachments",
            Prefetch("events", queryset=_events()),
            Prefetch("offers", queryset=_offers()),
            Prefetch(
                "visits", queryset=GuidanceSession.objects.prefetch_related("photos")
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if service_request is None:
        raise Http404
    return service_request


def _events():
    from mentorship.models import ServiceRequestEvent

    return ServiceRequestEvent.objects.select_related("actor")


def _offers():
    from mentorship.models import ServiceRequestOffer

    return ServiceRequestOffer.objects.select_related("mentor")


def mentors_for_request(service_request: ServiceRequest) -> QuerySet[User]:
    """Mentors the union may assign: those of the trade and those who offered."""
    from lms.roles import Role

    return (
        User.objects.filter(groups__name=Role.MENTOR, is_active=True)
        .filter(
            Q(mentor_trades__occupation_id=service_request.occupation_id)
            | Q(service_request_offers__request=service_request)
        )
        .distinct()
        .order_by("display_name")
    )


# --- figures for other apps ----------------------------------------------------


def mentor_figures(*, user) -> dict:
    """Live figures for a mentor's profile: apprentices mentored (active or completed
    agreements), confirmed hours of guidance and visits, requests solved."""
    apprentices = (
        Agreement.objects.filter(
            mentor=user,
            status__in=[Agreement.Status.ACTIVE, Agreement.Status.COMPLETED],
        )
        .values("apprentice")
        .distinct()
        .count()
    )
    minutes = (
        GuidanceSession.objects.filter(mentor=user, status=Confirmed).aggregate(
            m=Sum("minutes")
        )["m"]
        or 0
    )
    solved = ServiceRequest.objects.filter(
        assigned_mentor=user, status=ServiceRequest.Status.CONFIRMED
    ).count()
    return {
        "apprentices_mentored": apprentices,
        "guidance_hours": hours(minutes),
        "service_requests_solved": solved,
    }


def platform_mentorship_figures() -> dict:
    return {
        "active_mentorships": Agreement.objects.filter(
            status=Agreement.Status.ACTIVE
        ).count(),
        "service_requests_solved": ServiceRequest.objects.filter(
            status=ServiceRequest.Status.CONFIRMED
        ).count(),
    }
