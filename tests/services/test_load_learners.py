"""100 signed-in learners work through a course for 60 seconds against the production
layout (gunicorn with production settings, PostgreSQL, Redis, a Celery worker): every
learner accounted for (signed in on every page, work done above a floor, each
acknowledged write in PostgreSQL and nothing else), not one 5xx. Its twin breaks the
learners' sessions and shows that the same checks then fail."""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from courses.models import CourseCompletion, LessonProgress, QuizAttempt
from lms.models import SkillCertificate
from tests.courses.factories import RIGHT, WRONG
from tests.services import learners as build
from tests.services.webserver import Browser, Tally
from tests.services.workers import wait_until

pytestmark = pytest.mark.services

LEARNERS, SECONDS, LESSONS, FORM_LOGINS = 100, 60, 3, 3
HALF_WAY = 3  # every third learner has all but the last lesson done already
# The floor each learner must reach: a quiz attempt and a lesson completion
# acknowledged (a learner on the last lesson has one lesson to complete). A learner
# below it at the deadline goes on until it reaches it, for at most OVERTIME seconds
# more (a machine shared with other work can be slow; a stuck learner still fails).
FLOOR_ATTEMPTS, FLOOR_COMPLETIONS = 1, 1
OVERTIME = 120


@dataclass
class LearnerLog:
    """What one learner's client saw; written by that learner's thread only."""

    user_id: int
    sign_in_redirects: list[str] = field(default_factory=list)
    signed_out_pages: list[str] = field(default_factory=list)
    unexpected: list[tuple[str, str, int]] = field(default_factory=list)
    attempts: list[tuple[int, int, int]] = field(default_factory=list)
    completed: list[int] = field(default_factory=list)
    requests: int = 0


class Site:
    """The paths a learner's client tells apart."""

    def __init__(self):
        self.login = reverse("account_login")
        self.logout_form = f'action="{reverse("account_logout")}"'
        self.my_learning = reverse("courses:my_learning")

    def page(self, log: LearnerLog, browser: Browser, path: str):
        """GET that must be the learner's own page: 200 and signed in."""
        response = browser.get(path)
        log.requests += 1
        if response.status == 302 and response.location.endswith(self.login):
            log.sign_in_redirects.append(path)
        elif response.status != 200:
            log.unexpected.append(("GET", path, response.status))
        elif self.logout_form not in response.body:
            log.signed_out_pages.append(path)
        else:
            return response
        return None

    def post(self, log: LearnerLog, browser: Browser, path: str, data=None):
        """POST whose success is a redirect elsewhere than the sign-in page."""
        response = browser.post(path, data)
        log.requests += 1
        if response.status == 302 and response.location.endswith(self.login):
            log.sign_in_redirects.append(path)
        elif response.status != 302:
            log.unexpected.append(("POST", path, response.status))
        else:
            return response
        return None


def work_through_course(
    *, log: LearnerLog, browser, site: Site, lessons, deadline, overtime, seed, position
):
    """Opens each lesson, answers its quiz (wrong at the first try, now and then;
    the attempt number comes from the form), completes the lesson; when the course
    is done, keeps reading until the deadline. Every answer is classified in ``log``;
    after a failed step the learner pauses a moment and tries again."""
    rng = random.Random(seed)
    time.sleep(rng.random() * 2)  # not all in the same millisecond

    def go_on() -> bool:
        now = time.monotonic()
        below_floor = (
            len(log.attempts) < FLOOR_ATTEMPTS or len(log.completed) < FLOOR_COMPLETIONS
        )
        return now < deadline or (below_floor and now < deadline + overtime)

    while go_on():
        try:
            if position >= len(lessons):
                site.page(log, browser, site.my_learning)
                site.page(log, browser, rng.choice(lessons).url)
                continue
            lesson = lessons[position]
            page = site.page(log, browser, lesson.url)
            if page is None:
                time.sleep(0.5)
                continue
            number = build.attempt_number(page.body)
            if number is not None:
                answers = WRONG if number == 1 and rng.random() < 0.3 else RIGHT
                fields = build.quiz_fields(number, answers)
                sent = site.post(log, browser, lesson.quiz_url, fields)
                if sent is None or "/attempts/" not in sent.location:
                    time.sleep(0.5)
                    continue
                attempt_id = int(sent.location.rstrip("/").rsplit("/", 1)[1])
                log.attempts.append((lesson.pk, number, attempt_id))
                if answers is WRONG:
                    continue  # the lesson again, with the next attempt's form
            if site.post(log, browser, lesson.complete_url) is None:
                time.sleep(0.5)
                continue
            log.completed.append(lesson.pk)
            position += 1
        except OSError:
            time.sleep(0.5)  # counted in the tally's errors; the checks fail on them


