"""The load scenarios' learners (bench/scenario.py) make the requests a learner makes,
with the session and CSRF cookies their plan gives them (bench/learners.py): driven
here by Django's test client with CSRF checks on. No timing is asserted."""

from __future__ import annotations

import random

import pytest
from django.test import Client

from bench.generation.quizzes import quiz_block
from bench.learners import plan
from bench.scenario import Ledger, Response, drive, exam_taker, learner_walk
from courses.models import Enrollment, LessonProgress, QuizAttempt
from tests.courses import factories

pytestmark = pytest.mark.django_db


class Enough(Exception):
    """Raised by the test's client to stop an endless walk."""


def make_course(lessons: int = 2, slug: str = "bench-course-0"):
    course = factories.course(title="Bench course", slug=slug)
    pages = [
        factories.lesson(
            course=course,
            title=f"Lesson {k + 1}",
            body=[factories.text_block(), quiz_block(f"t-{slug}-{k}-")],
        )
        for k in range(lessons)
    ]
    return course, pages


def test_client_for(learner_plan) -> Client:
    client = Client(enforce_csrf_checks=True)
    for name, value in learner_plan["cookies"].items():
        client.cookies[name] = value
    return client


test_client_for.__test__ = False  # a helper, not a test


def sender(client, log, *, stop_at_second_my_learning=True):
    def send(request):
        if (
            stop_at_second_my_learning
            and request.name == "my learning"
            and any(r[0] == "my learning" for r in log)
        ):
            raise Enough
        if request.method == "GET":
            response = client.get(request.path)
        else:
            data: dict[str, list[str]] = {}
            for key, value in request.data:
                data.setdefault(key, []).append(value)
            response = client.post(request.path, data)
        log.append((request.name, response.status_code))
        text = response.content.decode() if not response.streaming else ""
        return Response(
            response.status_code, text, response.headers.get("Location", "")
        )

    return send


def walk(learner_plan, *, right_chance):
    log, ledger = [], Ledger()
    machine = learner_walk(
        learner_plan, rng=random.Random(1), right_chance=right_chance, ledger=ledger
    )
    with pytest.raises(Enough):
        drive(machine, sender(test_client_for(learner_plan), log), lambda s: None)
    return log, ledger


def test_plan_signs_the_learner_in_with_their_own_courses(learner):
    """The plan's session cookie is a signed-in session of that learner; the plan
    lists their own bench course with its lessons in order."""
    course, lessons = make_course()
    factories.enrollment(user=learner, course=course)
    (only,) = plan(10)
    assert only["email"] == learner.email
    assert only["courses"] == [{"url": course.url, "lessons": [p.url for p in lessons]}]
    response = test_client_for(only).get(only["my_learning"])
    assert response.status_code == 200
    assert response.wsgi_request.user == learner


def test_walk_opens_answers_completes_and_returns_to_my_learning(learner):
    """Answering right: my learning, the course, then per lesson its page, the quiz
    (submitted, result read) and the completion; the course ends completed."""
    course, lessons = make_course()
    enrolment = factories.enrollment(user=learner, course=course)
    (learner_plan,) = plan(1)
    log, ledger = walk(learner_plan, right_chance=1.0)
    per_lesson = ["lesson page", "quiz submit", "quiz result", "lesson complete"]
    assert [name for name, _ in log] == ["my learning", "course page"] + per_lesson * 2
    assert ledger.unexpected == []
    assert ledger.forms == {(f"t-bench-course-0-{k}-quiz", "1") for k in range(2)}
    assert QuizAttempt.objects.filter(enrollment=enrolment, passed=True).count() == 2
    assert LessonProgress.objects.filter(
        enrollment=enrolment, completed_at__isnull=False
    ).count() == len(lessons)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrollment.Status.COMPLETED


def test_walk_tries_again_until_no_attempt_is_left(learner):
    """Answering wrong: three attempts per quiz, each from a fresh form (its attempt
    number), then the lesson is completed without the quiz; no refusal."""
    course, _lessons = make_course(lessons=1)
    enrolment = factories.enrollment(user=learner, course=course)
    (learner_plan,) = plan(1)
    log, ledger = walk(learner_plan, right_chance=0.0)
    names = [name for name, _ in log]
    assert names.count("quiz submit") == 3
    assert names[-1] == "lesson complete"
    assert ledger.unexpected == []
    assert ledger.forms == {("t-bench-course-0-0-quiz", str(n)) for n in (1, 2, 3)}
    numbers = QuizAttempt.objects.filter(enrollment=enrolment).values_list(
        "number", flat=True
    )
    assert sorted(numbers) == [1, 2, 3]


def test_exam_taker_sending_a_form_twice_makes_one_attempt(learner):
    """The exam: opened, answered, the same form sent twice (both redirected to the
    result), the result read; one attempt in the database."""
    course, (exam,) = make_course(lessons=1, slug="bench-exam")
    enrolment = factories.enrollment(user=learner, course=course)
    (learner_plan,) = plan(1)
    assert learner_plan["exam"] == exam.url
    log, ledger = [], Ledger()
    machine = exam_taker(
        learner_plan,
        rng=random.Random(2),
        right_chance=1.0,
        twice_chance=1.0,
        ledger=ledger,
    )
    client = test_client_for(learner_plan)
    drive(
        machine, sender(client, log, stop_at_second_my_learning=False), lambda s: None
    )
    assert log == [
        ("exam: open", 200),
        ("exam: submit", 302),
        ("exam: submit again", 302),
        ("exam: result", 200),
    ]
    assert ledger.posts == 2 and len(ledger.forms) == 1
    assert QuizAttempt.objects.filter(enrollment=enrolment).count() == 1
