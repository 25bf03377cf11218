"""Search over the live pages of the visitor's language, Chinese included; the query
is capped at 200 characters."""

import pytest
from django.urls import reverse

from tests.home.factories import CraftsmanProfilePageFactory, StoryPageFactory

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