@dataclass
class LoadRun:
    course: object
    people: list
    ahead: set[int]
    beforehand: set[tuple[int, int, int, int]]  # attempts made through the services
    logs: list[LearnerLog]
    threads: list[threading.Thread]
    tally: Tally
    seconds: float


def run_load(
    start_site,
    *,
    learners: int,
    seconds: float,
    overtime=OVERTIME,
    break_sessions=False,
):
    """The whole scenario. Sessions: the first 3 learners sign in through allauth's
    real login form (PBKDF2 on the server); the others get sessions made on the
    server side as ``Client.force_login`` does (97 password hashings kept off the 2
    cores), or, with ``break_sessions``, a cookie naming no session at all."""
    course, lessons = build.course_with_lessons(lessons=LESSONS)
    people = build.enrolled_learners(course, learners)
    for person in people[:FORM_LOGINS]:
        build.give_real_password(person)
    ahead = people[FORM_LOGINS::HALF_WAY]
    for person in ahead:
        build.finish_lessons(person, course, lessons[:-1])

    server = start_site(workers=4)
    tally = Tally()
    beforehand = stored_attempts(course)
    browsers = []
    for n, person in enumerate(people):
        if n < FORM_LOGINS:
            browser = Browser(server.base_url, tally=tally)
            build.log_in_through_form(browser, person.email)
        else:
            cookies = build.server_side_session(person)
            if break_sessions:
                cookies = {settings.SESSION_COOKIE_NAME: secrets.token_hex(16)}
            browser = Browser(server.base_url, cookies=cookies, tally=tally)
        browsers.append(browser)

    site = Site()
    logs = [LearnerLog(person.pk) for person in people]
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=work_through_course,
            kwargs={
                "log": log,
                "browser": browser,
                "site": site,
                "lessons": lessons,
                "deadline": started + seconds,
                "overtime": overtime,
                "seed": n,
                "position": LESSONS - 1 if person in ahead else 0,
            },
        )
        for n, (person, browser, log) in enumerate(
            zip(people, browsers, logs, strict=True)
        )
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + overtime + 120)
    return LoadRun(
        course=course,
        people=people,
        ahead={p.pk for p in ahead},
        beforehand=beforehand,
        logs=logs,
        threads=threads,
        tally=tally,
        seconds=time.monotonic() - started,
    )


def stored_attempts(course) -> set[tuple[int, int, int, int]]:
    """(learner, lesson, number, id) of every quiz attempt stored for the course."""
    return {
        (a.enrollment.user_id, a.lesson_id, a.number, a.pk)
        for a in QuizAttempt.objects.select_related("enrollment").filter(
            enrollment__course=course
        )
    }


