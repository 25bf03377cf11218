"""Site search: every page type through the one Chinese-aware tokenisation
(``lms.search``), pages whose title holds every word first, and result cards with the
hits marked."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils.text import capfirst
from wagtail.models import Locale, Page
from wagtail.search import index

from lms import search as text_search

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
