"""Resolving: each parsed row's holder (by e-mail address, or by employee number
within the batch's enterprise), occupation and certificate number are matched
against the database; a row becomes a certificate to create, an unchanged one
already recorded, or row errors. Queries per 500 rows, never per row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from lms.certification.numbers import number_problem
from lms.models import (
    ImportBatch,
    IssuingBody,
    Membership,
    Occupation,
    SkillCertificate,
    User,
)
from lms.stored_text import Text

from .parsing import ParsedRow, RowError

PROGRESS_EVERY = 2_000


def chunks(items: list, size: int = 500) -> Iterator[list]:
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
    for chunk in chunks(emails):
        for pk, email in User.objects.filter(email__in=chunk).values_list(
            "pk", "email"
        ):
            users_by_email[email.lower()] = pk
    numbers = sorted({r.employee_number for r in rows if r.employee_number})
    users_by_number: dict[str, int] = {}
    if batch.enterprise_id:
        for chunk in chunks(numbers):
            for user_id, number in Membership.objects.filter(
                enterprise_id=batch.enterprise_id, employee_number__in=chunk
            ).values_list("user_id", "employee_number"):
                users_by_number[number] = user_id
    existing: dict[str, tuple] = {}
    cert_numbers = sorted({r.number for r in rows})
    for chunk in chunks(cert_numbers):
        for values in SkillCertificate.objects.filter(
            issuer_kind=batch.issuer_kind,
            issuer_name=batch.issuer_name,
            number__in=chunk,
        ).values_list(
            "number", "holder_id", "occupation_id", "level", "issued_on", "valid_until"
        ):
            existing[values[0]] = values[1:]

    # The numbering the issuing body's numbers follow (checked per row).
    body = (
        IssuingBody.objects.filter(name=batch.issuer_name).first()
        or IssuingBody.objects.filter(name_zh=batch.issuer_name).first()
    )
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
        if body is not None:
            problem = number_problem(
                pattern=body.number_pattern,
                example=body.number_example,
                number=row.number,
                issued_on=row.issued_on,
                level=row.level,
            )
            if problem is not None:
                row_errors.append(RowError(row.row, "number", problem))
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
