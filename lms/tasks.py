from celery import shared_task
from django.core.management import call_command

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


# --- certification ---------------------------------------------------------------


@shared_task(acks_late=True)
def certificate_import_check(batch_id: int) -> str:
    from lms.services import imports

    try:
        return imports.import_batch_check(batch_id=batch_id).status
    except Exception:
        imports.import_batch_fail(batch_id=batch_id)
        raise


@shared_task(acks_late=True)
def certificate_import_commit(batch_id: int) -> str:
    from lms.services import imports

    try:
        return imports.import_batch_commit(batch_id=batch_id).status
    except Exception:
        imports.import_batch_fail(batch_id=batch_id)
        raise


@shared_task
def certificate_imports_requeue_pending() -> int:
    from lms.services import imports

    return imports.imports_requeue_pending()


@shared_task
def certificate_expiry_reminders() -> int:
    from lms.services.certificates import certificate_expiry_reminders_send

    return certificate_expiry_reminders_send()
