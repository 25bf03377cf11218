"""Bulk import of appraisal results (CSV or XLSX, up to 100,000 rows).

A batch is first checked (a dry run that lists every bad row with its row number,
column and reason), then committed all-or-nothing with ``bulk_create`` in batches.
The certificate number (per issuing body) is the key: importing the same file again
creates nothing and says so. Progress goes to the cache so the page can poll it
while the commit's transaction is still open."""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lms import permissions
from lms.certification.import_summaries import summary
from lms.certification.services.certificates import issuing_body_for
from lms.errors import DomainError
from lms.models import (
    CertificateEvent,
    Enterprise,
    ImportBatch,
    Membership,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)
from lms.queueing import queue_now, queue_on_commit
from lms.stored_text import Text

MAX_ROWS = 100_000
MAX_STORED_ERRORS = 5_000
CHUNK = 1_000
PROGRESS_EVERY = 2_000

# Column name -> accepted header spellings (English and Chinese).
COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("number", "certificate_number", "certificate number", "证书编号"),
    "email": ("email", "e-mail", "holder_email", "邮箱", "电子邮箱"),
    "employee_number": ("employee_number", "employee number", "工号"),
    "name": ("name", "holder", "姓名"),
    "occupation_code": ("occupation_code", "occupation", "occupation code", "职业编码"),
    "level": ("level", "skill_level", "等级"),
    "issued_on": ("issued_on", "issued on", "issue date", "发证日期"),
    "valid_until": ("valid_until", "valid until", "expiry date", "有效期至"),
    "score": ("score", "成绩"),
    "detail": ("detail", "evidence_detail", "备注"),
}
REQUIRED = ("number", "occupation_code", "level", "issued_on")
HEADER_ALIASES = {alias: key for key, names in COLUMNS.items() for alias in names}


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: Text

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, **self.message.as_json()}


@dataclass
class ParsedRow:
    row: int
    number: str
    email: str
    employee_number: str
    occupation_code: str
    level: int
    issued_on: datetime.date
    valid_until: datetime.date | None
    score: Decimal | None
    detail: str


class FileRefused(Exception):
    """The file as a whole cannot be read (not CSV/XLSX, too many rows...)."""

    def __init__(self, message: Text):
        super().__init__(message.text)
        self.message = message


# --- reading ----------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_csv(stream) -> Iterator[list[str]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(text)
    except UnicodeDecodeError:
        raise FileRefused(
            Text(
                gettext_noop("The CSV file is not UTF-8 text; save it as “CSV UTF-8”.")
            )
        ) from None
    except csv.Error as exc:
        raise FileRefused(
            Text(gettext_noop("The CSV file cannot be read: %(e)s")) % {"e": exc}
        ) from None
    finally:
        text.detach()


def read_xlsx(stream) -> Iterator[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileRefused(
            Text(gettext_noop("This is not an Excel (.xlsx) file we can read."))
        ) from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell_text(v) for v in values]
    finally:
        workbook.close()


def read_table(stream, name: str) -> Iterator[list[str]]:
    lower = name.lower()
    if lower.endswith(".csv"):
        return read_csv(stream)
    if lower.endswith(".xlsx"):
        return read_xlsx(stream)
    raise FileRefused(Text(gettext_noop("Upload a CSV (.csv) or Excel (.xlsx) file.")))


# --- parsing ----------------------------------------------------------------------


def _parse_date(text: str) -> datetime.date:
    text = text.strip().split(" ")[0].replace("/", "-").replace(".", "-")
    return datetime.date.fromisoformat(text)


