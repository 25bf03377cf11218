"""One learner's own courses: "My learning", what the completion screen suggests next,
the prerequisites still missing, and the hours credited by completed courses (read by
the mentorship app's hours record)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from courses.models import CourseCompletion, CoursePage, Enrollment
from courses.selectors.languages import (
    canonical_page,
    current_language,
    localized_pages,
)
from courses.selectors.progress import progress_for
from courses.selectors.structure import requirements_shown


def my_learning(*, user, language: str | None = None) -> dict:
    """The learner's enrolments split into in progress, completed and left, each
    with its progress; due dates and overdue marked. ``e.shown_course`` and
    ``e.shown_last_lesson`` are the pages in ``language`` (default: the request's)
    where translated, else the canonical ones."""
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course", "completion", "assigned_by", "last_lesson")
        .order_by("due_on", "-enrolled_at")
    )
    active = [e for e in enrollments if e.status == Enrollment.Status.ACTIVE]
    progress = progress_for(active, requirements_shown(e.course for e in active))
    pages = [e.course for e in enrollments] + [e.last_lesson for e in active]
    shown = localized_pages(
        pages, language=language or current_language(), with_body=False
    )
    today = timezone.localdate()
    for e in enrollments:
        e.progress = progress.get(e.pk)
        e.shown_course = shown[e.course_id]
        e.shown_last_lesson = shown.get(e.last_lesson_id)
        e.is_overdue = bool(
            e.due_on and e.due_on < today and e.status == Enrollment.Status.ACTIVE
        )
    return {
        "active": active,
        "completed": [e for e in enrollments if e.status == "completed"],
        "left": [e for e in enrollments if e.status == Enrollment.Status.LEFT],
    }


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Live prerequisite courses (of the canonical course) the user has not
    completed yet, in any language."""
    done = Enrollment.objects.filter(
        user=user, status=Enrollment.Status.COMPLETED
    ).values("course__translation_key")
    return list(
        canonical_page(course)
        .prerequisites.filter(live=True)
        .exclude(translation_key__in=done)
        .order_by("title")
    )


def completion_next_steps(*, user, course: CoursePage, limit: int = 3) -> dict | None:
    """What the completion screen shows: the user's completion of ``course`` (any
    language) with its certificate, the courses that build on it (those that need
    it first, then the next skill level of its occupation) that the user has not
    taken, in the course's language, and the occupation's rung of their ladder.
    None when the user has not completed the course."""
    from lms.certification.selectors import ladder_for

    canonical = canonical_page(course)
    enrollment = (
        Enrollment.objects.filter(
            user=user, course=canonical, status=Enrollment.Status.COMPLETED
        )
        .select_related("completion__certificate")
        .first()
    )
    if enrollment is None or not hasattr(enrollment, "completion"):
        return None
    taken = Enrollment.objects.filter(user=user).values("course_id")
    following = Q(prerequisites=canonical)
    if canonical.occupation_id and canonical.skill_level:
        following |= Q(
            occupation_id=canonical.occupation_id,
            skill_level__gt=canonical.skill_level,
        )
    candidates = (
        CoursePage.objects.live()
        .filter(following, locale_id=canonical.locale_id)
        .exclude(pk__in=taken)
        .exclude(pk=canonical.pk)
        .distinct()
        .order_by("skill_level", "title")[:limit]
    )
    candidates = list(candidates)
    shown = localized_pages(candidates, locale_id=course.locale_id)
    rung = None
    if canonical.occupation_id:
        rung = next(
            (
                step
                for step in ladder_for(person=user)
                if step.occupation.pk == canonical.occupation_id
            ),
            None,
        )
    return {
        "enrollment": enrollment,
        "completion": enrollment.completion,
        "certificate": enrollment.completion.certificate,
        "next_courses": [shown[c.pk] for c in candidates],
        "rung": rung,
    }


def completed_course_hours(*, user) -> list[tuple[datetime.date, Decimal, str]]:
    """(completion date, hours credited, course title) for each completed course."""
    rows = (
        CourseCompletion.objects.filter(enrollment__user=user)
        .select_related("enrollment__course")
        .order_by("completed_at")
    )
    return [
        (timezone.localdate(c.completed_at), c.hours, c.enrollment.course.title)
        for c in rows
    ]
