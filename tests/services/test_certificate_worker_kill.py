"""A Celery worker SIGKILLed in the middle of issuing certificates: many completions
queued, the worker killed while two of its tasks are half-way through issuing (their
certificate row inserted but not committed), then restarted. Every completion ends with
exactly one certificate and one message, and the sweep finds nothing left to do."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.db import connection, transaction

from courses.models import CourseCompletion
from courses.services.completion import course_completions_settle_pending
from courses.tasks import issue_course_certificate
from lms.models import Notification, SkillCertificate, User
from tests.courses import factories as f
from tests.lms.factories import OccupationFactory, UserFactory
from tests.services.test_certificate_outage import assert_one_certificate_each
from tests.services.workers import wait_until

pytestmark = pytest.mark.services

COMPLETIONS = 24
HELD = (8, 9)  # the tasks that are caught mid-issue when the worker dies


def backends_waiting_on_locks() -> int:
    """Other PostgreSQL sessions of this database blocked on a lock right now."""
    with connection.cursor() as cursor:
        # Inside a transaction PostgreSQL would keep showing its first snapshot.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_worker_killed_mid_issue_leaves_exactly_one_certificate_per_completion(
    django_db_serialized_rollback, start_worker
):
    course = f.course(
        title="Welding inspection",
        issues_certificate=True,
        occupation=OccupationFactory(),
        skill_level=2,
    )
    completions = []
    for user in UserFactory.create_batch(COMPLETIONS):
        enrollment = f.enrollment(user=user, course=course, status="completed")
        completions.append(
            CourseCompletion.objects.create(enrollment=enrollment, hours=4)
        )
    all_of_them = CourseCompletion.objects.filter(enrollment__course=course)
    settled = all_of_them.filter(certificate_checked_at__isnull=False)
    worker = start_worker("crashing")  # production's 2 h visibility timeout

    with transaction.atomic():
        # Holding these learners' rows makes the INSERT of their certificate (which
        # needs a key-share lock on its holder) wait: the worker's two pool
        # processes stop half-way through issuing, inside their transactions.
        held = [completions[i].enrollment.user_id for i in HELD]
        list(User.objects.select_for_update().filter(pk__in=held))
        for completion in completions:
            issue_course_certificate.delay(completion.pk)
        wait_until(
            lambda: backends_waiting_on_locks() >= 2 and settled.count() >= HELD[0],
            timeout=60,
            what="the worker to be caught mid-issue",
        )
        worker.kill()
        done_before_the_crash = settled.count()
    assert HELD[0] <= done_before_the_crash < COMPLETIONS

    # The restarted worker gets the two unacknowledged messages back once their
    # visibility timeout (3 s here) has passed, and the rest of the queue.
    time.sleep(3)
    restarted = start_worker("restarted", VISIBILITY_TIMEOUT=3)
    wait_until(
        lambda: settled.count() == COMPLETIONS,
        timeout=90,
        what="every completion's certificate after the restart",
    )
    time.sleep(1)
    assert_one_certificate_each(all_of_them.select_related("enrollment"))
    told = Notification.objects.filter(
        key__in=[f"course-completed:{c.pk}" for c in completions]
    )
    assert told.count() == COMPLETIONS
    assert SkillCertificate.objects.count() == COMPLETIONS
    assert restarted.received("courses.tasks.issue_course_certificate") >= (
        COMPLETIONS - done_before_the_crash
    )
    # Nothing left for beat's sweep.
    assert course_completions_settle_pending(older_than=timedelta(0)) == 0
