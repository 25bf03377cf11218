"""Bulk import of appraisal results (CSV or XLSX, up to 100,000 rows).

A batch is first checked (a dry run that lists every bad row with its row number,
column and reason), then committed all-or-nothing with ``bulk_create`` in batches.
The certificate number (per issuing body) is the key: importing the same file again
creates nothing and says so. Progress goes to the cache so the page can poll it
while the commit's transaction is still open.

The steps are modules of their own: ``reading`` (the file's rows), ``parsing``
(typed values and row errors), ``resolving`` (people, occupations, certificates
already recorded) and ``committing`` (the write, history and progress). This module
holds the services the pages and tasks call."""

from __future__ import annotations

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.certification.import_summaries import summary
from lms.certification.permissions import certificate_policy
from lms.errors import DomainError
from lms.models import Enterprise, ImportBatch, SkillCertificate, User
from lms.queueing import queue_now, queue_on_commit
from lms.stored_text import Text

from .committing import (
    CHUNK,
    batch_finish,
    certificates_write,
    progress_key,
    progress_read,
    progress_write,
)
from .parsing import COLUMNS, MAX_ROWS, REQUIRED, ParsedRow, RowError, parse_rows
from .reading import FileRefused, read_csv, read_table, read_xlsx
from .resolving import Resolution, resolve_rows

__all__ = [
    "CHUNK",
    "COLUMNS",
    "MAX_ROWS",
    "REQUIRED",
    "FileRefused",
    "ParsedRow",
    "RowError",
    "import_batch_check",
    "import_batch_commit",
    "import_batch_create",
    "import_batch_fail",
    "import_batch_start",
    "imports_requeue_pending",
    "parse_rows",
    "progress_key",
    "progress_read",
    "read_csv",
    "read_table",
    "read_xlsx",
    "resolve_rows",
]

MAX_STORED_ERRORS = 5_000


@transaction.atomic
def import_batch_create(
    *,
    actor: User,
    upload,
    issuer_kind: str,
    issuer_name: str,
    evidence_kind: str = SkillCertificate.Evidence.APPRAISAL,
    enterprise: Enterprise | None = None,
) -> ImportBatch:
    """Stores the file and queues its dry run."""
    from lms.certification.tasks import certificate_import_check

    if not certificate_policy.user_has_permission(actor, "import"):
        raise DomainError(_("You may not import certificates."), code="forbidden")
    if issuer_kind not in (
        SkillCertificate.IssuerKind.ENTERPRISE,
        SkillCertificate.IssuerKind.OUTSIDE,
    ):
        raise DomainError(_("Choose the kind of issuing body."), code="issuer_kind")
    if not issuer_name.strip():
        raise DomainError(_("Name the issuing body."), code="issuer_name")
    if issuer_kind == SkillCertificate.IssuerKind.ENTERPRISE and enterprise is None:
        raise DomainError(
            _("Choose the enterprise whose appraisal this is."), code="enterprise"
        )
    batch = ImportBatch.objects.create(
        uploaded_by=actor,
        enterprise=enterprise,
        issuer_kind=issuer_kind,
        issuer_name=issuer_name.strip(),
        evidence_kind=evidence_kind,
        file=upload,
        original_name=upload.name[:255],
    )
    # With the broker down the batch waits (pending) for imports_requeue_pending.
    queue_on_commit(certificate_import_check, batch.pk)
    return batch


def _parse_and_resolve(batch: ImportBatch, status: str) -> tuple[Resolution, int]:
    with batch.file.open("rb") as stream:
        rows, errors = parse_rows(read_table(stream, batch.original_name))
    total = len(rows) + len({e.row for e in errors})
    ImportBatch.objects.filter(pk=batch.pk).update(total_rows=total)
    resolution = resolve_rows(
        batch=batch,
        rows=rows,
        progress=lambda done: progress_write(batch, status, done, total * 2),
    )
    resolution.errors[:0] = errors
    resolution.errors.sort(key=lambda e: e.row)
    return resolution, total


