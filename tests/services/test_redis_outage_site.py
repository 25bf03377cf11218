"""Redis stopped while 50 learners finish a course through the site (gunicorn and a
Celery worker with the production settings, a real ``celery beat``): every learner's
completion is acknowledged and saved while Redis is down; once it is back, beat's
sweep has the worker issue one certificate per completion; then the tasks that never
reached the broker "arrive late", and only after the worker has run every one of them
is it checked that nothing was doubled (certificates, notices, e-mails). The twin runs
without beat and shows that the same check then fails."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.db.models import Count
from django.urls import reverse

from courses.models import CourseCompletion
from courses.tasks import issue_course_certificate
from lms.models import Notification, SkillCertificate
from tests.services import learners as build
from tests.services.conftest import sent_messages
from tests.services.webserver import Browser, Tally
from tests.services.workers import wait_until

pytestmark = pytest.mark.services

LEARNERS = 50
SWEEP_SECONDS = 5  # beat's interval here; what it sweeps is production's (> 1 min)
ISSUE = "courses.tasks.issue_course_certificate"
SWEEP = "courses.tasks.certificates_issue_pending"


@dataclass
class Outcome:
    """Per learner: the answers while Redis was down."""

    signed_in: set[int] = field(default_factory=set)
    acknowledged: set[int] = field(default_factory=set)
    refused: list[tuple[int, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def finish_course(user_id, browser, lesson, outcome: Outcome) -> None:
    """The learner opens the last lesson (signed in: the sign-out form is there) and
    completes it; the success is a redirect elsewhere than the sign-in page."""
    login = reverse("account_login")
    logout_form = f'action="{reverse("account_logout")}"'
    page = browser.get(lesson.url)
    if page.status != 200 or logout_form not in page.body:
        with outcome.lock:
            outcome.refused.append((user_id, "GET", page.status))
        return
    with outcome.lock:
        outcome.signed_in.add(user_id)
    done = browser.post(lesson.complete_url)
    with outcome.lock:
        if done.status == 302 and not done.location.endswith(login):
            outcome.acknowledged.add(user_id)
        else:
            outcome.refused.append((user_id, "POST", done.status))


def outage_scenario(start_site, start_beat, redis_outage, *, learners, beat=True):
    """Learners on the last lesson; Redis stopped; all finish at once through the
    site; Redis started again. Returns what the check needs."""
    stop_redis, start_redis = redis_outage
    course, lessons = build.course_with_lessons(lessons=2, quizzes=False)
    people = build.enrolled_learners(course, learners, prefix="outage")
    for person in people:
        build.finish_lessons(person, course, lessons[:-1])
    server = start_site(workers=3)
    beat_process = start_beat(SWEEP_SECONDS=SWEEP_SECONDS) if beat else None
    tally = Tally()
    browsers = [
        Browser(server.base_url, cookies=build.server_side_session(p), tally=tally)
        for p in people
    ]
    outcome = Outcome()
    stop_redis()
    began = time.monotonic()
    threads = [
        threading.Thread(target=finish_course, args=(p.pk, b, lessons[-1], outcome))
        for p, b in zip(people, browsers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    down_for = time.monotonic() - began
    completions = CourseCompletion.objects.filter(enrollment__course=course)
    pending_during = completions.filter(certificate_checked_at__isnull=True).count()
    certificates_during = SkillCertificate.objects.filter(holder__in=people).count()
    start_redis()
    return {
        "people": people,
        "server": server,
        "beat": beat_process,
        "tally": tally,
        "outcome": outcome,
        "completions": completions,
        "pending_during": pending_during,
        "certificates_during": certificates_during,
        "down_for": down_for,
    }


def check_one_of_everything(run, mail_dir, *, settle_timeout: float) -> dict:
    """Every learner signed in and acknowledged, saved and pending while Redis was
    down; then each completion settled by the sweep with one certificate, one notice
    and one e-mail; and again after every late task has run."""
    people, completions = run["people"], run["completions"]
    ids = {p.pk for p in people}
    outcome, tally = run["outcome"], run["tally"]
    assert tally.errors == [] and tally.server_errors() == []
    assert outcome.refused == [], outcome.refused[:5]
    assert outcome.signed_in == ids and outcome.acknowledged == ids
    saved = set(completions.values_list("enrollment__user_id", flat=True))
    assert saved == ids, "an acknowledged completion is missing"
    assert run["pending_during"] == len(ids) and run["certificates_during"] == 0

    wait_until(
        lambda: not completions.filter(certificate_checked_at__isnull=True).exists(),
        timeout=settle_timeout,
        what="beat's sweep to settle every completion",
    )
    worker = run["server"].worker
    assert run["beat"].sent(SWEEP) >= 1 and worker.succeeded(SWEEP) >= 1

    def one_each() -> dict:
        keys = {f"course-completion:{pk}" for (pk,) in completions.values_list("pk")}
        issued = (
            SkillCertificate.objects.filter(holder__in=people)
            .values("source_key")
            .annotate(n=Count("id"))
        )
        assert {r["source_key"]: r["n"] for r in issued} == dict.fromkeys(keys, 1)
        told = Notification.objects.filter(key__startswith="course-completed:")
        told = told.filter(recipient__in=people)
        assert Counter(told.values_list("recipient_id", flat=True)) == Counter(ids)
        wait_until(
            lambda: not told.filter(emailed_at__isnull=True).exists(),
            timeout=60,
            what="the notices to be e-mailed",
        )
        mailed = Counter(
            m.split("To: ")[1].split("\n")[0]
            for m in sent_messages(mail_dir)
            if "Subject: Course completed" in m  # not the enrolment notices
        )
        assert mailed == Counter(p.email for p in people)
        return {"certificates": len(keys), "notices": told.count()}

    after_sweep = one_each()
    # The tasks the site could not queue, arriving late: run, every one, then again.
    for completion_id in completions.values_list("pk", flat=True):
        issue_course_certificate.delay(completion_id)
    wait_until(
        lambda: worker.succeeded(ISSUE) >= len(ids),
        timeout=90,
        what="the worker to run every late task",
    )
    after_late = one_each()
    assert after_late == after_sweep
    return {
        "learners": len(ids),
        **after_late,
        "late tasks run": worker.succeeded(ISSUE),
    }


def test_redis_outage_fifty_learners_through_the_site_then_beat_settles_once(
    start_site, start_beat, redis_outage, mail_dir, capsys
):
    run = outage_scenario(start_site, start_beat, redis_outage, learners=LEARNERS)
    totals = check_one_of_everything(run, mail_dir, settle_timeout=150)
    with capsys.disabled():
        print(
            f"\nredis outage: {LEARNERS} learners finished in {run['down_for']:.1f} s "
            f"with Redis down, {run['tally'].summary(run['down_for'])}; asserted "
            f"{totals}; beat sent the sweep {run['beat'].sent(SWEEP)} times"
        )
    assert totals["learners"] == totals["certificates"] == totals["notices"] == LEARNERS


def test_twin_without_beat_fails_the_same_check(
    start_site, start_beat, redis_outage, mail_dir, capsys
):
    """Negative control: no beat (10 learners). The completions stay pending past
    the time the sweep needs (a minute plus its interval), and the check fails."""
    run = outage_scenario(start_site, start_beat, redis_outage, learners=10, beat=False)
    with pytest.raises(AssertionError, match="beat's sweep to settle") as failed:
        check_one_of_everything(run, mail_dir, settle_timeout=80)
    with capsys.disabled():
        print(f"\nredis outage twin failed as it must: {failed.value}")
