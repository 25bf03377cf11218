"""The board's export rows: the columns every board export (CSV, the XLSX job, the
look-up) writes, read as plain values a few thousand at a time."""

from __future__ import annotations

from types import SimpleNamespace

from lms.models import SkillCertificate, SkillLevel, User
from lms.spreadsheets import safe_cell

EXPORT_CHUNK = 2000
# Exports write the level's interchange code (``SkillLevel.code``: the national
# grade's digit, or apprentice / special / chief), which the import reads back.
LEVEL_CODES = {level.value: level.code for level in SkillLevel}


EXPORT_HEADER = (
    "holder",
    "email",
    "employee_number",
    "occupation_code",
    "occupation",
    "level",
    "certificate_number",
    "issuing_body",
    "issued_on",
    "valid_until",
    "status",
)


def certificate_cells(c: SkillCertificate) -> list:
    return [
        safe_cell(v)
        for v in (
            c.holder.get_full_name(),
            c.holder.email,
            c.employee_number,
            c.occupation.code,
            c.occupation.name,
            LEVEL_CODES[c.level],
            c.number,
            c.issuer_name,
            c.issued_on.isoformat(),
            c.valid_until.isoformat() if c.valid_until else "",
            c.status,
        )
    ]


# The columns an export reads: plain values, no model instances (a quarter of a
# million certificates with their holders and occupations would be built otherwise).
EXPORT_VALUES = (
    "holder__display_name",
    "holder__first_name",
    "holder__last_name",
    "holder__email",
    "employee_number",
    "occupation__code",
    "occupation__name",
    "level",
    "number",
    "issuer_name",
    "issued_on",
    "valid_until",
    "status_value",
)


def export_rows(certificates):
    """The export's rows, the same cells as ``certificate_cells``: one streamed
    query (a server-side cursor read ``EXPORT_CHUNK`` rows at a time)."""
    rows = certificates.values_list(*EXPORT_VALUES)
    for (
        display_name,
        first_name,
        last_name,
        email,
        employee_number,
        code,
        occupation,
        level,
        number,
        issuer,
        issued_on,
        valid_until,
        status,
    ) in rows.iterator(chunk_size=EXPORT_CHUNK):
        holder = SimpleNamespace(
            display_name=display_name,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        holder.is_erased = User.is_erased.fget(holder)
        # Text people typed goes through ``safe_cell``; the level, the ISO dates
        # and the status cannot start like a formula.
        yield [
            safe_cell(User.get_full_name(holder)),  # the one naming rule
            safe_cell(email),
            safe_cell(employee_number),
            safe_cell(code),
            safe_cell(occupation),
            LEVEL_CODES[level],
            safe_cell(number),
            safe_cell(issuer),
            issued_on.isoformat(),
            valid_until.isoformat() if valid_until else "",
            status,
        ]
