"""Row builders and writers shared by the demo world (``home.demo_world``) and the
benchmark generator (``bench.generate``): one definition of what a generated
certificate, guidance session, enrolment or lesson-progress row holds, written in
bulk. History rows carry their own timestamps (``auto_now`` fields are switched off
while they are written), and every row keeps the models' constraints."""

from __future__ import annotations

import datetime
import itertools
import json
import random
import string
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

BATCH = 2_000
_CODE_ALPHABET = string.ascii_letters + string.digits + "-_"


def verification_code(rng: random.Random) -> str:
    """20 URL-safe characters (120 bits), like ``new_verification_code``, but from
    the generator's seeded random source so the same seed gives the same data."""
    return "".join(rng.choices(_CODE_ALPHABET, k=20))


@contextmanager
def explicit_timestamps(model) -> Iterator[None]:
    """Writes the given ``created_at``-style values instead of "now": switches off
    ``auto_now``/``auto_now_add`` of the model's fields for the block."""
    switched = []
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            switched.append((field, field.auto_now, field.auto_now_add))
            field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def bulk_insert(model, rows: Iterable[dict]) -> list:
    """Inserts ``rows`` (dicts of field attnames, e.g. ``holder_id``) with
    bulk_create in batches; returns the saved instances with their ids."""
    saved: list = []
    batch: list = []
    with explicit_timestamps(model):
        for row in rows:
            batch.append(model(**row))
            if len(batch) >= BATCH:
                saved += model.objects.bulk_create(batch)
                batch = []
        saved += model.objects.bulk_create(batch)
    return saved


def copy_rows(model, rows: Iterable[dict]) -> int:
    """Writes ``rows`` with PostgreSQL's COPY (no ids come back: for volume), else
    with ``bulk_insert``. Returns the number of rows."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return len(bulk_insert(model, rows))
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    keys = list(first)
    columns = ", ".join(
        connection.ops.quote_name(model._meta.get_field(k).column) for k in keys
    )
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in itertools.chain([first], rows):
                # JSON columns go as their text.
                copy.write_row(
                    [
                        json.dumps(row[k]) if isinstance(row[k], dict) else row[k]
                        for k in keys
                    ]
                )
                count += 1
    return count


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """A moment of ``day`` in the site's time zone."""
    from django.utils import timezone

    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, minute))
    )


# --- rows ---------------------------------------------------------------------------


def certificate_row(
    *,
    rng: random.Random,
    holder_id: int,
    holder_name: str,
    occupation_id: int,
    level: int,
    number: str,
    issuer_kind: str,
    issuer_name: str,
    issuing_body_id: int | None,
    issued_on: datetime.date,
    valid_until: datetime.date | None,
    evidence_kind: str,
    issuer_enterprise_id: int | None = None,
    evidence_detail: str = "",
    replaces_id: int | None = None,
    superseded: bool = False,
    revocation_reason: str = "",
    recorded_by_id: int | None = None,
) -> dict:
    """A skill certificate as recorded by hand or import (never a platform one:
    those come from completions and carry a ``source_key``)."""
    return {
        "holder_id": holder_id,
        "holder_name": holder_name,
        "occupation_id": occupation_id,
        "level": level,
        "number": number,
        "issuer_kind": issuer_kind,
        "issuer_name": issuer_name,
        "issuing_body_id": issuing_body_id,
        "issuer_enterprise_id": issuer_enterprise_id,
        "issued_on": issued_on,
        "valid_until": valid_until,
        "evidence_kind": evidence_kind,
        "evidence_detail": evidence_detail,
        "verification_code": verification_code(rng),
        "replaces_id": replaces_id,
        "superseded": superseded,
        "suspended": False,
        "suspension_reason": "",
        "revoked": bool(revocation_reason),
        "revocation_reason": revocation_reason,
        "source_key": "",
        "recorded_by_id": recorded_by_id,
        "created_at": at(issued_on, 10),
    }


def session_row(
    *,
    mentor_id: int,
    day: datetime.date,
    start: datetime.time,
    minutes: int,
    status: str,
    agreement_id: int | None = None,
    service_request_id: int | None = None,
    workshop: str = "",
    line: str = "",
    workstation: str = "",
    topics: str = "",
    problem: str = "",
    skills: str = "",
    dispute_comment: str = "",
) -> dict:
    """A guidance session (or a service visit) logged the day it happened; a
    confirmed one is confirmed the next morning."""
    begin = datetime.datetime.combine(day, start)
    end = (begin + datetime.timedelta(minutes=minutes)).time()
    logged = at(day, 18)
    return {
        "agreement_id": agreement_id,
        "service_request_id": service_request_id,
        "mentor_id": mentor_id,
        "date": day,
        "start_time": start,
        "end_time": end,
        "minutes": minutes,
        "workshop": workshop,
        "line": line,
        "workstation": workstation,
        "topics": topics,
        "problem": problem,
        "skills": skills,
        "notes": "",
        "status": status,
        "dispute_comment": dispute_comment,
        "confirmed_at": at(day + datetime.timedelta(days=1), 8)
        if status == "confirmed"
        else None,
        "created_at": logged,
        "updated_at": logged,
    }


def enrollment_row(
    *,
    user_id: int,
    course_id: int,
    enrolled_at: datetime.datetime,
    status: str = "active",
    last_lesson_id: int | None = None,
    last_activity_at: datetime.datetime | None = None,
    left_at: datetime.datetime | None = None,
    assigned_by_id: int | None = None,
    due_on: datetime.date | None = None,
) -> dict:
    return {
        "user_id": user_id,
        "course_id": course_id,
        "status": status,
        "source": "assigned" if assigned_by_id else "self",
        "assigned_by_id": assigned_by_id,
        "due_on": due_on,
        "enrolled_at": enrolled_at,
        "left_at": left_at,
        "last_lesson_id": last_lesson_id,
        "last_activity_at": last_activity_at or enrolled_at,
    }


def progress_row(
    *,
    enrollment_id: int,
    lesson_id: int,
    opened_at: datetime.datetime,
    completed_at: datetime.datetime | None,
) -> dict:
    return {
        "enrollment_id": enrollment_id,
        "lesson_id": lesson_id,
        "first_viewed_at": opened_at,
        "last_viewed_at": completed_at or opened_at,
        "completed_at": completed_at,
    }