def parse_rows(
    rows: Iterable[list], *, max_rows: int = MAX_ROWS
) -> tuple[list[ParsedRow], list[RowError]]:
    """Checks the shape of every row. Never raises for bad content: each problem is
    a ``RowError`` (row numbers count the header as row 1). Raises ``FileRefused``
    only for a file that cannot be read at all or is too long."""
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    iterator = iter(rows)
    try:
        header = next(iterator)
    except StopIteration:
        return [], [RowError(1, "", Text(gettext_noop("The file is empty.")))]
    columns: list[str | None] = []
    for cell in header:
        label = _cell_text(cell).lower()
        key = HEADER_ALIASES.get(label)
        if label and key is None:
            errors.append(
                RowError(
                    1,
                    label[:50],
                    Text(gettext_noop("Unknown column “%(c)s”.")) % {"c": label[:50]},
                )
            )
        if key is not None and key in columns:
            errors.append(
                RowError(
                    1, label[:50], Text(gettext_noop("This column appears twice."))
                )
            )
        columns.append(key)
    for required in REQUIRED:
        if required not in columns:
            errors.append(
                RowError(1, required, Text(gettext_noop("This column is missing.")))
            )
    if "email" not in columns and "employee_number" not in columns:
        errors.append(
            RowError(
                1,
                "email",
                Text(gettext_noop("Add an email or an employee_number column.")),
            )
        )
    if errors:
        return [], errors
    width = len(columns)
    count = 0
    for index, raw in enumerate(iterator, start=2):
        cells = [_cell_text(c) for c in raw]
        if not any(cells):
            continue
        count += 1
        if count > max_rows:
            raise FileRefused(
                Text(gettext_noop("The file has more than %(n)s rows; split it."))
                % {"n": max_rows}
            )
        if len(cells) > width and any(cells[width:]):
            errors.append(
                RowError(
                    index,
                    "",
                    Text(
                        gettext_noop(
                            "Too many columns: %(got)s values for %(want)s columns."
                        )
                    )
                    % {"got": len(cells), "want": width},
                )
            )
            continue
        values = dict.fromkeys(COLUMNS, "")
        for key, cell in zip(columns, cells, strict=False):
            if key is not None:
                values[key] = cell
        row, row_errors = _parse_one(index, values)
        if row_errors:
            errors.extend(row_errors)
        else:
            parsed.append(row)
    return parsed, errors


def _parse_one(index: int, v: dict[str, str]) -> tuple[ParsedRow | None, list]:
    errors = []

    def fail(column: str, message: Text) -> None:
        errors.append(RowError(index, column, message))

    number = v["number"].strip()
    if not number:
        fail("number", Text(gettext_noop("The certificate number is missing.")))
    elif len(number) > 64:
        fail(
            "number",
            Text(gettext_noop("The certificate number is longer than 64 characters.")),
        )
    email = v["email"].strip().lower()
    employee_number = v["employee_number"].strip()
    if not email and not employee_number:
        fail(
            "email",
            Text(gettext_noop("Give the holder's e-mail address or employee number.")),
        )
    elif email and ("@" not in email or len(email) > 254):
        fail("email", Text(gettext_noop("This is not an e-mail address.")))
    if len(employee_number) > 40:
        fail("employee_number", Text(gettext_noop("The employee number is too long.")))
    occupation_code = v["occupation_code"].strip()
    if not occupation_code:
        fail("occupation_code", Text(gettext_noop("The occupation code is missing.")))
    level = 0
    try:
        level = int(Decimal(v["level"].strip()))
        if Decimal(v["level"].strip()) != level:
            raise ValueError
    except (InvalidOperation, ValueError, ArithmeticError):
        level = 0
    if level not in SkillLevel.values:
        fail(
            "level", Text(gettext_noop("The level must be a whole number from 1 to 5."))
        )
    issued_on = valid_until = None
    try:
        issued_on = _parse_date(v["issued_on"])
    except ValueError:
        fail("issued_on", Text(gettext_noop("Write the date as YYYY-MM-DD.")))
    if v["valid_until"].strip():
        try:
            valid_until = _parse_date(v["valid_until"])
        except ValueError:
            fail("valid_until", Text(gettext_noop("Write the date as YYYY-MM-DD.")))
    if issued_on and valid_until and valid_until < issued_on:
        fail(
            "valid_until",
            Text(gettext_noop("The certificate cannot expire before it is issued.")),
        )
    score = None
    if v["score"].strip():
        try:
            score = Decimal(v["score"].strip())
            if not score.is_finite() or score < 0 or score >= 10_000:
                raise InvalidOperation
            score = score.quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            fail(
                "score",
                Text(gettext_noop("The score must be a number from 0 to 9999.")),
            )
            score = None
    if errors:
        return None, errors
    return (
        ParsedRow(
            row=index,
            number=number,
            email=email,
            employee_number=employee_number,
            occupation_code=occupation_code,
            level=level,
            issued_on=issued_on,
            valid_until=valid_until,
            score=score,
            detail=v["detail"].strip()[:255],
        ),
        [],
    )


# --- resolving against the database ------------------------------------------------


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class Resolution:
    to_create: list[SkillCertificate]
    unchanged: int
    errors: list[RowError]


