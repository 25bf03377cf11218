"""The board's XLSX export as a background job: requested (one open job per person
and filter set), written by a Celery task row by row into private storage with its
progress on the job's row, the requester told when it is ready, and deleted a day
later by a beat task."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
import tempfile

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms.certification import selectors
from lms.certification.permissions import certificate_policy
from lms.errors import PermissionDenied
from lms.models import BoardExport, User
from lms.private_files import delete_with_thumbnail
from lms.queueing import queue_now, queue_on_commit
from lms.spreadsheets import xlsx_write
from lms.stored_text import Text

logger = logging.getLogger(__name__)

# Rows written between two progress updates (one UPDATE each).
PROGRESS_EVERY = 5000
# How long a finished export is kept; its file and row go after that.
KEEP_FOR = datetime.timedelta(days=1)
# A waiting export not started this long after it was asked for was never queued.
LOST_AFTER = datetime.timedelta(minutes=2)
# A running export whose row has not moved for this long lost its worker.
STALE_AFTER = datetime.timedelta(minutes=10)

NOTICE_KIND = "lms.board_export_finished"
FAILED_MESSAGE = gettext_noop(
    "The export could not be written. Try again; if it fails again, contact support."
)
UNAVAILABLE_MESSAGE = gettext_noop(
    "The database or the file storage was unavailable. Try again in a few minutes."
)
NOT_ALLOWED_MESSAGE = gettext_noop("You may no longer see the certification board.")


def filters_key(filters: selectors.BoardFilters) -> str:
    """The same filters give the same key (the open-job constraint is on it)."""
    raw = json.dumps(dataclasses.asdict(filters), sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def _task():
    from lms.certification.tasks import certificate_board_export

    return certificate_board_export


def board_export_request(
    *, user: User, filters: selectors.BoardFilters
) -> tuple[BoardExport, bool]:
    """The open export of ``user`` for these filters, or a new one queued after
    commit: ``(export, created)``. A double submit finds the first."""
    if not certificate_policy.user_has_permission(user, "view_board"):
        raise PermissionDenied(_("You may not export the certification board."))
    key = filters_key(filters)
    open_jobs = BoardExport.objects.filter(
        requested_by=user, filters_key=key, status__in=BoardExport.OPEN
    )
    found = open_jobs.first()
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            export = BoardExport.objects.create(
                requested_by=user,
                filters=dataclasses.asdict(filters),
                filters_key=key,
            )
            queue_on_commit(_task(), export.pk)
    except IntegrityError:  # the other submit of a double click won the race
        return open_jobs.get(), False
    return export, True


def _claim(export_id: int) -> bool:
    """Moves a waiting (or stale running) export to running; False if another
    worker has it or it is finished (a task run twice does nothing)."""
    now = timezone.now()
    return bool(
        BoardExport.objects.filter(pk=export_id)
        .filter(
            Q(status=BoardExport.Status.PENDING)
            | Q(status=BoardExport.Status.RUNNING, updated_at__lt=now - STALE_AFTER)
        )
        .update(status=BoardExport.Status.RUNNING, updated_at=now, rows_done=0)
    )


def _counted(rows, export_id: int):
    """``rows`` passed on, the job's ``rows_done`` updated every PROGRESS_EVERY."""
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            BoardExport.objects.filter(pk=export_id).update(
                rows_done=done, updated_at=timezone.now()
            )


def _with_header(rows):
    yield list(selectors.EXPORT_HEADER)
    yield from rows


def board_export_write(*, export_id: int) -> BoardExport | None:
    """Writes the export's workbook (the board's rows for its requester and filters,
    as they are now) into private storage and tells the requester. Does nothing
    to an export that is finished, gone (None) or being written by another worker."""
    if not _claim(export_id):
        return BoardExport.objects.filter(pk=export_id).first()
    export = BoardExport.objects.select_related("requested_by").get(pk=export_id)
    user = export.requested_by
    if not certificate_policy.user_has_permission(user, "view_board"):
        return board_export_fail(export_id=export_id, message=NOT_ALLOWED_MESSAGE)
    certificates = selectors.board_certificates(
        user=user, filters=selectors.BoardFilters(**export.filters)
    )
    total = certificates.order_by().count()
    BoardExport.objects.filter(pk=export_id).update(rows_total=total)
    rows = _with_header(_counted(selectors.export_rows(certificates), export_id))
    stamp = timezone.localdate().isoformat()
    with tempfile.TemporaryFile(suffix=".xlsx") as handle:
        xlsx_write(rows, handle, sheet_title=_("Certificates"))
        handle.seek(0)
        export.file.save(f"certificates-{stamp}.xlsx", File(handle), save=False)
    with transaction.atomic():
        BoardExport.objects.filter(pk=export_id).update(
            status=BoardExport.Status.DONE,
            file=export.file.name,
            rows_total=total,
            rows_done=total,
            updated_at=timezone.now(),
            finished_at=timezone.now(),
        )
        _notify(export)
    return BoardExport.objects.get(pk=export_id)


def _notify(export: BoardExport) -> None:
    from lms.services.notifications import notification_send

    notification_send(
        recipient=export.requested_by,
        key=f"board-export:{export.pk}",
        kind=NOTICE_KIND,
        params={"export": export.pk},
    )


def board_export_release(*, export_id: int) -> None:
    """A transient error: the export waits again for the task's retry."""
    BoardExport.objects.filter(pk=export_id, status=BoardExport.Status.RUNNING).update(
        status=BoardExport.Status.PENDING, updated_at=timezone.now()
    )


def board_export_fail(*, export_id: int, message: str = FAILED_MESSAGE) -> BoardExport:
    """Marks an open export failed with ``message`` (a message id, rendered in the
    reader's language), removes any half-written file and tells the requester."""
    export = BoardExport.objects.select_related("requested_by").get(pk=export_id)
    if not export.is_open:
        return export  # finished already: a late failure changes nothing
    if export.file:
        delete_with_thumbnail(export.file.name)
    with transaction.atomic():
        BoardExport.objects.filter(pk=export_id).update(
            status=BoardExport.Status.FAILED,
            file="",
            error=Text(message).as_json(),
            updated_at=timezone.now(),
            finished_at=timezone.now(),
        )
        _notify(export)
    return BoardExport.objects.get(pk=export_id)


def board_exports_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """The beat task's work: deletes exports (file and row) older than KEEP_FOR, and
    queues again those still waiting two minutes after they were asked for (the
    broker was down) or running without progress for STALE_AFTER (a dead worker).
    Returns how many it deleted and queued."""
    now = now or timezone.now()
    old = BoardExport.objects.filter(created_at__lt=now - KEEP_FOR)
    deleted = 0
    for pk, name in old.values_list("pk", "file"):
        if name:
            delete_with_thumbnail(name)
        deleted += BoardExport.objects.filter(pk=pk).delete()[0]
    waiting = BoardExport.objects.filter(
        Q(status=BoardExport.Status.PENDING, created_at__lt=now - LOST_AFTER)
        | Q(status=BoardExport.Status.RUNNING, updated_at__lt=now - STALE_AFTER)
    ).values_list("pk", flat=True)
    queued = sum(queue_now(_task(), pk) for pk in waiting)
    return {"deleted": deleted, "queued": queued}
