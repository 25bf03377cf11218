"""Placing a request and reviewing it: the enterprise posts it (with attachments) or
withdraws it; the union publishes it to the mentors of its trade, who are told once,
or declines it with a reason."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import Enterprise, Occupation, User
from lms.queueing import queue_on_commit
from lms.roles import Role
from lms.validators import validate_files
from mentorship.models import (
    ServiceRequest,
    ServiceRequestAttachment,
    ServiceRequestEvent,
)
from mentorship.services.notify import notify
from mentorship.services.requests.steps import Status, locked, move, require_reviewer
from mentorship.validators import validate_attachment


def _files(attachments) -> list:
    attachments = list(attachments or ())
    try:
        validate_files(attachments, validate_attachment)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), code="attachment") from None
    return attachments


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


@transaction.atomic
def service_request_publish(
    *, service_request: ServiceRequest, actor: User
) -> ServiceRequest:
    """The union publishes a reviewed request to the mentors of its trade."""
    require_reviewer(actor)
    service_request = move(
        locked(service_request),
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
    require_reviewer(actor)
    if not reason.strip():
        raise DomainError(_("Give the reason for declining."), code="reason")
    return move(
        locked(service_request),
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
    service_request = locked(service_request)
    if not permissions.user_can(actor, "manage", service_request):
        raise PermissionDenied(_("Only the enterprise withdraws its request."))
    return move(
        service_request,
        allowed_from=(Status.SUBMITTED, Status.PUBLISHED),
        to=Status.CANCELLED,
        actor=actor,
        note=reason.strip(),
    )