def resolve_rows(
    *, batch: ImportBatch, rows: list[ParsedRow], progress=None
) -> Resolution:
    """Matches holders and occupations and compares with certificates already in
    the database. Queries per 500 rows, never per row."""
    errors: list[RowError] = []
    occupations = {
        o.code: o.pk
        for o in Occupation.objects.filter(
            code__in={r.occupation_code for r in rows}
        ).only("pk", "code")
    }
    emails = sorted({r.email for r in rows if r.email})
    users_by_email: dict[str, int] = {}
    for chunk in _chunks(emails):
        for pk, email in User.objects.filter(email__in=chunk).values_list(
            "pk", "email"
        ):
            users_by_email[email.lower()] = pk
    numbers = sorted({r.employee_number for r in rows if r.employee_number})
    users_by_number: dict[str, int] = {}
    if batch.enterprise_id:
        for chunk in _chunks(numbers):
            for user_id, number in Membership.objects.filter(
                enterprise_id=batch.enterprise_id, employee_number__in=chunk
            ).values_list("user_id", "employee_number"):
                users_by_number[number] = user_id
    existing: dict[str, tuple] = {}
    cert_numbers = sorted({r.number for r in rows})
    for chunk in _chunks(cert_numbers):
        for values in SkillCertificate.objects.filter(
            issuer_kind=batch.issuer_kind,
            issuer_name=batch.issuer_name,
            number__in=chunk,
        ).values_list(
            "number", "holder_id", "occupation_id", "level", "issued_on", "valid_until"
        ):
            existing[values[0]] = values[1:]

    seen: dict[str, int] = {}
    to_create: list[SkillCertificate] = []
    unchanged = 0
    issuer_enterprise_id = (
        batch.enterprise_id
        if batch.issuer_kind == SkillCertificate.IssuerKind.ENTERPRISE
        else None
    )
    for done, row in enumerate(rows, start=1):
        if progress and done % PROGRESS_EVERY == 0:
            progress(done)
        row_errors = []
        occupation_id = occupations.get(row.occupation_code)
        if occupation_id is None:
            row_errors.append(
                RowError(
                    row.row,
                    "occupation_code",
                    Text(gettext_noop("Unknown occupation code “%(code)s”."))
                    % {"code": row.occupation_code[:30]},
                )
            )
        holder_id = None
        if row.email:
            holder_id = users_by_email.get(row.email)
            if holder_id is None:
                row_errors.append(
                    RowError(
                        row.row,
                        "email",
                        Text(gettext_noop("Nobody has this e-mail address.")),
                    )
                )
        if row.employee_number:
            if not batch.enterprise_id:
                row_errors.append(
                    RowError(
                        row.row,
                        "employee_number",
                        Text(
                            gettext_noop(
                                "Choose the enterprise to match employee numbers."
                            )
                        ),
                    )
                )
            else:
                by_number = users_by_number.get(row.employee_number)
                if by_number is None:
                    row_errors.append(
                        RowError(
                            row.row,
                            "employee_number",
                            Text(
                                gettext_noop(
                                    "No worker of the enterprise has this employee "
                                    "number."
                                )
                            ),
                        )
                    )
                elif holder_id is not None and by_number != holder_id:
                    row_errors.append(
                        RowError(
                            row.row,
                            "employee_number",
                            Text(
                                gettext_noop(
                                    "The e-mail address and employee number are of two "
                                    "different people."
                                )
                            ),
                        )
                    )
                holder_id = holder_id or by_number
        if row.number in seen:
            row_errors.append(
                RowError(
                    row.row,
                    "number",
                    Text(gettext_noop("The number %(n)s is also in row %(other)s."))
                    % {"n": row.number, "other": seen[row.number]},
                )
            )
        else:
            seen[row.number] = row.row
        if row_errors:
            errors.extend(row_errors)
            continue
        key = (holder_id, occupation_id, row.level, row.issued_on, row.valid_until)
        if row.number in existing:
            if existing[row.number] == key:
                unchanged += 1
            else:
                errors.append(
                    RowError(
                        row.row,
                        "number",
                        Text(
                            gettext_noop(
                                "Certificate %(n)s is already recorded with different "
                                "details."
                            )
                        )
                        % {"n": row.number},
                    )
                )
            continue
        to_create.append(
            SkillCertificate(
                holder_id=holder_id,
                occupation_id=occupation_id,
                level=row.level,
                number=row.number,
                issuer_kind=batch.issuer_kind,
                issuer_name=batch.issuer_name,
                issuer_enterprise_id=issuer_enterprise_id,
                issued_on=row.issued_on,
                valid_until=row.valid_until,
                evidence_kind=batch.evidence_kind,
                evidence_detail=row.detail,
                score=row.score,
                recorded_by_id=batch.uploaded_by_id,
                import_batch=batch,
            )
        )
    return Resolution(to_create=to_create, unchanged=unchanged, errors=errors)


