"""Service requests: the enterprise places the order, the union reviews and publishes
it, mentors of the trade offer, the union assigns one, the mentor visits and closes it,
the enterprise confirms and rates, or reopens it as not solved; unanswered for
``ServiceRequest.ANSWER_DAYS`` it counts as confirmed. Each step is recorded; a step
out of order is refused."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import Enterprise, Occupation, User
from lms.queueing import queue_on_commit
from lms.roles import Role
from lms.text import one_line
from lms.validators import validate_files
from mentorship.models import (
    GuidanceSession,
    MentorTrade,
    ServiceRequest,
    ServiceRequestAttachment,
    ServiceRequestEvent,
    ServiceRequestOffer,
)
from mentorship.validators import validate_attachment

from .notify import notify

Status = ServiceRequest.Status


def _locked(service_request: ServiceRequest) -> ServiceRequest:
    return ServiceRequest.objects.select_for_update(of=("self",)).get(
        pk=service_request.pk
    )


def _move(
    service_request: ServiceRequest,
    *,
    allowed_from: tuple[str, ...],
    to: str,
    actor: User | None,
    note: str = "",
    fields: tuple[str, ...] = (),
) -> ServiceRequest:
    """Moves the (locked) request to ``to`` and records the step, or refuses."""
    if service_request.status not in allowed_from:
        raise DomainError(
            _("This request is now “%(status)s”: that step is not possible.")
            % {"status": service_request.get_status_display()},
            code="request_status",
        )
    ServiceRequestEvent.objects.create(
        request=service_request,
        from_status=service_request.status,
        to_status=to,
        actor=actor,
        note=note,
    )
    service_request.status = to
    service_request.save(update_fields=["status", "updated_at", *fields])
    return service_request


def _files(attachments) -> list:
    attachments = list(attachments or ())
    try:
        validate_files(attachments, validate_attachment)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), code="attachment") from None
    return attachments


def mentor_trade_add(*, user: User, occupation: Occupation) -> MentorTrade:
    """Records that a mentor teaches an occupation (idempotent)."""
    if not permissions.is_mentor(user):
        raise DomainError(
            _("%(person)s is not a mentor on this platform.") % {"person": user},
            code="not_a_mentor",
        )
    trade, _created = MentorTrade.objects.get_or_create(
        user=user, occupation=occupation
    )
    return trade


def mentor_trade_remove(*, user: User, occupation: Occupation) -> None:
    """The mentor no longer takes requests of this occupation (idempotent)."""
    MentorTrade.objects.filter(user=user, occupation=occupation).delete()


@transaction.atomic
def service_request_create(
    *,
    enterprise: Enterprise,
    posted_by: User,
    title: str,
    problem: str,
    occupation: Occupation,
    site: str,
    urgency: str = ServiceRequest.Urgency.NORMAL,
    preferred_from: datetime.date | None = None,
    preferred_until: datetime.date | None = None,
    attachments=(),
) -> ServiceRequest:
    if not permissions.user_can(posted_by, "represent", enterprise):
        raise PermissionDenied(
            _("Only HR or a manager of %(enterprise)s posts its requests.")
            % {"enterprise": enterprise}
        )
    if not title.strip() or not problem.strip() or not site.strip():
        raise DomainError(
            _("Give a title, describe the problem and name the site."), code="required"
        )
    if urgency not in ServiceRequest.Urgency.values:
        raise DomainError(_("Choose how urgent the request is."), code="urgency")
    if preferred_from and preferred_until and preferred_until < preferred_from:
        raise DomainError(
            _("The preferred dates end before they begin."), code="preferred_dates"
        )
    files = _files(attachments)
    service_request = ServiceRequest.objects.create(
        enterprise=enterprise,
        posted_by=posted_by,
        title=title.strip(),
        problem=problem.strip(),
        occupation=occupation,
        site=site.strip(),
        urgency=urgency,
        preferred_from=preferred_from,
        preferred_until=preferred_until,
    )
    ServiceRequestEvent.objects.create(
        request=service_request, to_status=Status.SUBMITTED, actor=posted_by
    )
    ServiceRequestAttachment.objects.bulk_create(
        [
            ServiceRequestAttachment(
                request=service_request, file=f, original_name=f.name[:200]
            )
            for f in files
        ]
    )
    return service_request


def _require_reviewer(actor: User) -> None:
    if not permissions.user_may(actor, "review", ServiceRequest):
        raise PermissionDenied(_("Only a union coordinator reviews service requests."))


@transaction.atomic
def service_request_publish(
    *, service_request: ServiceRequest, actor: User
) -> ServiceRequest:
    """The union publishes a reviewed request to the mentors of its trade."""
    _require_reviewer(actor)
    service_request = _move(
        _locked(service_request),
        allowed_from=(Status.SUBMITTED,),
        to=Status.PUBLISHED,
        actor=actor,
    )
    from mentorship.tasks import notify_mentors_of_request

    # With the broker down, ``service_requests_notify_pending`` tells them later.
    queue_on_commit(notify_mentors_of_request, service_request.pk)
    return service_request


def service_requests_notify_pending(
    *, within: datetime.timedelta = datetime.timedelta(days=2)
) -> int:
    """Tells the mentors of every request published within ``within`` that were not
    told yet (the broker was down when it was published, or the task was lost). The
    notices are keyed, so mentors already told get nothing twice. Returns how many
    requests it went through."""
    since = timezone.now() - within
    ids = ServiceRequest.objects.filter(
        status=Status.PUBLISHED, updated_at__gte=since
    ).values_list("pk", flat=True)
    for service_request_id in ids:
        service_request_notify_mentors(service_request_id=service_request_id)
    return len(ids)


def service_request_notify_mentors(*, service_request_id: int) -> int:
    """Tells each mentor of the request's trade about it, once; returns how many."""
    service_request = ServiceRequest.objects.select_related("enterprise").get(
        pk=service_request_id
    )
    if service_request.status != Status.PUBLISHED:
        return 0
    mentors = User.objects.filter(
        is_active=True,
        groups__name=Role.MENTOR,
        mentor_trades__occupation_id=service_request.occupation_id,
    ).distinct()
    count = 0
    for mentor in mentors:
        count += 1
        notify(
            recipient=mentor,
            key=f"mentorship:request:{service_request.pk}:published",
            kind="request_published",
            request=service_request.pk,
        )
    return count


