"""An exam start against the production layout: 100 learners open the same quiz within
10 seconds and submit it, some with a double click (the same form sent twice at the
same moment): every learner accounted for (signed in, an attempt each, exactly what
was acknowledged is stored), no 5xx, and no duplicate attempt. Its twin breaks the
learners' sessions and shows that the same checks then fail."""

from __future__ import annotations

import random
import secrets
import threading
import time

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from courses.models import CourseCompletion, Enrollment, LessonProgress, QuizAttempt
from tests.courses.factories import RIGHT, WRONG
from tests.services import learners as build
from tests.services.webserver import Browser, Tally

pytestmark = pytest.mark.services

LEARNERS, WINDOW = 100, 10.0


def attempt_id(response) -> int | None:
    if response.status == 302 and "/attempts/" in response.location:
        return int(response.location.rstrip("/").rsplit("/", 1)[1])
    return None


def submit(browser: Browser, url: str, fields, *, double: bool):
    """Sends the form once, or twice at the same moment from two threads (the
    cookies are shared, as two tabs or a double click share them)."""
    if not double:
        return [browser.post(url, fields)]
    answers = [None, None]
    barrier = threading.Barrier(2)

    def send(i):
        barrier.wait()
        answers[i] = browser.post(url, fields)

    pair = [threading.Thread(target=send, args=(i,)) for i in range(2)]
    for thread in pair:
        thread.start()
    for thread in pair:
        thread.join()
    return answers


def sit_exam(*, user_id, browser, lesson, start_at, rng, results, opened) -> None:
    """Opens the quiz at ``start_at``; one in five answers wrong and tries again;
    every third submit is a double click."""
    time.sleep(max(0.0, start_at - time.monotonic()))
    opened.append(time.monotonic())  # the first time this learner opens the quiz
    logout_form = f'action="{reverse("account_logout")}"'
    for answers in (WRONG, RIGHT) if rng.random() < 0.2 else (RIGHT,):
        page = browser.get(lesson.url)
        number = build.attempt_number(page.body)
        if page.status != 200 or number is None or logout_form not in page.body:
            results.append((user_id, None, [page]))
            return
        sent = submit(
            browser,
            lesson.quiz_url,
            build.quiz_fields(number, answers),
            double=rng.random() < 1 / 3,
        )
        results.append((user_id, number, sent))


def run_exam(start_site, *, learners: int, break_sessions: bool = False) -> dict:
    """The exam start; sessions made on the server side (as ``Client.force_login``
    does) or, with ``break_sessions``, cookies that name no session."""
    course, (lesson,) = build.course_with_lessons(lessons=1, max_attempts=2)
    people = build.enrolled_learners(course, learners, prefix="examinee")
    # Half have read the lesson to the end: passing the quiz completes their course,
    # so a double click there meets a completed enrolment the second time.
    ready = {p.pk for p in people[::2]}
    LessonProgress.objects.bulk_create(
        LessonProgress(enrollment=e, lesson_id=lesson.pk, completed_at=timezone.now())
        for e in Enrollment.objects.filter(course=course, user_id__in=ready)
    )
    server = start_site(workers=4, celery=False)
    tally = Tally()
    browsers = []
    for person in people:
        cookies = build.server_side_session(person)
        if break_sessions:
            cookies = {settings.SESSION_COOKIE_NAME: secrets.token_hex(16)}
        browsers.append(Browser(server.base_url, cookies=cookies, tally=tally))
    results: list = []
    opened: list[float] = []
    begin = time.monotonic() + 1
    threads = [
        threading.Thread(
            target=sit_exam,
            kwargs={
                "user_id": person.pk,
                "browser": browser,
                "lesson": lesson,
                "start_at": begin + random.Random(n).random() * WINDOW,
                "rng": random.Random(1000 + n),
                "results": results,
                "opened": opened,
            },
        )
        for n, (person, browser) in enumerate(zip(people, browsers, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return {
        "course": course,
        "people": people,
        "ready": ready,
        "tally": tally,
        "results": results,
        "opened": opened,
        "threads": threads,
        "elapsed": time.monotonic() - begin,
    }


def check_exam(run: dict) -> dict[str, int]:
    """Every learner opened the quiz signed in and has their attempts; each form,
    sent once or twice at once, made exactly one attempt, both answers of a double
    click lead to it, numbers run 1, 2, ... without a gap; exactly the acknowledged
    attempts are stored; those who passed their last step completed the course
    once. Returns the totals, each asserted here."""
    tally, results, course = run["tally"], run["results"], run["course"]
    assert not any(t.is_alive() for t in run["threads"])
    assert tally.server_errors() == [], [
        (r.method, r.path, r.status, r.body[:300]) for r in tally.server_errors()[:3]
    ]
    assert tally.errors == []
    for user_id, number, sent in results:
        assert number is not None, (
            f"learner {user_id} did not get the quiz signed in: "
            f"{[(r.status, r.location) for r in sent]}"
        )
    assert {user_id for user_id, _n, _sent in results} == {p.pk for p in run["people"]}

    expected: dict[tuple[int, int], int] = {}
    for user_id, number, sent in results:
        ids = {attempt_id(r) for r in sent}
        assert len(ids) == 1 and None not in ids, [(r.status, r.location) for r in sent]
        expected[user_id, number] = ids.pop()

    stored = {
        (a.enrollment.user_id, a.number): a.pk
        for a in QuizAttempt.objects.select_related("enrollment").filter(
            enrollment__course=course
        )
    }
    assert stored == expected
    assert QuizAttempt.objects.filter(enrollment__course=course).count() == len(results)
    for person in run["people"]:
        numbers = sorted(n for user_id, n in stored if user_id == person.pk)
        assert numbers, f"{person.email} has no attempt"
        assert numbers == list(range(1, len(numbers) + 1))
    passed = set(
        QuizAttempt.objects.filter(enrollment__course=course, passed=True).values_list(
            "enrollment__user_id", flat=True
        )
    )
    completed = CourseCompletion.objects.filter(enrollment__course=course)
    finished = set(completed.values_list("enrollment__user_id", flat=True))
    assert finished == passed & run["ready"]
    assert completed.count() == len(finished)
    doubles = sum(1 for _u, _n, sent in results if len(sent) == 2)
    return {
        "learners with attempts": len({u for u, _n in stored}),
        "attempts stored as acknowledged": len(stored),
        "forms sent twice at once": doubles,
        "courses completed": len(finished),
    }


def test_exam_start_hundred_learners_every_one_accounted_no_duplicate_attempt(
    start_site, capsys
):
    """100 learners open the quiz spread over 10 s and submit, one form in three
    twice at once: see ``check_exam``."""
    run = run_exam(start_site, learners=LEARNERS)
    totals = check_exam(run)
    opened = run["opened"]
    with capsys.disabled():
        print(
            f"\nexam start: {LEARNERS} learners opened the quiz within "
            f"{max(opened) - min(opened):.1f} s; {run['tally'].summary(run['elapsed'])}"
            f"; asserted {totals}"
        )
    assert totals["learners with attempts"] == LEARNERS
    assert totals["forms sent twice at once"] > 10


def test_twin_with_broken_sessions_fails_the_same_checks(start_site, capsys):
    """Negative control: the same exam (10 learners) with cookies that name no
    session: the checks must fail, on the sign-in check."""
    run = run_exam(start_site, learners=10, break_sessions=True)
    with pytest.raises(AssertionError, match="did not get the quiz signed in") as e:
        check_exam(run)
    with capsys.disabled():
        print(f"\nexam twin failed as it must: {str(e.value).splitlines()[0]}")
