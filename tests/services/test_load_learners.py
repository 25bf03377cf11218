"""100 signed-in learners work through a course for 60 seconds against the production
layout (gunicorn with production settings, PostgreSQL, Redis, a Celery worker): not
one 5xx, and every write the server acknowledged is in the database afterwards."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
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


@dataclass
class Acknowledged:
    """Writes the server answered with its success redirect, per learner."""

    attempts: list[tuple[int, int, int, int]] = field(default_factory=list)
    completed: list[tuple[int, int]] = field(default_factory=list)


def work_through_course(
    *,
    user_id: int,
    browser: Browser,
    lessons,
    urls,
    deadline: float,
    acks,
    seed: int,
    position: int,
) -> None:
    """Opens each lesson, answers its quiz (wrong at the first try, now and then;
    the attempt number comes from the form), completes the lesson; when the course
    is done, keeps reading until the deadline."""
    rng = random.Random(seed)
    time.sleep(rng.random() * 2)  # not all in the same millisecond
    while time.monotonic() < deadline:
        try:
            if position >= len(lessons):
                browser.get(urls["my_learning"])
                browser.get(rng.choice(lessons).url)
                continue
            lesson = lessons[position]
            page = browser.get(lesson.url)
            if page.status != 200:
                continue
            number = build.attempt_number(page.body)
            if number is not None:
                answers = WRONG if number == 1 and rng.random() < 0.3 else RIGHT
                sent = browser.post(
                    urls["quiz", lesson.pk], build.quiz_fields(number, answers)
                )
                if sent.status != 302 or "/attempts/" not in sent.location:
                    continue
                attempt_id = int(sent.location.rstrip("/").rsplit("/", 1)[1])
                acks.attempts.append((user_id, lesson.pk, number, attempt_id))
                if answers is WRONG:
                    continue  # the lesson again, with the next attempt's form
            done = browser.post(urls["complete", lesson.pk])
            if done.status == 302:
                acks.completed.append((user_id, lesson.pk))
                position += 1
        except OSError:
            time.sleep(0.2)  # counted in the tally's errors; the test fails on them


def test_hundred_learners_for_a_minute_no_5xx_and_every_acknowledged_write_kept(
    start_site, capsys
):
    """Sessions: the first 3 learners sign in through allauth's real login form
    (PBKDF2 on the server); the other 97 get sessions made on the server side as
    ``Client.force_login`` does, to keep 97 password hashings off the 2 cores. Then
    100 threads (http.client, cookies, CSRF) each open lessons, submit quizzes and
    complete lessons for 60 s; every third learner is already at the last of the 3
    lessons (done through the services beforehand), so completions and certificates
    happen while the load runs. No response is a 5xx, nothing fails to connect, every
    acknowledged quiz attempt and lesson completion is in PostgreSQL, and every
    course completion has exactly one certificate once the worker is done."""
    course, lessons = build.course_with_lessons(lessons=LESSONS)
    people = build.enrolled_learners(course, LEARNERS)
    for person in people[:FORM_LOGINS]:
        build.give_real_password(person)
    ahead = people[FORM_LOGINS::HALF_WAY]
    for person in ahead:
        build.finish_lessons(person, course, lessons[:-1])
    urls = {"my_learning": reverse("courses:my_learning")}
    for lesson in lessons:
        urls["quiz", lesson.pk] = lesson.quiz_url
        urls["complete", lesson.pk] = lesson.complete_url

    server = start_site(workers=4)
    tally = Tally()
    browsers = []
    for n, person in enumerate(people):
        if n < FORM_LOGINS:
            browser = Browser(server.base_url, tally=tally)
            build.log_in_through_form(browser, person.email)
        else:
            cookies = build.server_side_session(person)
            browser = Browser(server.base_url, cookies=cookies, tally=tally)
        browsers.append(browser)

    acks = Acknowledged()
    started = time.monotonic()
    deadline = started + SECONDS
    threads = [
        threading.Thread(
            target=work_through_course,
            kwargs={
                "user_id": person.pk,
                "browser": browser,
                "lessons": lessons,
                "urls": urls,
                "deadline": deadline,
                "acks": acks,
                "seed": n,
                "position": LESSONS - 1 if person in ahead else 0,
            },
        )
        for n, (person, browser) in enumerate(zip(people, browsers, strict=True))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=SECONDS + 120)
    elapsed = time.monotonic() - started

    completions = CourseCompletion.objects.filter(enrollment__course=course)
    finished = completions.count()
    with capsys.disabled():
        print(
            f"\nload: {LEARNERS} learners, {tally.summary(elapsed)}; "
            f"{len(acks.attempts)} quiz attempts and {len(acks.completed)} lesson "
            f"completions acknowledged; {finished} courses completed"
        )

    assert not any(t.is_alive() for t in threads)
    assert tally.server_errors() == [], [
        (r.method, r.path, r.status) for r in tally.server_errors()[:5]
    ]
    assert tally.errors == []
    assert len(tally.responses) >= LEARNERS * 3  # every learner got some work done
    assert acks.attempts and acks.completed

    # Every acknowledged attempt: there, for that learner, lesson and number.
    stored = {
        a.pk: (a.enrollment.user_id, a.lesson_id, a.number)
        for a in QuizAttempt.objects.select_related("enrollment").filter(
            enrollment__course=course
        )
    }
    for user_id, lesson_id, number, attempt_id in acks.attempts:
        assert stored.get(attempt_id) == (user_id, lesson_id, number)
    # Numbers never collide, and no attempt was recorded twice.
    assert len(set(stored.values())) == len(stored)

    done = set(
        LessonProgress.objects.filter(
            enrollment__course=course, completed_at__isnull=False
        ).values_list("enrollment__user_id", "lesson_id")
    )
    assert set(acks.completed) <= done

    # A learner whose last lesson completion was acknowledged has finished the course.
    per_learner = Counter(user_id for user_id, _lesson in set(acks.completed))
    per_learner.update({person.pk: LESSONS - 1 for person in ahead})
    finishers = {user for user, n in per_learner.items() if n == LESSONS}
    assert finishers, "no learner finished the course"
    assert set(completions.values_list("enrollment__user_id", flat=True)) == finishers

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
        SkillCertificate.objects.filter(holder__in=people)
        .values("source_key")
        .annotate(n=Count("id"))
    )
    assert {row["source_key"]: row["n"] for row in issued} == dict.fromkeys(keys, 1)
