"""Reads for the content pages. Each page costs a fixed number of queries: listings
prefetch what their cards show, and links to other pages follow the visitor's language
through ``translation_key`` in one query."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index

from courses.selectors import catalogue as course_catalogue
from home.models import (
    AlliancePage,
    CraftsmanProfilePage,
    InnovationStudioPage,
    StoryIndexPage,
    StoryPage,
    StudioAchievement,
)
from lms import search as text_search
from lms.models import SkillCertificate
from lms.translations import pages_in_language
from mentorship import selectors as mentorship_selectors

CONTENT_VERSION_KEY = "home:content-version"
FIGURES_KEY = "home:platform-figures"
# Figures of people's activity: fresh enough for a front page, cheap under load.
FIGURES_TIMEOUT = 300


# --- what the courses and mentorship apps hold ----------------------------------


def mentor_figures(*, user) -> dict | None:
    """Live mentoring figures of a mentor (apprentices, hours, requests solved)."""
    return mentorship_selectors.mentor_figures(user=user) if user is not None else None


def courses_taught(*, user, locale: Locale) -> list:
    if user is None:
        return []
    return localized(course_catalogue.courses_taught_by(user=user), locale)


def popular_courses(limit: int = 4) -> list:
    # A course and its translation may both rank: ask for more, keep one of each.
    popular = course_catalogue.popular_courses(limit * 2)
    return localized(popular, Locale.get_active())[:limit]


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


# --- shared helpers -----------------------------------------------------------


def content_version() -> int:
    """Part of the home page's cache key; bumped whenever a page is published."""
    return cache.get_or_set(CONTENT_VERSION_KEY, 1, None)


def paginate(request, items, *, per_page: int) -> PaginatorPage:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def localized(pages: Iterable, locale: Locale) -> list:
    """The live pages in ``locale`` where translated (else as they are), each once
    (``lms.translations.pages_in_language``: one query for any number)."""
    pages = [p for p in pages if p is not None]
    shown = pages_in_language(pages, locale_id=locale.pk)
    result, seen = [], set()
    for page in pages:
        page = shown[page.pk]
        if page.live and page.pk not in seen:
            seen.add(page.pk)
            result.append(page)
    return result


def _with_image(field: str) -> Prefetch:
    """Prefetch an image FK with its renditions, so cards cost no query per image."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())


# --- home page ----------------------------------------------------------------


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
        .prefetch_related(_with_image("lead_image"))[:limit]
    )


# --- profiles -------------------------------------------------------------------


def profiles_under(*, index) -> QuerySet[CraftsmanProfilePage]:
    return (
        CraftsmanProfilePage.objects.child_of(index)
        .live()
        .public()
        .select_related("occupation")
        .prefetch_related(_with_image("portrait"), "honours")
        .order_by("title")
    )


def profile_details(*, profile: CraftsmanProfilePage) -> dict:
    """Everything a profile page shows beyond its own fields; the mentoring figures
    and courses are read live from the mentorship and courses apps."""
    return {
        "honours": list(profile.honours.all()),
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


# --- stories --------------------------------------------------------------------


def stories_under(*, index, tag: str = "") -> QuerySet[StoryPage]:
    stories = StoryPage.objects.child_of(index).live().public()
    if tag:
        stories = stories.filter(tags__name=tag)
    return stories.order_by("-date", "-first_published_at").prefetch_related(
        _with_image("lead_image"), "tags"
    )


def story_tags(*, index) -> list[str]:
    from taggit.models import Tag

    return list(
        Tag.objects.filter(
            home_storypagetag_items__content_object__in=StoryPage.objects.child_of(
                index
            ).live()
        )
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)
    )


def feed_stories(*, index: StoryIndexPage, limit: int = 20) -> list[StoryPage]:
    return list(stories_under(index=index)[:limit])


def related_pages(*, page, locale: Locale) -> list[tuple[str, list[Page]]]:
    """A story's or alliance's related pages in the visitor's language, grouped by
    kind (profiles, studios, courses) in the editor's order."""
    labels = {
        CraftsmanProfilePage: _("Role models"),
        InnovationStudioPage: _("Studios"),
        AlliancePage: _("Alliances"),
    }
    targets = [link.target for link in page.related_pages.select_related("target")]
    groups: dict[str, list[Page]] = {}
    for target in localized(targets, locale):
        model = target.specific_class or Page
        label = labels.get(model) or capfirst(model._meta.verbose_name_plural)
        groups.setdefault(str(label), []).append(target)
    return list(groups.items())


# --- studios and alliances ------------------------------------------------------


def _with_totals(studios: QuerySet) -> QuerySet:
    return studios.annotate(
        projects_total=Sum("achievements__projects"),
        benefit_total=Sum("achievements__benefit_yuan"),
        patents_total=Sum("achievements__patents"),
    )


