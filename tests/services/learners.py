"""Learners for the load and fault tests: a course built with the courses factories,
enrolled learners, and their signed-in sessions (through allauth's form, or made on the
server side as ``Client.force_login`` does)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from courses.models import CoursePage, Enrollment, LessonPage
from lms.models import SkillLevel
from lms.roles import Role
from tests.courses import factories
from tests.lms.factories import OccupationFactory, UserFactory
from tests.services.webserver import Browser

PASSWORD = "load-test-pass-2026"
ATTEMPT_FIELD = re.compile(r'name="attempt" value="(\d+)"')


@dataclass(frozen=True)
class Lesson:
    pk: int
    url: str
    quiz_id: str | None

    @property
    def complete_url(self) -> str:
        return reverse("courses:lesson_complete", args=[self.pk])

    @property
    def quiz_url(self) -> str:
        return reverse("courses:quiz_submit", args=[self.pk, self.quiz_id])


def course_with_lessons(
    *, lessons: int, quizzes: bool = True, max_attempts: int = 3
) -> tuple[CoursePage, list[Lesson]]:
    """A live course that issues a certificate, with ``lessons`` lessons, each a text
    and (if ``quizzes``) a two-question quiz (right answers: ``factories.RIGHT``)."""
    course = factories.course(
        title="Load test course",
        occupation=OccupationFactory(),
        skill_level=SkillLevel.SENIOR_WORKER,
        issues_certificate=True,
    )
    made = []
    for n in range(1, lessons + 1):
        body = [factories.text_block()]
        if quizzes:
            body.append(
                factories.quiz_block(block_id=f"quiz{n}", max_attempts=max_attempts)
            )
        page = factories.lesson(course=course, title=f"Lesson {n}", body=body)
        made.append(Lesson(page.pk, page.url, f"quiz{n}" if quizzes else None))
    return course, made


def enrolled_learners(course: CoursePage, count: int, *, prefix: str = "learner"):
    learners = [
        UserFactory(email=f"{prefix}{n}@example.com", roles=[Role.LEARNER])
        for n in range(count)
    ]
    for learner in learners:
        factories.enrollment(user=learner, course=course)
    return learners


def server_side_session(user) -> dict[str, str]:
    """A signed-in session written to the session store as ``Client.force_login``
    writes it (no password hashing, no login signals); the server reads it like one
    its login form made (same SECRET_KEY, see the start_site fixture)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return {settings.SESSION_COOKIE_NAME: store.session_key}


def finish_lessons(user, course: CoursePage, lessons: list[Lesson]) -> None:
    """Through the services, as the learner would: each lesson's quiz passed at the
    first attempt and the lesson completed (learners already half-way through)."""
    from courses.services.progress import lesson_complete
    from courses.services.quizzes import quiz_attempt_submit

    enrollment = Enrollment.objects.get(user=user, course=course)
    for lesson in lessons:
        page = LessonPage.objects.get(pk=lesson.pk)
        if lesson.quiz_id:
            quiz_attempt_submit(
                enrollment=enrollment,
                lesson=page,
                quiz_id=lesson.quiz_id,
                answers=factories.RIGHT,
                attempt_number=1,
            )
        lesson_complete(enrollment=enrollment, lesson=page)


def give_real_password(user) -> None:
    """A password hashed as production hashes it (PBKDF2), so that the server's
    allauth login form accepts it (the test settings hash with MD5)."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])


def log_in_through_form(browser: Browser, email: str) -> None:
    """allauth's login page, then its form: the real sign-in, PBKDF2 and all."""
    page = browser.get(reverse("account_login"))
    assert page.status == 200, page.status
    answer = browser.post(
        reverse("account_login"), {"login": email, "password": PASSWORD}
    )
    assert answer.status == 302, (answer.status, answer.body[:2000])
    assert settings.SESSION_COOKIE_NAME in browser.cookies


def attempt_number(page_html: str) -> int | None:
    """The attempt number the lesson's quiz form carries (None: no form shown)."""
    found = ATTEMPT_FIELD.search(page_html)
    return int(found.group(1)) if found else None


def quiz_fields(number: int, answers: dict[str, list[str]]) -> list[tuple[str, str]]:
    fields = [("attempt", str(number))]
    for question, given in answers.items():
        fields.extend((f"q-{question}", value) for value in given)
    return fields
