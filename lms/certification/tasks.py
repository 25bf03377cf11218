"""Certification's Celery tasks: thin, idempotent, queued after commit. Their names
keep the dotted path they had in ``lms.tasks`` (the beat schedule and queued
messages name them)."""

from celery import shared_task


@shared_task(acks_late=True, name="lms.tasks.certificate_import_check")
def certificate_import_check(batch_id: int) -> str:
    from lms.certification.services import imports

    try:
        return imports.import_batch_check(batch_id=batch_id).status
    except Exception:
        imports.import_batch_fail(batch_id=batch_id)
        raise


@shared_task(acks_late=True, name="lms.tasks.certificate_import_commit")
def certificate_import_commit(batch_id: int) -> str:
    from lms.certification.services import imports

    try:
        return imports.import_batch_commit(batch_id=batch_id).status
    except Exception:
        imports.import_batch_fail(batch_id=batch_id)
        raise


@shared_task(name="lms.tasks.certificate_imports_requeue_pending")
def certificate_imports_requeue_pending() -> int:
    from lms.certification.services import imports

    return imports.imports_requeue_pending()


@shared_task(name="lms.tasks.certificate_expiry_reminders")
def certificate_expiry_reminders() -> int:
    from lms.certification.services.certificates import (
        certificate_expiry_reminders_send,
    )

    return certificate_expiry_reminders_send()