def import_batch_check(*, batch_id: int) -> ImportBatch:
    """The dry run: lists every bad row; writes no certificate. Safe to run twice."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status not in (ImportBatch.Status.PENDING, ImportBatch.Status.CHECKING):
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.CHECKING)
    try:
        resolution, total = _parse_and_resolve(batch, ImportBatch.Status.CHECKING)
    except FileRefused as refused:
        batch_finish(
            batch,
            status=ImportBatch.Status.INVALID,
            summary=refused.message.as_json(),
            error_count=1,
            errors=[RowError(0, "", refused.message).as_dict()],
        )
        return ImportBatch.objects.get(pk=batch.pk)
    bad_rows = len({e.row for e in resolution.errors})
    batch_finish(
        batch,
        status=ImportBatch.Status.INVALID
        if resolution.errors
        else ImportBatch.Status.READY,
        total_rows=total,
        processed_rows=total,
        error_count=len(resolution.errors),
        new_count=len(resolution.to_create),
        unchanged_count=resolution.unchanged,
        errors=[e.as_dict() for e in resolution.errors[:MAX_STORED_ERRORS]],
        summary=_summary(len(resolution.to_create), resolution.unchanged, bad_rows),
    )
    return ImportBatch.objects.get(pk=batch.pk)


def _summary(new: int, unchanged: int, bad_rows: int) -> dict:
    if bad_rows:
        return summary("check_errors", bad=bad_rows)
    if not new and unchanged:
        return summary("check_all_known", n=unchanged)
    return summary("check_ready", new=new, unchanged=unchanged)


def import_batch_start(*, actor: User, batch: ImportBatch) -> ImportBatch:
    """Queues the commit of a checked batch. A double submit queues it once."""

    if not certificate_policy.user_has_permission(actor, "import"):
        raise DomainError(_("You may not import certificates."), code="forbidden")
    with transaction.atomic():
        started = ImportBatch.objects.filter(
            pk=batch.pk, status=ImportBatch.Status.READY
        ).update(status=ImportBatch.Status.IMPORTING, processed_rows=0)
        if not started:
            batch.refresh_from_db()
            if batch.status in (ImportBatch.Status.IMPORTING, ImportBatch.Status.DONE):
                return batch
            raise DomainError(
                _("Only a checked file without errors can be imported."),
                code="not_ready",
            )
        transaction.on_commit(partial(_queue_commit, batch.pk))
    batch.refresh_from_db()
    return batch


def _queue_commit(batch_id: int) -> None:
    """Queues the commit; with the broker down the batch goes back to "ready", so
    the person sees it was not started and can start it again."""
    from lms.certification.tasks import certificate_import_commit

    if not queue_now(certificate_import_commit, batch_id):
        ImportBatch.objects.filter(
            pk=batch_id, status=ImportBatch.Status.IMPORTING
        ).update(status=ImportBatch.Status.READY)


def imports_requeue_pending(
    *,
    older_than: datetime.timedelta = datetime.timedelta(minutes=2),
    within: datetime.timedelta = datetime.timedelta(days=1),
) -> int:
    """Queues again the dry run of uploads still waiting ``older_than`` after they
    were made (the broker was down, or the task was lost); the dry run is safe to
    run twice. Returns how many it queued."""
    from lms.certification.tasks import certificate_import_check

    now = timezone.now()
    ids = ImportBatch.objects.filter(
        status=ImportBatch.Status.PENDING,
        created_at__lte=now - older_than,
        created_at__gte=now - within,
    ).values_list("pk", flat=True)
    return sum(queue_now(certificate_import_check, pk) for pk in ids)


def import_batch_commit(*, batch_id: int) -> ImportBatch:
    """Checks the file again and writes all its certificates or none. Safe to run
    twice: certificates already written are counted as unchanged."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status != ImportBatch.Status.IMPORTING:
        return batch
    try:
        with transaction.atomic():
            resolution, total = _parse_and_resolve(batch, ImportBatch.Status.IMPORTING)
            if resolution.errors:
                raise _Invalid(resolution)
            certificates_write(batch=batch, new=resolution.to_create, total=total)
    except _Invalid as invalid:
        errors = invalid.resolution.errors
        batch_finish(
            batch,
            status=ImportBatch.Status.INVALID,
            error_count=len(errors),
            errors=[e.as_dict() for e in errors[:MAX_STORED_ERRORS]],
            summary=Text(
                gettext_noop(
                    "The file no longer passes its check; nothing was imported."
                )
            ).as_json(),
        )
        return ImportBatch.objects.get(pk=batch.pk)
    except FileRefused as refused:
        batch_finish(
            batch,
            status=ImportBatch.Status.INVALID,
            summary=refused.message.as_json(),
        )
        return ImportBatch.objects.get(pk=batch.pk)
    new_count, unchanged = len(resolution.to_create), resolution.unchanged
    if new_count:
        # New certificates are current (``superseded`` False): only the board's
        # cached counts need a new version.
        from lms.certification.selectors import board_version_bump

        transaction.on_commit(board_version_bump)
        outcome = summary("done", new=new_count, unchanged=unchanged)
    else:
        outcome = summary("nothing", n=unchanged)
    batch_finish(
        batch,
        status=ImportBatch.Status.DONE,
        processed_rows=total,
        new_count=new_count,
        unchanged_count=unchanged,
        summary=outcome,
    )
    return ImportBatch.objects.get(pk=batch.pk)


def import_batch_fail(*, batch_id: int) -> None:
    """Marks a batch whose task crashed, so its page stops waiting; nothing was
    written (the commit is one transaction)."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is not None:
        batch_finish(batch, status=ImportBatch.Status.FAILED, summary={})


class _Invalid(Exception):
    def __init__(self, resolution: Resolution):
        super().__init__("invalid")
        self.resolution = resolution
