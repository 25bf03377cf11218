"""Thin Celery tasks: fetch by id, call a service; safe to run twice (notifications
are keyed, so a repeat sends nothing)."""

from celery import shared_task

from mentorship.services import milestones
from mentorship.services.requests.outcome import service_requests_auto_confirm
from mentorship.services.requests.placing import (
    service_request_notify_mentors,
    service_requests_notify_pending,
)


@shared_task
def notify_overdue_milestones() -> int:
    return milestones.milestones_notify_overdue()


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def notify_mentors_of_request(service_request_id: int) -> int:
    return service_request_notify_mentors(service_request_id=service_request_id)


@shared_task
def notify_mentors_of_pending_requests() -> int:
    return service_requests_notify_pending()


@shared_task
def confirm_unanswered_requests() -> int:
    """Closed requests the enterprise left unanswered count as confirmed."""
    return service_requests_auto_confirm()
