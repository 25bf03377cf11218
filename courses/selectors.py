"""Reads shared by pages, exports and other apps. Each costs a fixed number of queries
whatever the number of courses, lessons or enrolments."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from wagtail.coreutils import get_supported_content_language_variant
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
from lms import providers
from lms import search as text_search
from lms.routing import content_cached
from lms.translations import locale_id_of, pages_in_language

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


# --- languages -----------------------------------------------------------------
# A course is written in the default language and translated with wagtail-localize:
# each language is a page of its own, tied by translation_key.
# Enrolments, progress, attempts, submissions and completions always point at the
# canonical page (the default-language one), so every language is the same course;
# pages a learner opens are shown in their language.


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def current_language() -> str:
    """The content language of the request (its URL prefix), e.g. "zh-hans"."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return default_language()


def default_locale_id() -> int | None:
    return locale_id_of(default_language())


def canonical_page(page: Page) -> Page:
    """The default-language page of this course or lesson (the page itself when it
    is in the default language, or has no default-language translation). One query,
    remembered on the instance."""
    cached = getattr(page, "_canonical_page", None)
    if cached is not None:
        return cached
    if page.locale_id == default_locale_id():  # the common case: no query
        page._canonical_page = page
        return page
    found = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=default_language(),
        )
        .first()
    )
    cached = page if found is None or found.pk == page.pk else found
    page._canonical_page = cached
    cached._canonical_page = cached
    return cached


def localized_pages(
    pages: Iterable[Page],
    *,
    language: str | None = None,
    locale_id: int | None = None,
    with_body: bool = True,
) -> dict[int, Page]:
    """For canonical pages, each in the reader's language where translated, by
    canonical page id (``lms.translations.pages_in_language``); lessons without
    their body when ``with_body`` is false."""
    return pages_in_language(
        pages,
        language=language,
        locale_id=locale_id,
        defer=() if with_body else ("body",),
    )


def localized_page(page: Page, *, language: str) -> Page:
    """The live translation of a canonical page in ``language``, else the page."""
    return localized_pages([page], language=language)[page.pk]


def one_per_course(qs: QuerySet, *, language: str) -> QuerySet:
    """Pages of ``qs`` in ``language``, plus the default-language pages that have no
    translation there: each course (or lesson) once, in the reader's language when
    it is translated."""
    default = default_language()
    if language == default:
        return qs.filter(locale__language_code=default)
    translated = qs.filter(locale__language_code=language).values("translation_key")
    return qs.filter(
        Q(locale__language_code=language)
        | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
    )


def canonical_ids(page_ids: Iterable[int]) -> dict[int, int]:
    """The canonical page id of each given page id, in one query (ids that are not
    pages are left out)."""
    page_ids = list(page_ids)
    if not page_ids:
        return {}
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    rows = list(
        Page.objects.filter(translation_key__in=keys).values_list(
            "pk", "translation_key", "locale__language_code"
        )
    )
    default = default_language()
    canonical_by_key = {key: pk for pk, key, lang in rows if lang == default}
    wanted = set(page_ids)
    return {
        pk: canonical_by_key.get(key, pk) for pk, key, _lang in rows if pk in wanted
    }


def _parent_path(page: Page) -> str:
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


# --- for other apps ------------------------------------------------------------


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


def courses_taught_by(*, user) -> QuerySet[CoursePage]:
    """Live courses where the user is an instructor (the default-language pages:
    callers show them in the reader's language)."""
    return (
        CoursePage.objects.live()
        .filter(instructors=user, locale__language_code=default_language())
        .select_related("occupation")
        .order_by("title")
    )


def popular_courses(limit: int = 6) -> list[CoursePage]:
    """Live courses with the most learners (those who left not counted); the
    default-language pages, which the records point at."""
    return list(
        CoursePage.objects.live()
        .filter(locale__language_code=default_language())
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
        "courses": CoursePage.objects.live()
        .values("translation_key")
        .distinct()
        .count(),
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


# --- pages ---------------------------------------------------------------------


def catalogue_pages(index: CourseIndexPage) -> QuerySet[CoursePage]:
    """The live courses a catalogue lists, each once: the catalogue's own (its
    language) and the default-language courses not translated into it yet."""
    own = CoursePage.objects.live().child_of(index)
    canonical = canonical_page(index)
    if canonical.pk == index.pk:
        return own
    return CoursePage.objects.live().filter(
        Q(pk__in=own.values("pk"))
        | Q(path__startswith=canonical.path, depth=canonical.depth + 1)
        & ~Q(translation_key__in=own.values("translation_key"))
    )


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
    qs = catalogue_pages(index)
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
        # Wagtail search with the site's one Chinese-aware tokenisation; a query
        # of only punctuation finds nothing.
        search_query = text_search.search_query(query)
        if search_query is None:
            return CoursePage.objects.none()
        ids = list(qs.values_list("pk", flat=True))
        return CoursePage.objects.filter(pk__in=ids).search(search_query)
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
    path = _parent_path(lesson)
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


def practical_reviews_for(*, user) -> QuerySet[PracticalSubmission]:
    """Submissions waiting for the user's sign-off (the courses they teach), oldest
    first."""
    from lms.permissions import records_for

    return (
        records_for(user, "sign_off", PracticalSubmission)
        .filter(status=PracticalSubmission.Status.SUBMITTED)
        .select_related("enrollment__user", "enrollment__course", "lesson")
        .prefetch_related(Prefetch("photos"))
        .order_by("submitted_at", "pk")
    )


def practical_submissions_visible_to(user) -> QuerySet[PracticalSubmission]:
    """Submissions the user may open (``courses.permissions``: their own, those of
    the courses they teach, their enterprises' people's for HR, all for staff)."""
    from lms.permissions import records_for

    return records_for(user, "view", PracticalSubmission).select_related(
        "enrollment__user", "enrollment__course", "lesson", "decided_by"
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
