"""The search corpus: every query of ``search_corpus.json`` finds its page first, in
the visitor's language, through the search page (on SQLite and on PostgreSQL: the
file runs as it is with ``DATABASE_URL`` pointing at PostgreSQL)."""

import json
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage, ProfileIndexPage, StoryIndexPage, StudioIndexPage
from tests.home import search_site

CORPUS = json.loads((Path(__file__).parent / "search_corpus.json").read_text())
QUERIES = CORPUS["queries"]
URL = {"zh": "/zh-hans/search/", "en": "/search/"}


def _sections(home: dict) -> tuple[dict, dict, dict]:
    made = []
    for model, slug, title_zh in (
        (ProfileIndexPage, "role-models", "劳模工匠"),
        (StoryIndexPage, "stories", "新闻故事"),
        (StudioIndexPage, "studios", "创新工作室"),
    ):
        pages = {}
        for lang, title in (("en", slug.title()), ("zh", title_zh)):
            pages[lang] = model(title=title, slug=slug)
            home[lang].add_child(instance=pages[lang])
        made.append(pages)
    return tuple(made)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The bilingual site of ``search_site``, built once for the module and rolled
    back after it."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            home = {
                lang: HomePage.objects.get(
                    locale=Locale.objects.get(language_code=code), depth=2
                )
                for lang, code in (("en", "en"), ("zh", "zh-hans"))
            }
            profiles, stories, studios = _sections(home)
            yield search_site.build(
                home=home,
                profile_index=profiles,
                story_index=stories,
                studio_index=studios,
            )
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            translation.activate("en")


def _results(client, lang: str, query: str) -> list:
    response = client.get(URL[lang], {"q": query})
    assert response.status_code == 200
    return [card["page"] for card in response.context["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "case", QUERIES, ids=[f"{c['lang']}-{c['q']}-{c['first']}" for c in QUERIES]
)
def test_corpus_query_finds_its_page_first(client, site, case):
    expected = site[case["lang"]][case["first"]]
    results = _results(client, case["lang"], case["q"])
    assert results, f"nothing found for {case['q']!r}"
    assert results[0].pk == expected.pk, [p.title for p in results]


def test_corpus_has_thirty_chinese_or_mixed_queries_over_known_pages():
    chinese = [c for c in QUERIES if c["lang"] == "zh"]
    assert len(chinese) >= 30
    keys = {
        *search_site.COURSES["zh"],
        *search_site.LESSONS["zh"],
        *search_site.PROFILES["zh"],
        *search_site.STUDIOS,
        *search_site.STORIES["zh"],
        "alliance",
    }
    assert {c["first"] for c in chinese} <= keys
