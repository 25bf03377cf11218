"""300 reservations for one session at the same moment, on PostgreSQL: 250 people,
50 of them sending the form twice at once. The session's row lock and the unique
constraint keep the seats exact: never more reserved than its capacity, no person
with two active reservations, every call answered. Then 30 people cancel at once and
the first 30 of the waiting list, in the order they joined, take their seats."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.db.models import Count

from home.events.models import EventIndexPage, Reservation
from home.events.services import reservation_cancel, reservation_create
from home.models import HomePage
from tests.home.events.factories import EventPageFactory, EventSessionFactory
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.services

PEOPLE, DOUBLES, SEATS, CANCELS = 250, 50, 100, 30


def _session():
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    event = EventPageFactory(parent=index)
    return EventSessionFactory(page=event, capacity=SEATS)


def _all_at_once(calls) -> tuple[list, list[str], float]:
    """Runs ``calls`` from 40 threads (own connections), started together."""
    answers, errors = [], []
    lock = threading.Lock()
    gate = threading.Event()

    def run(call):
        gate.wait(timeout=30)
        try:
            answer = call()
            with lock:
                answers.append(answer)
        except Exception as error:  # noqa: BLE001 - reported to the test
            with lock:
                errors.append(f"{type(error).__name__}: {error}")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=40) as pool:
        futures = [pool.submit(run, call) for call in calls]
        began = time.monotonic()
        gate.set()
        for future in futures:
            future.result(timeout=120)
    return answers, errors, time.monotonic() - began


@pytest.mark.django_db(transaction=True)
def test_300_reservations_at_once_keep_capacity_and_make_no_doubles(
    services_env, django_db_serialized_rollback
):
    session = _session()
    people = [UserFactory() for _ in range(PEOPLE)]
    calls = [
        (lambda p=p: reservation_create(user=p, session=session)) for p in people
    ] + [
        (lambda p=p: reservation_create(user=p, session=session))
        for p in people[:DOUBLES]
    ]
    answers, errors, took = _all_at_once(calls)
    print(f"300 reservations answered in {took:.1f} s")  # noqa: T201 - measured
    assert errors == []
    assert len(answers) == PEOPLE + DOUBLES
    rows = Reservation.objects.filter(session=session)
    assert rows.filter(status="reserved").count() == SEATS
    assert rows.filter(status="waiting").count() == PEOPLE - SEATS
    doubled = rows.values("user").annotate(n=Count("id")).filter(n__gt=1)
    assert list(doubled) == []
    # A double submit answered both sends with the one reservation.
    by_user = {}
    for answer in answers:
        by_user.setdefault(answer.user_id, set()).add(answer.pk)
    assert all(len(ids) == 1 for ids in by_user.values())

    seated = list(rows.filter(status="reserved").select_related("user")[:CANCELS])
    queue = list(rows.filter(status="waiting").order_by("created_at", "pk")[:CANCELS])
    _answers, errors, _took = _all_at_once(
        [(lambda r=r: reservation_cancel(user=r.user, reservation=r)) for r in seated]
    )
    assert errors == []
    assert rows.filter(status="reserved").count() == SEATS
    promoted = set(rows.filter(promoted_at__isnull=False).values_list("pk", flat=True))
    assert promoted == {r.pk for r in queue}