# --- progress -----------------------------------------------------------------------


def progress_key(batch_id: int) -> str:
    return f"import-progress:{batch_id}"


def progress_read(*, batch: ImportBatch) -> dict:
    """What the progress bar shows: the cache while a task runs, else the row."""
    live = cache.get(progress_key(batch.pk))
    if live and batch.status in (
        ImportBatch.Status.CHECKING,
        ImportBatch.Status.IMPORTING,
    ):
        return live
    return {"status": batch.status, "progress": batch.progress}


def _progress_write(batch: ImportBatch, status: str, done: int, total: int) -> None:
    percent = min(99, round(100 * done / total)) if total else 0
    cache.set(
        progress_key(batch.pk), {"status": status, "progress": percent}, timeout=3600
    )


# --- services -----------------------------------------------------------------------


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

    if not permissions.can_import_certificates(actor):
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
        progress=lambda done: _progress_write(batch, status, done, total * 2),
    )
    resolution.errors[:0] = errors
    resolution.errors.sort(key=lambda e: e.row)
    return resolution, total


def _finish(batch: ImportBatch, **fields) -> None:
    fields.setdefault("finished_at", timezone.now())
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
    cache.delete(progress_key(batch.pk))


def import_batch_check(*, batch_id: int) -> ImportBatch:
    """The dry run: lists every bad row; writes no certificate. Safe to run twice."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status not in (ImportBatch.Status.PENDING, ImportBatch.Status.CHECKING):
        return batch
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.CHECKING)
    try:
        resolution, total = _parse_and_resolve(batch, ImportBatch.Status.CHECKING)
    except FileRefused as refused:
        _finish(
            batch,
            status=ImportBatch.Status.INVALID,
            summary=refused.message.as_json(),
            error_count=1,
            errors=[RowError(0, "", refused.message).as_dict()],
        )
        return ImportBatch.objects.get(pk=batch.pk)
    bad_rows = len({e.row for e in resolution.errors})
    _finish(
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

    if not permissions.can_import_certificates(actor):
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


def _stamp_holders_and_issuer(
    batch: ImportBatch, certificates: list[SkillCertificate]
) -> None:
    """Each new certificate records its holder's name on the day of import and
    points at the issuing body's record (a query per 500 holders)."""
    if not certificates:
        return
    names: dict[int, str] = {}
    holder_ids = sorted({c.holder_id for c in certificates})
    for chunk in _chunks(holder_ids):
        for user in User.objects.filter(pk__in=chunk).only(
            "pk", "email", "display_name", "first_name", "last_name"
        ):
            names[user.pk] = user.get_full_name()
    body = issuing_body_for(batch.issuer_name)
    for certificate in certificates:
        certificate.holder_name = names.get(certificate.holder_id, "")[:200]
        certificate.issuing_body = body


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
            new = resolution.to_create
            _stamp_holders_and_issuer(batch, new)
            for start in range(0, len(new), CHUNK):
                created = SkillCertificate.objects.bulk_create(
                    new[start : start + CHUNK]
                )
                if created and created[0].pk is None:  # pragma: no cover - old SQLite
                    created = list(
                        SkillCertificate.objects.filter(
                            import_batch=batch,
                            number__in=[c.number for c in created],
                        ).only("pk")
                    )
                CertificateEvent.objects.bulk_create(
                    CertificateEvent(
                        certificate_id=c.pk,
                        actor_id=batch.uploaded_by_id,
                        action=CertificateEvent.Action.ISSUE,
                        changes={"import_batch": batch.pk},
                    )
                    for c in created
                )
                _progress_write(
                    batch,
                    ImportBatch.Status.IMPORTING,
                    total + total * (start + len(created)) // max(1, len(new)),
                    total * 2,
                )
    except _Invalid as invalid:
        errors = invalid.resolution.errors
        _finish(
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
        _finish(
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
    _finish(
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
        _finish(batch, status=ImportBatch.Status.FAILED, summary={})


class _Invalid(Exception):
    def __init__(self, resolution: Resolution):
        super().__init__("invalid")
        self.resolution = resolution
