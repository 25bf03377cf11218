"""Matching a published request with a mentor: mentors of the trade offer, the union
assigns one who offered or practises the trade, and both sides are told."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import User
from mentorship.models import MentorTrade, ServiceRequest, ServiceRequestOffer
from mentorship.services.notify import notify
from mentorship.services.requests.steps import Status, locked, move, require_reviewer


@transaction.atomic
def service_request_offer(
    *, service_request: ServiceRequest, mentor: User, note: str = ""
) -> ServiceRequestOffer:
    """A mentor of the trade offers to take a published request (once)."""
    if not permissions.is_mentor(mentor):
        raise PermissionDenied(_("Only mentors offer to take requests."))
    service_request = locked(service_request)
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
    require_reviewer(actor)
    service_request = locked(service_request)
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
    move(
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
