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


# Errors worth a retry: the database, the broker or the disk briefly unavailable.
def _transient():
    from django.db import InterfaceError, OperationalError

    return (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(
    bind=True, acks_late=True, max_retries=3, name="lms.tasks.certificate_board_export"
)
def certificate_board_export(self, export_id: int) -> str:
    """Writes one board export; a finished one is left as it is. Transient errors
    are retried (30 s, 60 s, 120 s); anything else, or the last retry, marks the
    export failed with a message for its requester, and the error is raised."""
    from lms.certification.services import exports

    try:
        export = exports.board_export_write(export_id=export_id)
    except _transient() as error:
        if self.request.retries < self.max_retries:
            exports.board_export_release(export_id=export_id)
            raise self.retry(
                exc=error, countdown=30 * 2**self.request.retries
            ) from error
        exports.board_export_fail(
            export_id=export_id, message=exports.UNAVAILABLE_MESSAGE
        )
        raise
    except Exception:
        exports.board_export_fail(export_id=export_id)
        raise
    return export.status if export else "gone"


@shared_task(name="lms.tasks.certificate_board_exports_sweep")
def certificate_board_exports_sweep() -> dict:
    from lms.certification.services import exports

    return exports.board_exports_sweep()
