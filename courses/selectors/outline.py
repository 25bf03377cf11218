"""What a course page and a lesson page show besides their body: the outline with the
reader's enrolment and where to continue, and a lesson's place, progress, quiz
attempts and practical submissions."""

from __future__ import annotations

from collections import defaultdict

from courses.models import (
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    PracticalSubmission,
    QuizAttempt,
)
from courses.selectors.languages import canonical_page, localized_pages
from courses.selectors.progress import progress_for
from courses.selectors.structure import (
    lessons_of,
    parent_path,
    requirements_for,
    requirements_from_lessons,
)
from lms import providers
from lms.routing import content_cached


def course_outline(
    *, course: CoursePage, user, preview: bool = False, request=None
) -> dict:
    """What the course page shows: lessons in order, the user's enrolment and
    progress, where to continue, instructors and prerequisites. ``course`` may be a
    translation: records are read for its canonical course, and lessons and links
    are shown in the course's language where translated (else in the default one).
    Each lesson shown carries ``canonical_id``, the id progress is keyed by. An
    editor's ``preview`` lists unpublished lessons too."""
    canonical = canonical_page(course)
    if preview:
        lessons = lessons_of([canonical], drafts=True)
        requirements = requirements_from_lessons([canonical], lessons)
    else:  # the same for every reader: kept (the body only for the requirements)
        lessons = lessons_of([canonical], with_body=False)
        requirements = content_cached(
            f"requirements:{canonical.pk}", lambda: requirements_for([canonical])
        )
    enrollment = None
    if getattr(user, "is_authenticated", False):
        enrollment = (
            Enrollment.objects.filter(user=user, course=canonical)
            .select_related("completion")
            .first()
        )
    progress = None
    if enrollment is not None:
        progress = progress_for([enrollment], requirements)[enrollment.pk]
    continue_lesson = None
    if progress is not None and enrollment.status == Enrollment.Status.ACTIVE:
        pending = [x for x in lessons if x.pk not in progress.completed_lessons]
        last = next((x for x in pending if x.pk == enrollment.last_lesson_id), None)
        continue_lesson = last or (pending[0] if pending else None)
    prerequisites = content_cached(
        f"prerequisites:{canonical.pk}",
        lambda: list(canonical.prerequisites.filter(live=True)),
    )
    instructors = list(canonical.instructors.all())
    urls = providers.profile_urls(instructors, request=request)
    for person in instructors:
        person.profile_url = urls.get(person.pk)
    shown = localized_pages(lessons, locale_id=course.locale_id, with_body=False)
    shown_prerequisites = localized_pages(prerequisites, locale_id=course.locale_id)
    return {
        "canonical_course": canonical,
        "lessons": [shown[x.pk] for x in lessons],
        "enrollment": enrollment,
        "progress": progress,
        "continue_lesson": shown[continue_lesson.pk] if continue_lesson else None,
        "instructors": instructors,
        "prerequisites": [shown_prerequisites[x.pk] for x in prerequisites],
    }


def course_of_lesson(lesson: LessonPage) -> CoursePage:
    """The lesson's course; no query when the lesson was routed from its course (the
    router keeps the parent on the child)."""
    parent = getattr(lesson, "_cached_parent_obj", None)
    path = parent_path(lesson)
    if isinstance(parent, CoursePage) and parent.path == path:
        return content_cached(f"course-at:{path}", lambda: parent)
    return content_cached(
        f"course-at:{path}", lambda: CoursePage.objects.get(path=path)
    )


def lesson_state(
    *,
    lesson: LessonPage,
    course: CoursePage,
    enrollment,
    progress_row=None,
    preview: bool = False,
) -> dict:
    """What the lesson page shows besides the body: neighbours, the learner's
    progress, quiz attempts and practical submissions. ``lesson`` is the page shown
    (any language), ``course`` the canonical course; neighbours are shown in the
    lesson's language where translated, records are those of the canonical lesson."""
    canonical = canonical_page(lesson)
    siblings = lessons_of([course], with_body=False, drafts=preview)
    shown = localized_pages(siblings, locale_id=lesson.locale_id, with_body=False)
    siblings = [shown[s.pk] for s in siblings]
    position = next(
        (i for i, s in enumerate(siblings) if s.canonical_id == canonical.pk), 0
    )
    state = {
        "siblings": siblings,
        "position": position + 1,
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        "lesson_progress": None,
        "completed_lessons": set(),
        "attempts": defaultdict(list),
        "submissions": defaultdict(list),
    }
    if enrollment is None:
        return state
    # The outline's done marks and this lesson's own row, in one query.
    rows = LessonProgress.objects.filter(enrollment=enrollment)
    if progress_row is not None and progress_row.lesson_id == canonical.pk:
        state["lesson_progress"] = progress_row  # just read by lesson_view
        rows = rows.filter(completed_at__isnull=False).only("lesson_id", "completed_at")
    for row in rows:
        if row.completed_at is not None:
            state["completed_lessons"].add(row.lesson_id)
        if row.lesson_id == canonical.pk and state["lesson_progress"] is None:
            state["lesson_progress"] = row
    quizzes, practicals = lesson.activity_ids()  # a translation keeps the ids
    if quizzes:
        for attempt in QuizAttempt.objects.filter(
            enrollment=enrollment, lesson=canonical
        ).defer("answers", "results"):
            state["attempts"][attempt.quiz_id].append(attempt)
    if practicals:
        for submission in PracticalSubmission.objects.filter(
            enrollment=enrollment, lesson=canonical
        ).prefetch_related("photos"):
            state["submissions"][submission.task_id].append(submission)
    return state
