"""How every step of a service request is taken: on the locked row, only from the
states the step allows, recorded as an event; and who reviews (the union)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import User
from mentorship.models import ServiceRequest, ServiceRequestEvent

Status = ServiceRequest.Status


def locked(service_request: ServiceRequest) -> ServiceRequest:
    return ServiceRequest.objects.select_for_update(of=("self",)).get(
        pk=service_request.pk
    )


def move(
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


def require_reviewer(actor: User) -> None:
    if not permissions.user_may(actor, "review", ServiceRequest):
        raise PermissionDenied(_("Only a union coordinator reviews service requests."))
