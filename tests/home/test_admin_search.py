"""Issue 14.9: the Wagtail admin's search boxes (images, documents, pages) answered a
query of 1,000 words with a 500 (RecursionError in the query parser); the admin's
queries now pass through the same cap as the site's own search (lms/search.py)."""

import pytest
from django.urls import reverse

from lms.search import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db

THOUSAND_WORDS = " ".join(f"word{n}" for n in range(1000))
ADMIN_SEARCHES = [
    "wagtailimages:index",
    "wagtailimages:index_results",
    "wagtaildocs:index",
    "wagtaildocs:index_results",
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
]


@pytest.mark.parametrize("name", ADMIN_SEARCHES)
def test_a_thousand_word_admin_search_answers_a_page(client, editor, name):
    client.force_login(editor)
    response = client.get(reverse(name), {"q": THOUSAND_WORDS})
    assert response.status_code == 200


def test_the_admin_search_is_given_the_capped_query(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailimages:index"), {"q": THOUSAND_WORDS})
    query = response.context["query_string"]
    assert 0 < len(query) <= MAX_QUERY_LENGTH
    assert THOUSAND_WORDS.startswith(query)
