"""Which language a course page is read in. A course is written in the default
language and translated with wagtail-localize: each language is a page of
its own, tied by translation_key. Enrolments, progress, attempts, submissions and
completions always point at the canonical page (the default-language one), so every
language is the same course; the pages a learner opens are shown in their language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from lms.translations import locale_id_of, pages_in_language


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
