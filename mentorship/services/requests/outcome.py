"""How a request ends: the mentor closes it with the solution; the enterprise confirms
and rates it (its visits then count) or reopens it as not solved; unanswered for
``ServiceRequest.ANSWER_DAYS`` it is confirmed on the platform's behalf."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import User
from lms.text import one_line
from mentorship.models import GuidanceSession, ServiceRequest
from mentorship.services.notify import notify
from mentorship.services.requests.steps import Status, locked, move


@transaction.atomic
def service_request_close(
    *, service_request: ServiceRequest, mentor: User, solution: str
) -> ServiceRequest:
    """The assigned mentor closes the request with a summary of the solution."""
    service_request = locked(service_request)
    if not permissions.user_can(mentor, "log_visit", service_request):
        raise PermissionDenied(_("Only the assigned mentor closes the request."))
    if not solution.strip():
        raise DomainError(_("Summarise the solution."), code="solution")
    service_request.solution = solution.strip()
    move(
        service_request,
        allowed_from=(Status.ASSIGNED,),
        to=Status.CLOSED,
        actor=mentor,
        fields=("solution",),
    )
    notify(
        recipient=service_request.posted_by,
        key=f"mentorship:request:{service_request.pk}:closed",
        kind="request_closed",
        request=service_request.pk,
    )
    return service_request


@transaction.atomic
def service_request_confirm(
    *, service_request: ServiceRequest, actor: User, rating: int, feedback: str = ""
) -> ServiceRequest:
    """The enterprise confirms the solution and rates it 1–5; the visits then count."""
    service_request = locked(service_request)
    if not permissions.user_can(actor, "manage", service_request):
        raise PermissionDenied(_("Only the enterprise confirms its request."))
    if rating not in range(1, 6):
        raise DomainError(_("Rate the help from 1 to 5."), code="rating")
    service_request.rating = rating
    service_request.feedback = feedback.strip()
    move(
        service_request,
        allowed_from=(Status.CLOSED,),
        to=Status.CONFIRMED,
        actor=actor,
        note=str(rating),
        fields=("rating", "feedback"),
    )
    _confirm_visits(service_request)
    return service_request


@transaction.atomic
def service_request_reopen(
    *, service_request: ServiceRequest, actor: User, reason: str
) -> ServiceRequest:
    """The enterprise answers "not solved": the closed request goes back to its
    mentor with the reason, and the mentor is told."""
    service_request = locked(service_request)
    if not permissions.user_can(actor, "reopen", service_request):
        raise PermissionDenied(
            _("Only HR or a manager of the requesting enterprise reopens its request.")
        )
    reason = one_line(reason or "")
    if not reason:
        raise DomainError(_("Say what is still not solved."), code="reason")
    move(
        service_request,
        allowed_from=(Status.CLOSED,),
        to=Status.ASSIGNED,
        actor=actor,
        note=reason[:500],
    )
    event = service_request.events.order_by("-created_at", "-id").first()
    notify(
        recipient=service_request.assigned_mentor,
        key=f"mentorship:request:{service_request.pk}:reopened:{event.pk}",
        kind="request_reopened",
        request=service_request.pk,
        event=event.pk,
    )
    return service_request


def _confirm_visits(service_request: ServiceRequest) -> None:
    service_request.visits.update(
        status=GuidanceSession.Status.CONFIRMED, confirmed_at=timezone.now()
    )


def service_requests_unanswered(*, now: datetime.datetime | None = None):
    """Closed requests whose last closing is ``ANSWER_DAYS`` or more ago."""
    cutoff = (now or timezone.now()) - datetime.timedelta(
        days=ServiceRequest.ANSWER_DAYS
    )
    return (
        ServiceRequest.objects.filter(status=Status.CLOSED)
        .annotate(
            closed_at=Max(
                "events__created_at", filter=Q(events__to_status=Status.CLOSED)
            )
        )
        .filter(closed_at__lte=cutoff)
    )


@transaction.atomic
def service_request_auto_confirm(
    *, service_request: ServiceRequest, now: datetime.datetime | None = None
) -> bool:
    """Confirms one unanswered closed request on the platform's behalf (no rating)
    and tells the enterprise and the mentor. False, changing nothing, if it was
    answered meanwhile (safe to run twice)."""
    if not service_requests_unanswered(now=now).filter(pk=service_request.pk).exists():
        return False
    service_request = locked(service_request)
    if service_request.status != Status.CLOSED:
        return False
    service_request.confirmed_automatically = True
    move(
        service_request,
        allowed_from=(Status.CLOSED,),
        to=Status.CONFIRMED,
        actor=None,
        fields=("confirmed_automatically",),
    )
    _confirm_visits(service_request)
    for person in (service_request.posted_by, service_request.assigned_mentor):
        notify(
            recipient=person,
            key=f"mentorship:request:{service_request.pk}:auto_confirmed:{person.pk}",
            kind="request_auto_confirmed",
            request=service_request.pk,
        )
    return True


def service_requests_auto_confirm(*, now: datetime.datetime | None = None) -> int:
    """Confirms every request left unanswered ``ANSWER_DAYS`` after its closing,
    each in its own transaction; returns how many."""
    ids = list(service_requests_unanswered(now=now).values_list("pk", flat=True))
    return sum(
        service_request_auto_confirm(service_request=ServiceRequest(pk=pk), now=now)
        for pk in ids
    )
