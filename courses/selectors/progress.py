"""How far learners are: progress per enrolment against its course's requirements,
in a fixed number of queries however many enrolments (pages, reports and the
mentorship app's percent per course read it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Value

from courses.models import Enrollment, LessonProgress, PracticalSubmission, QuizAttempt
from courses.selectors.languages import canonical_ids
from courses.selectors.structure import (
    CourseRequirements,
    requirements_for,
    requirements_shown,
)
from lms.routing import content_cached


@dataclass
class Progress:
    """How far one enrolment is: what is done of its course's requirements."""

    requirements: CourseRequirements
    completed_lessons: set[int] = field(default_factory=set)
    passed_quizzes: set[tuple[int, str]] = field(default_factory=set)
    signed_off: set[tuple[int, str]] = field(default_factory=set)
    finished: bool = False

    @property
    def done(self) -> int:
        r = self.requirements
        return (
            len(self.completed_lessons & set(r.lesson_ids))
            + len(self.passed_quizzes & r.quizzes)
            + len(self.signed_off & r.practicals)
        )

    @property
    def is_complete(self) -> bool:
        return self.requirements.total > 0 and self.done == self.requirements.total

    # What the percentage counts, part by part: lessons, quizzes and practical tasks
    # all count as one step each, so "2 of 7 lessons" can be 16 %.
    @property
    def lessons_total(self) -> int:
        return len(self.requirements.lesson_ids)

    @property
    def quizzes_total(self) -> int:
        return len(self.requirements.quizzes)

    @property
    def tasks_total(self) -> int:
        return len(self.requirements.practicals)

    @property
    def lessons_done(self) -> int:
        return len(self.completed_lessons & set(self.requirements.lesson_ids))

    @property
    def quizzes_passed(self) -> int:
        return len(self.passed_quizzes & self.requirements.quizzes)

    @property
    def tasks_signed_off(self) -> int:
        return len(self.signed_off & self.requirements.practicals)

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        total = self.requirements.total
        return (self.done * 100) // total if total else 0


def progress_for(
    enrollments: Iterable[Enrollment], requirements: dict[int, CourseRequirements]
) -> dict[int, Progress]:
    """Progress per enrolment id, in one query however many enrolments."""
    enrollments = [e for e in enrollments if e is not None]
    result = {
        e.pk: Progress(
            requirements=requirements.get(e.course_id, CourseRequirements()),
            finished=e.status == Enrollment.Status.COMPLETED,
        )
        for e in enrollments
    }
    if not result:
        return result
    ids = list(result)
    # One round trip: completed lessons, and passed quizzes and signed-off tasks
    # where a course asks for them, as (kind, enrolment, lesson, block id) rows.
    parts = [
        LessonProgress.objects.filter(enrollment_id__in=ids, completed_at__isnull=False)
        .order_by()
        .values_list(Value("l"), "enrollment_id", "lesson_id", Value(""))
    ]
    if any(p.requirements.quizzes for p in result.values()):
        parts.append(
            QuizAttempt.objects.filter(enrollment_id__in=ids, passed=True)
            .order_by()
            .values_list(Value("q"), "enrollment_id", "lesson_id", "quiz_id")
        )
    if any(p.requirements.practicals for p in result.values()):
        parts.append(
            PracticalSubmission.objects.filter(
                enrollment_id__in=ids, status=PracticalSubmission.Status.SIGNED_OFF
            )
            .order_by()
            .values_list(Value("p"), "enrollment_id", "lesson_id", "task_id")
        )
    rows = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    for kind, enrollment_id, lesson_id, block_id in rows:
        progress = result[enrollment_id]
        if kind == "l":
            progress.completed_lessons.add(lesson_id)
        elif kind == "q":
            progress.passed_quizzes.add((lesson_id, block_id))
        else:
            progress.signed_off.add((lesson_id, block_id))
    return result


def enrollment_progress(enrollment: Enrollment) -> Progress:
    course = enrollment.course
    return progress_for([enrollment], requirements_for([course]))[enrollment.pk]


def course_progress_for(*, user, course_ids: Iterable[int]) -> dict[int, int]:
    """Percent done per course page id (of any language: a translation shows the
    progress of its course), for the courses the user is enrolled in (courses
    without an enrolment are left out)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    course_ids = sorted(set(course_ids))
    canonical = content_cached(
        f"canonical-ids:{','.join(map(str, course_ids))}",
        lambda: canonical_ids(course_ids),
    )
    enrollments = list(
        Enrollment.objects.filter(user=user, course_id__in=set(canonical.values()))
        .exclude(status=Enrollment.Status.LEFT)
        .select_related("course")
    )
    unfinished = [e for e in enrollments if e.status != Enrollment.Status.COMPLETED]
    progress = progress_for(
        unfinished, requirements_shown(e.course for e in unfinished)
    )
    percent = {
        e.course_id: progress[e.pk].percent if e.pk in progress else 100
        for e in enrollments
    }
    return {
        page_id: percent[course_id]
        for page_id, course_id in canonical.items()
        if course_id in percent
    }
