from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import redirect, render
from wagtail.models import Locale

from home import selectors
from home.models import (
    EventIndexPage,
    ProfileIndexPage,
    StoryIndexPage,
    StudioIndexPage,
)
from lms.search import search_text

# The page types the menu links to, by the name the menu uses.
SECTIONS = {
    "profiles": ProfileIndexPage,
    "stories": StoryIndexPage,
    "studios": StudioIndexPage,
    "events": EventIndexPage,
}


def search(request):
    """Wagtail search over the live pages in the visitor's language."""
    query = search_text(request.GET.get("q", ""), max_length=selectors.MAX_QUERY_LENGTH)
    results = selectors.search_pages(query=query, locale=Locale.get_active())
    page = selectors.paginate(request, results, per_page=10)
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "page": page,
            "results": selectors.search_result_cards(pages=page, query=query),
            "query_string": urlencode({"q": query}) if query else "",
        },
    )


def section(request, name: str):
    """A stable address for a section page (stories, role models, studios) that goes
    to that page in the visitor's language."""
    index = selectors.section_page(model=SECTIONS[name], locale=Locale.get_active())
    if index is None:
        raise Http404
    return redirect(index.url)
