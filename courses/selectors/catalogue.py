"""Finding courses: the catalogue with its filters and search, course cards, the
most popular courses, an instructor's courses and the platform's headline figures."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from courses.models import CourseCompletion, CourseIndexPage, CoursePage, Enrollment
from courses.selectors.languages import canonical_page, default_language
from lms import search as text_search

# Catalogue duration filter: key -> (more than, at most) hours.
DURATIONS = {
    "short": (None, Decimal(4)),
    "medium": (Decimal(4), Decimal(12)),
    "long": (Decimal(12), None),
}


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


def courses_taught_by(*, user) -> QuerySet[CoursePage]:
    """Live courses where the user is an instructor (the default-language pages:
    callers show them in the reader's language)."""
    return (
        CoursePage.objects.live()
        .filter(instructors=user, locale__language_code=default_language())
        .select_related("occupation")
        .order_by("title")
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
