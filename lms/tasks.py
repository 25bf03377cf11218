from celery import shared_task
from django.core.management import call_command

# Certification's tasks live in its package; imported here so that Celery, which
# looks for each app's tasks.py, registers them (their names stay lms.tasks.*).
from lms.certification import tasks as certification_tasks  # noqa: F401
from lms.services import notifications


@shared_task(
    bind=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 8},
)
def deliver_notification(self, notification_id: int) -> bool:
    return notifications.notification_deliver(notification_id=notification_id)


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 8},
)
def erasure_done_mail(address: str, language: str) -> None:
    """Takes the address, not an id: the account no longer has it."""
    from lms.services.personal_data import erasure_done_mail_send

    erasure_done_mail_send(address=address, language=language)


@shared_task
def requeue_pending_notifications() -> int:
    return notifications.notifications_requeue_pending()


@shared_task
def clear_expired_sessions() -> None:
    call_command("clearsessions")
