"""Role-model profiles: the listing, what a profile shows beyond its own fields (its
live mentoring figures and courses, read from the mentorship and courses apps), and
each person's profile URL for ``lms.providers``."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import translation
from wagtail.models import Locale

from courses.selectors import catalogue as course_catalogue
from home.events.commendations.selectors import honours_for_profile
from home.models import CraftsmanProfilePage, InnovationStudioPage
from home.selectors.shared import localized, with_image
from mentorship import selectors as mentorship_selectors


def mentor_figures(*, user) -> dict | None:
    """Live mentoring figures of a mentor (apprentices, hours, requests solved)."""
    return mentorship_selectors.mentor_figures(user=user) if user is not None else None


def courses_taught(*, user, locale: Locale) -> list:
    if user is None:
        return []
    return localized(course_catalogue.courses_taught_by(user=user), locale)


def profiles_under(*, index) -> QuerySet[CraftsmanProfilePage]:
    return (
        CraftsmanProfilePage.objects.child_of(index)
        .live()
        .public()
        .select_related("occupation")
        .prefetch_related(with_image("portrait"), "honours")
        .order_by("title")
    )


def profile_details(*, profile: CraftsmanProfilePage) -> dict:
    """Everything a profile page shows beyond its own fields; the mentoring figures
    and courses are read live from the mentorship and courses apps."""
    return {
        "honours": list(profile.honours.all()),
        "commendations": honours_for_profile(profile=profile),
        "achievements": list(profile.achievements.all()),
        "live_figures": mentor_figures(user=profile.user) if profile.user_id else None,
        "courses": courses_taught(user=profile.user, locale=profile.locale)
        if profile.user_id
        else [],
        "studios": list(
            InnovationStudioPage.objects.live()
            .filter(
                locale=profile.locale,
                lead_craftsman__translation_key=profile.translation_key,
            )
            .order_by("title")
        ),
    }


def profile_urls(users: list, request=None) -> dict[int, str]:
    """The live role-model page of each user who has one, in the active language
    where translated (one query); registered with ``lms.providers``."""
    language = translation.get_language()
    found: dict[int, CraftsmanProfilePage] = {}
    pages = (
        CraftsmanProfilePage.objects.live()
        .filter(user_id__in=[u.pk for u in users])
        .select_related("locale")
        .only("id", "path", "url_path", "depth", "user_id", "locale")
        .order_by("path")
    )
    for page in pages:
        mine = page.locale.language_code == language
        if page.user_id not in found or mine:
            found[page.user_id] = page
    urls = {user_id: page.get_url(request) for user_id, page in found.items()}
    return {user_id: url for user_id, url in urls.items() if url}
