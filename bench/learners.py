"""The learners of the load scenarios, signed in ahead: ``plan(count)`` writes a
session for each into the session store the server reads (``SESSION_ENGINE``:
cached_db, PostgreSQL and Redis, under the bench settings) and returns what each
learner's state machine (``bench.scenario``) needs: its cookies, "my learning", its
own enrolled bench courses with their lessons in order, and the exam lesson.

Why not sign them in through the log-in form: every sign-in hashes the password
(PBKDF2, about a third of a second of CPU here), so thousands of them would measure
the hash, not the site. A session written here is the one a sign-in writes (user,
backend, the password's session hash), and ``bench.scenarios`` signs a sample in for
real through allauth to prove that path works."""

from __future__ import annotations

import secrets
import string
from importlib import import_module

from bench.generation.naming import COURSE_SLUG, EXAM_SLUG

CSRF_ALPHABET = string.ascii_letters + string.digits


def _session(user, backend: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = backend
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def _lessons_by_course() -> dict[int, dict]:
    """Every bench course (and the exam) with its live lessons' addresses in order."""
    from django.db.models import Q
    from wagtail.models import Page

    from courses.models import CoursePage, LessonPage

    found = CoursePage.objects.live().filter(
        Q(slug__startswith=COURSE_SLUG.split("{")[0]) | Q(slug=EXAM_SLUG)
    )
    courses = {c.pk: {"url": c.url, "lessons": [], "slug": c.slug} for c in found}
    by_path = {c.path: c.pk for c in found}
    for lesson in LessonPage.objects.live().order_by("path"):
        course = by_path.get(lesson.path[: -Page.steplen])
        if course is not None:
            courses[course]["lessons"].append(lesson.url)
    return courses


def plan(count: int) -> list[dict]:
    """``count`` learners with bench enrolments (workers first, then the extra
    learners), each with a fresh session and CSRF cookie."""
    from django.conf import settings
    from django.urls import reverse

    from courses.models import Enrollment
    from lms.models import User

    courses = _lessons_by_course()
    exam = next((pk for pk, c in courses.items() if c["slug"] == EXAM_SLUG), None)
    enrolled: dict[int, list[int]] = {}
    for user_id, course_id in (
        Enrollment.objects.filter(
            course_id__in=list(courses), status=Enrollment.Status.ACTIVE
        )
        .order_by("user_id", "pk")
        .values_list("user_id", "course_id")
    ):
        enrolled.setdefault(user_id, []).append(course_id)
    people = User.objects.filter(pk__in=list(enrolled)).order_by("email")
    # Workers first (bench-worker-*), then the extra learners (bench-learner-*).
    people = sorted(
        people, key=lambda u: (not u.email.startswith("bench-worker-"), u.pk)
    )
    backend = settings.AUTHENTICATION_BACKENDS[0]
    my_learning = reverse("courses:my_learning")
    found = []
    for user in people[:count]:
        own = [
            {"url": courses[c]["url"], "lessons": courses[c]["lessons"]}
            for c in enrolled[user.pk]
            if c != exam
        ]
        found.append(
            {
                "email": user.email,
                "cookies": {
                    settings.SESSION_COOKIE_NAME: _session(user, backend),
                    settings.CSRF_COOKIE_NAME: "".join(
                        secrets.choice(CSRF_ALPHABET) for _ in range(32)
                    ),
                },
                "my_learning": my_learning,
                "courses": own,
                "exam": courses[exam]["lessons"][0]
                if exam in enrolled[user.pk]
                else None,
            }
        )
    return found