def studios_under(
    *, index, industry=None, region: str = "", level: str = ""
) -> QuerySet[InnovationStudioPage]:
    studios = InnovationStudioPage.objects.child_of(index).live().public()
    if industry:
        studios = studios.filter(industry=industry)
    if region:
        studios = studios.filter(region=region)
    if level:
        studios = studios.filter(level=level)
    return (
        _with_totals(studios)
        .select_related("industry", "enterprise")
        .prefetch_related(_with_image("image"))
        .order_by("title")
    )


def studio_regions(*, index) -> list[str]:
    return list(
        InnovationStudioPage.objects.child_of(index)
        .live()
        .exclude(region="")
        .order_by("region")
        .values_list("region", flat=True)
        .distinct()
    )


def studio_totals(*, studio: InnovationStudioPage) -> dict:
    """Projects, benefit and patents summed over the studio's achievements (one
    query)."""
    totals = StudioAchievement.objects.filter(page_id=studio.pk).aggregate(
        lines=Count("pk"),
        projects=Sum("projects"),
        benefit=Sum("benefit_yuan"),
        patents=Sum("patents"),
    )
    return {k: v or 0 for k, v in totals.items()}


def studio_details(*, studio: InnovationStudioPage) -> dict:
    lead = (
        localized([studio.lead_craftsman], studio.locale)
        if studio.lead_craftsman_id
        else []
    )
    return {
        "totals": studio_totals(studio=studio),
        "lead": lead[0] if lead else None,
        "discipline_groups": list(studio.discipline_groups.all()),
        "members": list(studio.members.all()),
        "achievements": list(studio.achievements.all()),
        "assessments": sorted(
            studio.assessments.all(), key=lambda a: a.date, reverse=True
        ),
        "alliances": list(
            AlliancePage.objects.live()
            .filter(
                locale=studio.locale,
                member_studios__studio__translation_key=studio.translation_key,
            )
            .distinct()
        ),
    }


def alliances_under(*, index) -> QuerySet[AlliancePage]:
    return (
        AlliancePage.objects.child_of(index)
        .live()
        .public()
        .annotate(studio_count=Count("member_studios"))
        .order_by("title")
    )


def alliance_details(*, alliance: AlliancePage) -> dict:
    studios = [m.studio for m in alliance.member_studios.select_related("studio")]
    return {
        "studios": localized(studios, alliance.locale),
        "units": list(alliance.member_units.select_related("enterprise")),
        "related": related_pages(page=alliance, locale=alliance.locale),
    }


# --- search ---------------------------------------------------------------------

MAX_QUERY_LENGTH = text_search.MAX_QUERY_LENGTH


class TieredResults:
    """Search results with the pages whose title holds every word of the query first,
    then the rest, each part in Wagtail's order of relevance; counted and sliced in
    the database, so a ``Paginator`` reads only the page it shows."""

    def __init__(self, first, rest):
        self.parts = [first, rest]
        self._counts = None

    def counts(self) -> list[int]:
        if self._counts is None:
            self._counts = [part.count() for part in self.parts]
        return self._counts

    def count(self) -> int:
        return sum(self.counts())

    def __getitem__(self, key: slice) -> list:
        start, stop = key.start or 0, key.stop
        items, offset = [], 0
        for part, size in zip(self.parts, self.counts(), strict=True):
            if stop > offset and start < offset + size:
                low, high = max(start - offset, 0), min(stop - offset, size)
                items.extend(part[low:high])
            offset += size
        return items


def search_pages(*, query: str, locale: Locale):
    """Live, public pages in the visitor's language that match ``query``: title hits
    first. Pages come as their specific type."""
    query = text_search.search_text(query, max_length=MAX_QUERY_LENGTH)
    search_query = text_search.search_query(query)
    if search_query is None:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .exclude(depth__lte=1)
        .specific()
    )
    in_title = Q()
    for term in text_search.title_terms(query):
        in_title &= Q(title__icontains=term)
    return TieredResults(
        pages.filter(in_title).search(search_query),
        pages.exclude(in_title).search(search_query),
    )


def _search_text(page: Page) -> str:
    """The words of a page's own search fields other than its title, as written."""
    parts = [page.search_description]
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = index.SearchField.get_value(field, page)
            if isinstance(value, list | tuple):
                value = " ".join(str(item) for item in value)
            parts.append(str(value or ""))
    return " ".join(p for p in parts if p)


def search_result_cards(*, pages: Iterable[Page], query: str) -> list[dict]:
    """What a result shows: the page, its kind and a snippet with the hits marked."""
    return [
        {
            "page": page,
            "kind": capfirst(page.specific_class._meta.verbose_name),
            "snippet": text_search.snippet(_search_text(page), query),
        }
        for page in pages
    ]


def section_page(*, model, locale: Locale):
    """The live section page of a kind (e.g. the story index) in ``locale``, else in
    any language."""
    pages = model.objects.live().public()
    return pages.filter(locale=locale).first() or pages.order_by("pk").first()


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
