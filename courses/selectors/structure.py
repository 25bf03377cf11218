"""What a course is made of: its live lessons in page order, and what completing it
takes (lessons, quizzes, practical tasks). The same for every reader, so pages read it
from the content cache; writes read it fresh."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from lms.routing import content_cached


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


def parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def lessons_of(
    courses: Iterable[CoursePage], *, with_body: bool = True, drafts: bool = False
) -> list:
    """The live lessons of the given courses in page order, in one query; with
    ``drafts`` (an editor's preview) the unpublished ones too."""
    courses = [c for c in courses if c.path]
    if not courses:
        return []
    if not drafts and not with_body:  # the same for every reader: kept
        paths = ",".join(c.path for c in courses)
        return content_cached(
            f"lessons-of:{paths}",
            lambda: _lessons_of(courses, with_body=False, drafts=False),
        )
    return _lessons_of(courses, with_body=with_body, drafts=drafts)


def _lessons_of(courses, *, with_body: bool, drafts: bool) -> list:
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    qs = LessonPage.objects.filter(condition).order_by("path")
    if not drafts:
        qs = qs.live()
    return list(qs if with_body else qs.defer("body"))


def requirements_from_lessons(
    courses: Iterable[CoursePage], lessons: Iterable[LessonPage]
) -> dict[int, CourseRequirements]:
    by_path = {course.path: course.pk for course in courses}
    parts: dict[int, tuple[list, set, set]] = {
        pk: ([], set(), set()) for pk in by_path.values()
    }
    for lesson in lessons:
        course_id = by_path.get(parent_path(lesson))
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


def requirements_shown(
    courses: Iterable[CoursePage],
) -> dict[int, CourseRequirements]:
    """``requirements_for`` as pages show it: kept under the content version (the
    same for every reader); writes use ``requirements_for``."""
    courses = {c.pk: c for c in courses}
    if not courses:
        return {}
    ids = ",".join(str(pk) for pk in sorted(courses))
    return content_cached(
        f"requirements-of:{ids}", lambda: requirements_for(courses.values())
    )
