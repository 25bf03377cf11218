"""Reads shared by pages, exports and other apps. Each costs a fixed number of queries
whatever the number of courses, lessons or enrolments."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from courses.models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    PracticalSubmission,
    QuizAttempt,
)

# Catalogue duration filter: key -> (more than, at most) hours.
DURATIONS = {
    "short": (None, Decimal(4)),
    "medium": (Decimal(4), Decimal(12)),
    "long": (Decimal(12), None),
}


@dataclass(frozen=True)
class CourseRequirements:
    """What completing a course takes: its live lessons (in order), and the quizzes
    and practical tasks in them as (lesson id, block id)."""

    lesson_ids: tuple[int, ...] = ()
    quizzes: frozenset[tuple[int, str]] = frozenset()
    practicals: frozenset[tuple[int, str]] = frozenset()

    @property
    def total(self) -> int:
        return len(self.lesson_ids) + len(self.quizzes) + len(self.practicals)


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

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        total = self.requirements.total
        return (self.done * 100) // total if total else 0


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def lessons_of(courses: Iterable[CoursePage], *, with_body: bool = True) -> list:
    """The live lessons of the given courses in page order, in one query."""
    courses = list(courses)
    if not courses:
        return []
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    qs = LessonPage.objects.live().filter(condition).order_by("path")
    return list(qs if with_body else qs.defer("body"))


def requirements_from_lessons(
    courses: Iterable[CoursePage], lessons: Iterable[LessonPage]
) -> dict[int, CourseRequirements]:
    by_path = {course.path: course.pk for course in courses}
    parts: dict[int, tuple[list, set, set]] = {
        pk: ([], set(), set()) for pk in by_path.values()
    }
    for lesson in lessons:
        course_id = by_path.get(_parent_path(lesson))
        if course_id is None:
            continue
        ids, quizzes, practicals = parts[course_id]
        ids.append(lesson.pk)
        lesson_quizzes, lesson_practicals = lesson.activity_ids()
        quizzes.update((lesson.pk, q) for q in lesson_quizzes)
        practicals.update((lesson.pk, p) for p in lesson_practicals)
    return {
        pk: CourseRequirements(tuple(ids), frozenset(q), frozenset(p))
        for pk, (ids, q, p) in parts.items()
    }


def requirements_for(courses: Iterable[CoursePage]) -> dict[int, CourseRequirements]:
    courses = list(courses)
    return requirements_from_lessons(courses, lessons_of(courses))


def progress_for(
    enrollments: Iterable[Enrollment], requirements: dict[int, CourseRequirements]
) -> dict[int, Progress]:
    """Progress per enrolment id, in three queries however many enrolments."""
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
    for enrollment_id, lesson_id, quiz_id in (
        QuizAttempt.objects.filter(enrollment_id__in=ids, passed=True)
        .values_list("enrollment_id", "lesson_id", "quiz_id")
        .distinct()
    ):
        result[enrollment_id].passed_quizzes.add((lesson_id, quiz_id))
    for enrollment_id, lesson_id, task_id in PracticalSubmission.objects.filter(
        enrollment_id__in=ids, status=PracticalSubmission.Status.SIGNED_OFF
    ).values_list("enrollment_id", "lesson_id", "task_id"):
        result[enrollment_id].signed_off.add((lesson_id, task_id))
    return result


def enrollment_progress(enrollment: Enrollment) -> Progress:
    course = enrollment.course
    return progress_for([enrollment], requirements_for([course]))[enrollment.pk]


# --- for other apps ------------------------------------------------------------


def course_progress_for(*, user, course_ids: Iterable[int]) -> dict[int, int]:
    """Percent done per course page id, for the courses the user is enrolled in
    (courses without an enrolment are left out)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    enrollments = list(
        Enrollment.objects.filter(user=user, course_id__in=list(course_ids))
        .exclude(status=Enrollment.Status.LEFT)
        .select_related("course")
    )
    unfinished = [e for e in enrollments if e.status != Enrollment.Status.COMPLETED]
    progress = progress_for(unfinished, requirements_for(e.course for e in unfinished))
    return {
        e.course_id: progress[e.pk].percent if e.pk in progress else 100
        for e in enrollments
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


def completed_course_ids(user) -> set[int]:
    """Page ids of the courses the user has completed (the lms ladder provider)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        CourseCompletion.objects.filter(enrollment__user=user).values_list(
            "enrollment__course_id", flat=True
        )
    )


def courses_taught_by(*, user) -> QuerySet[CoursePage]:
    """Live courses where the user is an instructor."""
    return (
        CoursePage.objects.live()
        .filter(instructors=user)
        .select_related("occupation")
        .order_by("title")
    )


def popular_courses(limit: int = 6) -> list[CoursePage]:
    """Live courses with the most learners (those who left not counted)."""
    return list(
        CoursePage.objects.live()
        .annotate(
            learner_count=Count(
                "enrollments", filter=~Q(enrollments__status=Enrollment.Status.LEFT)
            )
        )
        .select_related("cover_image", "occupation")
        .order_by("-learner_count", "title")[:limit]
    )


def platform_course_figures() -> dict[str, int]:
    """Headline figures: distinct learners enrolled, courses completed, live courses."""
    return {
        "learners": Enrollment.objects.values("user_id").distinct().count(),
        "completions": CourseCompletion.objects.count(),
        "courses": CoursePage.objects.live().count(),
    }


def missing_prerequisites(*, user, course: CoursePage) -> list[CoursePage]:
    """Live prerequisite courses the user has not completed yet."""
    done = Enrollment.objects.filter(
        user=user, status=Enrollment.Status.COMPLETED
    ).values("course_id")
    return list(
        course.prerequisites.filter(live=True).exclude(pk__in=done).order_by("title")
    )


# --- pages ---------------------------------------------------------------------


def catalogue_courses(
    *,
    index: CourseIndexPage,
    query: str = "",
    industry_id: int | None = None,
    occupation_id: int | None = None,
    level: int | None = None,
    duration: str = "",
):
    """The live courses of the catalogue, filtered; searched with Wagtail search
    when there is a query (the result keeps only ids: see ``courses_by_ids``)."""
    qs = CoursePage.objects.live().child_of(index)
    if industry_id:
        qs = qs.filter(industry_id=industry_id)
    if occupation_id:
        qs = qs.filter(occupation_id=occupation_id)
    if level:
        qs = qs.filter(skill_level=level)
    low, high = DURATIONS.get(duration, (None, None))
    if low is not None:
        qs = qs.filter(estimated_hours__gt=low)
    if high is not None:
        qs = qs.filter(estimated_hours__lte=high)
    if query:
        return qs.search(query)
    return qs.order_by("title")


def courses_by_ids(ids: list[int]) -> list[CoursePage]:
    """Cards of these courses in this order, with what a card shows."""
    found = (
        CoursePage.objects.filter(pk__in=ids)
        .select_related("cover_image", "industry", "occupation")
        .prefetch_related("cover_image__renditions")
    )
    by_id = {c.pk: c for c in found}
    return [by_id[i] for i in ids if i in by_id]


def course_outline(*, course: CoursePage, user) -> dict:
    """What the course page shows: lessons in order, the user's enrolment and
    progress, where to continue, instructors and prerequisites."""
    lessons = lessons_of([course])
    enrollment = None
    if getattr(user, "is_authenticated", False):
        enrollment = (
            Enrollment.objects.filter(user=user, course=course)
            .select_related("completion")
            .first()
        )
    requirements = requirements_from_lessons([course], lessons)
    progress = None
    if enrollment is not None:
        progress = progress_for([enrollment], requirements)[enrollment.pk]
    continue_lesson = None
    if progress is not None and enrollment.status == Enrollment.Status.ACTIVE:
        pending = [x for x in lessons if x.pk not in progress.completed_lessons]
        last = next((x for x in pending if x.pk == enrollment.last_lesson_id), None)
        continue_lesson = last or (pending[0] if pending else None)
    return {
        "lessons": lessons,
        "enrollment": enrollment,
        "progress": progress,
        "continue_lesson": continue_lesson,
        "instructors": list(course.instructors.all()),
        "prerequisites": list(course.prerequisites.filter(live=True)),
    }


def course_of_lesson(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=_parent_path(lesson))


def lesson_state(*, lesson: LessonPage, course: CoursePage, enrollment) -> dict:
    """What the lesson page shows besides the body: neighbours, the learner's
    progress, quiz attempts and practical submissions."""
    siblings = lessons_of([course], with_body=False)
    position = next((i for i, s in enumerate(siblings) if s.pk == lesson.pk), 0)
    state = {
        "siblings": siblings,
        "position": position + 1,
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        "lesson_progress": None,
        "attempts": defaultdict(list),
        "submissions": defaultdict(list),
    }
    if enrollment is None:
        return state
    state["lesson_progress"] = LessonProgress.objects.filter(
        enrollment=enrollment, lesson=lesson
    ).first()
    for attempt in QuizAttempt.objects.filter(
        enrollment=enrollment, lesson=lesson
    ).defer("answers", "results"):
        state["attempts"][attempt.quiz_id].append(attempt)
    for submission in PracticalSubmission.objects.filter(
        enrollment=enrollment, lesson=lesson
    ).prefetch_related("photos"):
        state["submissions"][submission.task_id].append(submission)
    return state


def my_learning(*, user) -> dict:
    """The learner's enrolments split into in progress, completed and left, each
    with its progress; due dates and overdue marked."""
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course", "completion", "assigned_by", "last_lesson")
        .order_by("due_on", "-enrolled_at")
    )
    active = [e for e in enrollments if e.status == Enrollment.Status.ACTIVE]
    progress = progress_for(active, requirements_for(e.course for e in active))
    today = timezone.localdate()
    for e in enrollments:
        e.progress = progress.get(e.pk)
        e.is_overdue = bool(
            e.due_on and e.due_on < today and e.status == Enrollment.Status.ACTIVE
        )
    return {
        "active": active,
        "completed": [e for e in enrollments if e.status == "completed"],
        "left": [e for e in enrollments if e.status == Enrollment.Status.LEFT],
    }


def practical_reviews_for(*, user) -> QuerySet[PracticalSubmission]:
    """Submissions waiting in the courses the user teaches, oldest first."""
    taught = CoursePage.objects.filter(instructors=user).values("pk")
    return (
        PracticalSubmission.objects.filter(
            status=PracticalSubmission.Status.SUBMITTED,
            enrollment__course_id__in=taught,
        )
        .select_related("enrollment__user", "enrollment__course", "lesson")
        .prefetch_related(Prefetch("photos"))
        .order_by("submitted_at", "pk")
    )


def practical_submissions_visible_to(user) -> QuerySet[PracticalSubmission]:
    """Submissions the user may open: their own, those of the courses they teach,
    their enterprises' people's (HR), all (staff)."""
    from lms import permissions

    qs = PracticalSubmission.objects.select_related(
        "enrollment__user", "enrollment__course", "lesson", "decided_by"
    )
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if permissions.is_staff(user):
        return qs
    visible = Q(enrollment__user=user)
    if permissions.has_role(user, "Mentor"):
        taught = CoursePage.objects.filter(instructors=user).values("pk")
        visible |= Q(enrollment__course_id__in=taught)
    hr_people = permissions.course_report_people_q(user, "enrollment__user_id")
    if hr_people is not None and permissions.hr_enterprise_ids(user):
        visible |= hr_people
    return qs.filter(visible)