@transaction.atomic
def service_request_reject(
    *, service_request: ServiceRequest, actor: User, reason: str
) -> ServiceRequest:
    _require_reviewer(actor)
    if not reason.strip():
        raise DomainError(_("Give the reason for declining."), code="reason")
    return _move(
        _locked(service_request),
        allowed_from=(Status.SUBMITTED, Status.PUBLISHED),
        to=Status.REJECTED,
        actor=actor,
        note=reason.strip(),
    )


@transaction.atomic
def service_request_cancel(
    *, service_request: ServiceRequest, actor: User, reason: str = ""
) -> ServiceRequest:
    """The enterprise withdraws its request before a mentor is assigned."""
    service_request = _locked(service_request)
    if not permissions.user_can(actor, "manage", service_request):
        raise PermissionDenied(_("Only the enterprise withdraws its request."))
    return _move(
        service_request,
        allowed_from=(Status.SUBMITTED, Status.PUBLISHED),
        to=Status.CANCELLED,
        actor=actor,
        note=reason.strip(),
    )


@transaction.atomic
def service_request_offer(
    *, service_request: ServiceRequest, mentor: User, note: str = ""
) -> ServiceRequestOffer:
    """A mentor of the trade offers to take a published request (once)."""
    if not permissions.is_mentor(mentor):
        raise PermissionDenied(_("Only mentors offer to take requests."))
    service_request = _locked(service_request)
    mentor.__dict__.pop("_mentorship_trades", None)  # read the trades afresh
    if not permissions.user_can(mentor, "offer", service_request):
        raise DomainError(
            _("Only mentors of this trade may offer, while the request is open."),
            code="cannot_offer",
        )
    try:
        with transaction.atomic():
            return ServiceRequestOffer.objects.create(
                request=service_request, mentor=mentor, note=note.strip()[:500]
            )
    except IntegrityError:
        raise DomainError(
            _("You have already offered to take this request."), code="already_offered"
        ) from None


@transaction.atomic
def service_request_assign(
    *, service_request: ServiceRequest, actor: User, mentor: User
) -> ServiceRequest:
    """The union assigns a mentor who offered or who practises the trade."""
    _require_reviewer(actor)
    service_request = _locked(service_request)
    suitable = permissions.is_mentor(mentor) and (
        service_request.offers.filter(mentor=mentor).exists()
        or MentorTrade.objects.filter(
            user=mentor, occupation_id=service_request.occupation_id
        ).exists()
    )
    if not suitable:
        raise DomainError(
            _("Assign a mentor of this trade, or one who offered to take it."),
            code="unsuitable_mentor",
        )
    service_request.assigned_mentor = mentor
    _move(
        service_request,
        allowed_from=(Status.PUBLISHED,),
        to=Status.ASSIGNED,
        actor=actor,
        note=str(mentor),
        fields=("assigned_mentor",),
    )
    for person in (mentor, service_request.posted_by):
        notify(
            recipient=person,
            key=f"mentorship:request:{service_request.pk}:assigned:{person.pk}",
            kind="request_assigned",
            request=service_request.pk,
            mentor=mentor.pk,
        )
    return service_request


@transaction.atomic
def service_request_close(
    *, service_request: ServiceRequest, mentor: User, solution: str
) -> ServiceRequest:
    """The assigned mentor closes the request with a summary of the solution."""
    service_request = _locked(service_request)
    if not permissions.user_can(mentor, "log_visit", service_request):
        raise PermissionDenied(_("Only the assigned mentor closes the request."))
    if not solution.strip():
        raise DomainError(_("Summarise the solution."), code="solution")
    service_request.solution = solution.strip()
    _move(
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
    service_request = _locked(service_request)
    if not permissions.user_can(actor, "manage", service_request):
        raise PermissionDenied(_("Only the enterprise confirms its request."))
    if rating not in range(1, 6):
        raise DomainError(_("Rate the help from 1 to 5."), code="rating")
    service_request.rating = rating
    service_request.feedback = feedback.strip()
    _move(
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
    service_request = _locked(service_request)
    if not permissions.user_can(actor, "reopen", service_request):
        raise PermissionDenied(
            _("Only HR or a manager of the requesting enterprise reopens its request.")
        )
    reason = one_line(reason or "")
    if not reason:
        raise DomainError(_("Say what is still not solved."), code="reason")
    _move(
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
    service_request = _locked(service_request)
    if service_request.status != Status.CLOSED:
        return False
    service_request.confirmed_automatically = True
    _move(
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
