"""Parsing: the rows read from a file become typed values (``ParsedRow``) or row
errors (``RowError``: row number, column, reason). Nothing here reads the
database; a bad cell never raises."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_noop

from lms.certification.level_names import parse_level
from lms.stored_text import Text

from .reading import FileRefused, cell_text

MAX_ROWS = 100_000

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
        label = cell_text(cell).lower()
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
        cells = [cell_text(c) for c in raw]
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
    found = parse_level(v["level"])
    level = int(found) if found is not None else 0
    if found is None:
        fail(
            "level",
            Text(
                gettext_noop(
                    "Unknown skill level “%(value)s”: write the national grade (1 to "
                    "5) or the level's name, such as 四级/中级工, apprentice, "
                    "特级技师 or chief technician."
                )
            )
            % {"value": v["level"].strip()[:40]},
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
