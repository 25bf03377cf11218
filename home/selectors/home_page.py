"""What the home page shows: the platform's headline figures (cached briefly), the
role models editors feature, the latest stories and the most popular courses."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Locale

from courses.selectors import catalogue as course_catalogue
from home.models import CraftsmanProfilePage, StoryPage
from home.selectors.shared import localized, with_image
from lms.models import SkillCertificate
from mentorship import selectors as mentorship_selectors

CONTENT_VERSION_KEY = "home:content-version"


FIGURES_KEY = "home:platform-figures"


# Figures of people's activity: fresh enough for a front page, cheap under load.
FIGURES_TIMEOUT = 300


def content_version() -> int:
    """Part of the home page's cache key; bumped whenever a page is published."""
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, None)


def platform_figures() -> dict:
    """Learners, completions, certificates and active mentorships, cached briefly."""
    figures = cache.get(FIGURES_KEY)
    if figures is None:
        figures = _compute_platform_figures()
        cache.set(FIGURES_KEY, figures, FIGURES_TIMEOUT)
    return figures


def _compute_platform_figures() -> dict:
    course_figures = course_catalogue.platform_course_figures()
    figures: dict = {
        "learners": course_figures["learners"],
        "completions": course_figures["completions"],
        "certificates": SkillCertificate.objects.count(),
        "active_mentorships": (
            mentorship_selectors.platform_mentorship_figures()["active_mentorships"]
        ),
    }
    figures["role_models"] = (
        CraftsmanProfilePage.objects.live().filter(locale=Locale.get_default()).count()
    )
    return figures


def popular_courses(limit: int = 4) -> list:
    # A course and its translation may both rank: ask for more, keep one of each.
    popular = course_catalogue.popular_courses(limit * 2)
    return localized(popular, Locale.get_active())[:limit]


def _featured_items(home) -> list:
    return list(
        home.featured_profiles.select_related("profile").prefetch_related(
            Prefetch(
                "profile__portrait",
                queryset=get_image_model().objects.prefetch_renditions(),
            )
        )
    )


def featured_profiles(*, home) -> list[CraftsmanProfilePage]:
    """The role models editors put on this home page, in the visitor's language. A
    translated home page with none of its own shows those of the default language."""
    items = _featured_items(home)
    if not items:
        default = Locale.get_default()
        source = (
            home.get_translation_or_none(default)
            if home.locale_id != default.pk
            else None
        )
        if source is not None:
            items = _featured_items(source.specific)
    return localized([item.profile for item in items], home.locale)


def latest_stories(*, locale: Locale, limit: int = 3) -> QuerySet[StoryPage]:
    return (
        StoryPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-date", "-first_published_at")
        .prefetch_related(with_image("lead_image"))[:limit]
    )
