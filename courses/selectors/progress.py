"""How far learners are: progress per enrolment against its course's requirements,
in a fixed number of queries however many enrolments (pages, reports and the
mentorship app's percent per course read it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
    """Progress per enrolment id, in at most three queries however many
    enrolments."""
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
    for enrollment_id, lesson_id in LessonProgress.objects.filter(
        enrollment_id__in=ids, completed_at__isnull=False
    ).values_list("enrollment_id", "lesson_id"):
        result[enrollment_id].completed_lessons.add(lesson_id)
    # Attempts and sign-offs only count where a course asks for them.
    if any(p.requirements.quizzes for p in result.values()):
        for enrollment_id, lesson_id, quiz_id in (
            QuizAttempt.objects.filter(enrollment_id__in=ids, passed=True)
            .values_list("enrollment_id", "lesson_id", "quiz_id")
            .distinct()
        ):
            result[enrollment_id].passed_quizzes.add((lesson_id, quiz_id))
    if any(p.requirements.practicals for p in result.values()):
        for enrollment_id, lesson_id, task_id in PracticalSubmission.objects.filter(
            enrollment_id__in=ids, status=PracticalSubmission.Status.SIGNED_OFF
        ).values_list("enrollment_id", "lesson_id", "task_id"):
            result[enrollment_id].signed_off.add((lesson_id, task_id))
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
