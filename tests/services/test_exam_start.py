"""An exam start against the production layout: 100 learners open the same quiz within
10 seconds and submit it, some with a double click (the same form sent twice at the
same moment): no 5xx, and no duplicate attempt."""

from __future__ import annotations

import random
import threading
import time

import pytest
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
    for answers in (WRONG, RIGHT) if rng.random() < 0.2 else (RIGHT,):
        page = browser.get(lesson.url)
        number = build.attempt_number(page.body)
        if page.status != 200 or number is None:
            results.append((user_id, None, [page]))
            return
        sent = submit(
            browser,
            lesson.quiz_url,
            build.quiz_fields(number, answers),
            double=rng.random() < 1 / 3,
        )
        results.append((user_id, number, sent))


def test_exam_start_hundred_learners_no_5xx_and_no_duplicate_attempt(
    start_site, capsys
):
    """Sessions made on the server side (as ``Client.force_login`` does). 100
    learners open the quiz spread over 10 s and submit: each form, sent once or twice
    at once, makes exactly one attempt, both answers of a double click lead to that
    same attempt, and attempt numbers run 1, 2, ... per learner without a gap. Half
    the learners pass their last missing step with the quiz: each of them has one
    course completion, and a double click there still shows the one attempt."""
    course, (lesson,) = build.course_with_lessons(lessons=1, max_attempts=2)
    people = build.enrolled_learners(course, LEARNERS, prefix="examinee")
    # Half have read the lesson to the end: passing the quiz completes their course,
    # so a double click there meets a completed enrolment the second time.
    ready = {p.pk for p in people[::2]}
    LessonProgress.objects.bulk_create(
        LessonProgress(enrollment=e, lesson_id=lesson.pk, completed_at=timezone.now())
        for e in Enrollment.objects.filter(course=course, user_id__in=ready)
    )
    server = start_site(workers=4, celery=False)
    tally = Tally()
    browsers = [
        Browser(server.base_url, cookies=build.server_side_session(p), tally=tally)
        for p in people
    ]
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
    elapsed = time.monotonic() - begin
    doubles = sum(1 for _u, _n, sent in results if len(sent) == 2)
    with capsys.disabled():
        print(
            f"\nexam start: {LEARNERS} learners opened the quiz within "
            f"{max(opened) - min(opened):.1f} s; {tally.summary(elapsed)}; "
            f"{len(results)} forms submitted, {doubles} of them twice at once"
        )

    assert not any(t.is_alive() for t in threads)
    assert tally.server_errors() == [], [
        (r.method, r.path, r.status, r.body[:300]) for r in tally.server_errors()[:3]
    ]
    assert tally.errors == []
    assert doubles > 10

    expected: dict[tuple[int, int], int] = {}
    for user_id, number, sent in results:
        assert number is not None, [(r.status, r.body[:300]) for r in sent]
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
    for person in people:
        numbers = sorted(n for user_id, n in stored if user_id == person.pk)
        assert numbers == list(range(1, len(numbers) + 1))
        assert numbers, f"{person.email} has no attempt"
    passed = set(
        QuizAttempt.objects.filter(enrollment__course=course, passed=True).values_list(
            "enrollment__user_id", flat=True
        )
    )
    completed = CourseCompletion.objects.filter(enrollment__course=course)
    assert (
        set(completed.values_list("enrollment__user_id", flat=True)) == passed & ready
    )
