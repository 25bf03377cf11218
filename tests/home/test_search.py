"""Search over the live pages of the visitor's language, Chinese included: title hits
first, each result with its kind and a marked snippet; bad queries get a normal page
and the query is capped at 200 characters."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.models import IndexEntry

from home.selectors.search import search_pages
from tests.home.factories import (
    CraftsmanProfilePageFactory,
    InnovationStudioPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(profile_index, story_index, locales):
    profile = CraftsmanProfilePageFactory(
        parent=profile_index["en"],
        title="Yi Ran",
        summary="Welder who mentors apprentices at the workstation.",
    )
    chinese = profile.copy_for_translation(locales["zh"])
    chinese.title, chinese.summary = "易冉", "在工位旁带徒传艺的焊工。"
    chinese.save_revision().publish()
    draft = StoryPageFactory(parent=story_index["en"], title="Welder draft", live=False)
    return {"en": profile, "zh": chinese, "draft": draft}


def test_search_finds_live_pages_of_the_visitors_language(client, pages):
    response = client.get(reverse("home:search"), {"q": "welder"})
    assert response.status_code == 200
    results = [page.title for page in response.context["page"].object_list]
    assert results == ["Yi Ran"]


def test_search_finds_chinese_words_inside_chinese_sentences(client, pages):
    response = client.get("/zh-hans/search/", {"q": "焊工"})
    results = [page.title for page in response.context["page"].object_list]
    assert results == ["易冉"]
    response = client.get("/zh-hans/search/", {"q": "带徒 焊工"})
    assert [p.title for p in response.context["page"].object_list] == ["易冉"]
    response = client.get("/zh-hans/search/", {"q": "焊机"})
    assert list(response.context["page"].object_list) == []


def test_search_caps_the_query_at_200_characters(client, pages):
    response = client.get(reverse("home:search"), {"q": "welder " + "x" * 500})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_empty_search_shows_the_form_only(client, home):
    response = client.get(reverse("home:search"), {"q": "   "})
    assert response.status_code == 200
    assert response.context["query"] == ""


def test_query_text_with_markup_is_escaped(client, home):
    response = client.get(reverse("home:search"), {"q": "<b>weld</b>"})
    assert "<b>weld</b>" not in response.text
    assert "&lt;b&gt;weld&lt;/b&gt;" in response.text


@pytest.fixture
def chinese_pages(story_index, studio_index):
    """A story with a Chinese word in its title and a studio with the same word many
    times in its text only."""
    story = StoryPageFactory(
        parent=story_index["zh"],
        title="织机保养月",
        summary="车间开展保养活动。",
    )
    studio = InnovationStudioPageFactory(
        parent=studio_index["zh"],
        title="第七棉纺厂创新工作室",
        summary="<b>织机</b>维修、织机改造、织机润滑和织机清洁。",
    )
    return {"story": story, "studio": studio}


def _titles(response) -> list[str]:
    return [card["page"].title for card in response.context["results"]]


def test_title_hits_come_before_text_hits(client, chinese_pages):
    response = client.get("/zh-hans/search/", {"q": "织机"})
    assert _titles(response) == ["织机保养月", "第七棉纺厂创新工作室"]


def test_a_result_shows_its_kind_and_a_snippet_with_the_hit_marked(
    client, chinese_pages
):
    """The kind is the page type in the visitor's language; the snippet escapes the
    page's text and marks each hit."""
    html = client.get("/zh-hans/search/", {"q": "织机 改造"}).text
    assert '<span class="search-kind">创新工作室</span>' in html
    assert (
        "&lt;b&gt;<mark>织机</mark>&lt;/b&gt;维修、<mark>织机</mark><mark>改造</mark>"
        in html
    )
    assert "<b>织机</b>" not in html


def test_mixed_script_queries_find_pages_in_either_script(client, pages):
    pages["zh"].summary = "在工位旁带徒传艺的焊工（TIG 焊）。"
    pages["zh"].save_revision().publish()
    assert _titles(client.get("/zh-hans/search/", {"q": "TIG 焊工"})) == ["易冉"]
    assert _titles(client.get("/zh-hans/search/", {"q": "tig焊工"})) == ["易冉"]
    assert _titles(client.get("/zh-hans/search/", {"q": "ＴＩＧ　焊工"})) == ["易冉"]


BAD_QUERIES = {
    "punctuation": "，。！？、；：“”《》……——!?.,;:'()[]{}<>/\\|@#$%^&*~`+=-_",
    "10k": ("焊接机器人 welding ロボット " * 400)[:10_000],
    "mixed-scripts": "焊接 welding ロボット 용접 Σ 𝔘 🔧 \u202e 焊",
    "combining": "焊" + "\u0301" * 500,
}


@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_a_bad_query_gets_a_normal_page(client, pages, query):
    for url in ("/zh-hans/search/", reverse("home:search")):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        assert len(response.context["query"]) <= 200


def test_half_a_chinese_character_gets_a_normal_page(client, pages):
    """A lone surrogate cannot travel in a URL as UTF-8; its CESU bytes arrive as
    replacement characters. Inside Python the selector drops it."""
    response = client.get("/zh-hans/search/?q=%ED%A0%80%E7%84%8A")
    assert response.status_code == 200
    for query in ("焊工\ud800", "\udfff焊工", "焊\ud800工"):
        results = search_pages(query=query, locale=pages["zh"].locale)
        assert [page.title for page in results[0:10]] == ["易冉"]


def test_update_index_rebuilds_the_chinese_index(client, pages):
    IndexEntry.objects.all().delete()
    assert _titles(client.get("/zh-hans/search/", {"q": "焊工"})) == []
    call_command("update_index", stdout=StringIO())
    assert _titles(client.get("/zh-hans/search/", {"q": "焊工"})) == ["易冉"]