def check_every_learner(run: LoadRun) -> dict[str, int]:
    """The checks, learner by learner, then against PostgreSQL; returns the totals
    (each of them asserted here, so what is printed is what was proved)."""
    assert not any(t.is_alive() for t in run.threads)
    assert run.tally.errors == [], run.tally.errors[:5]
    assert run.tally.server_errors() == [], [
        (r.method, r.path, r.status) for r in run.tally.server_errors()[:5]
    ]
    for log in run.logs:
        assert log.sign_in_redirects == [], (
            f"learner {log.user_id} was sent to the sign-in page "
            f"{len(log.sign_in_redirects)} times ({log.sign_in_redirects[:3]})"
        )
        assert log.signed_out_pages == [], (
            f"learner {log.user_id} got pages signed out: {log.signed_out_pages[:3]}"
        )
        assert log.unexpected == [], (log.user_id, log.unexpected[:5])
        assert len(log.attempts) >= FLOOR_ATTEMPTS, (log.user_id, log.requests)
        assert len(log.completed) >= FLOOR_COMPLETIONS, (log.user_id, log.requests)

    # Acknowledged attempts: exactly the attempts stored for the course (beside those
    # made through the services beforehand), each for the learner, lesson and number
    # that was acknowledged.
    acknowledged = {
        (log.user_id, lesson, number, attempt)
        for log in run.logs
        for lesson, number, attempt in log.attempts
    }
    assert stored_attempts(run.course) - run.beforehand == acknowledged
    assert len(acknowledged) == sum(len(log.attempts) for log in run.logs)

    # Acknowledged lesson completions: exactly the ones stored, beside those done
    # through the services before the load.
    done = set(
        LessonProgress.objects.filter(
            enrollment__course=run.course, completed_at__isnull=False
        ).values_list("enrollment__user_id", "lesson_id")
    )
    acknowledged_done = {(log.user_id, pk) for log in run.logs for pk in log.completed}
    assert len(acknowledged_done) == sum(len(log.completed) for log in run.logs)
    beforehand = len(run.ahead) * (LESSONS - 1)
    assert (
        acknowledged_done <= done and len(done) == len(acknowledged_done) + beforehand
    )

    # Who finished: exactly those whose last lesson completion was acknowledged.
    per_learner = Counter(user for user, _lesson in acknowledged_done)
    per_learner.update(dict.fromkeys(run.ahead, LESSONS - 1))
    finishers = {user for user, n in per_learner.items() if n == LESSONS}
    completions = CourseCompletion.objects.filter(enrollment__course=run.course)
    assert set(completions.values_list("enrollment__user_id", flat=True)) == finishers
    assert finishers >= run.ahead, "a learner on the last lesson did not finish"

    # The worker issues exactly one certificate per completion.
    wait_until(
        lambda: not completions.filter(certificate__isnull=True).exists(),
        timeout=120,
        what="the worker to issue every completion's certificate",
    )
    keys = {
        f"course-completion:{pk}" for pk in completions.values_list("pk", flat=True)
    }
    issued = (
        SkillCertificate.objects.filter(holder__in=run.people)
        .values("source_key")
        .annotate(n=Count("id"))
    )
    assert {row["source_key"]: row["n"] for row in issued} == dict.fromkeys(keys, 1)
    return {
        "learners signed in throughout": len(run.logs),
        "quiz attempts acknowledged and stored": len(acknowledged),
        "lesson completions acknowledged and stored": len(acknowledged_done),
        "courses completed, one certificate each": len(finishers),
    }


def test_hundred_learners_for_a_minute_every_learner_accounted_for(start_site, capsys):
    """100 threads (http.client, cookies, CSRF) each open lessons, submit quizzes and
    complete lessons for 60 s; every third learner is already at the last of the 3
    lessons, so completions and certificates happen while the load runs. Every
    learner: signed in on every page, never sent to the sign-in page, no unexpected
    answer, at least one attempt and one completion acknowledged. No 5xx, no failed
    connection; the acknowledged writes are exactly what PostgreSQL holds; every
    course completion has exactly one certificate once the worker is done."""
    run = run_load(start_site, learners=LEARNERS, seconds=SECONDS)
    totals = check_every_learner(run)
    with capsys.disabled():
        print(
            f"\nload: {LEARNERS} learners, {run.tally.summary(run.seconds)}; {totals}"
        )
    assert totals["learners signed in throughout"] == LEARNERS
    assert totals["quiz attempts acknowledged and stored"] >= LEARNERS * FLOOR_ATTEMPTS
    assert totals["courses completed, one certificate each"] >= len(run.ahead)


def test_twin_with_broken_sessions_fails_the_same_checks(start_site, capsys):
    """Negative control: the same scenario (smaller: 10 learners for 10 s, no
    overtime) with the server-side sessions replaced by cookies that name no
    session (the 3 form sign-ins still work). The checks must fail, on sign-in."""
    run = run_load(start_site, learners=10, seconds=10, overtime=0, break_sessions=1)
    signed_out = "sent to the sign-in page|got pages signed out"
    with pytest.raises(AssertionError, match=signed_out) as failed:
        check_every_learner(run)
    with capsys.disabled():
        print(f"\nload twin, broken sessions: {run.tally.summary(run.seconds)}")
        print(f"load twin failed as it must: {str(failed.value).splitlines()[0]}")
