"""Pages in English and Chinese: the language switch goes to the page's translation,
the head carries link-preview tags, and the sitemap lists both languages."""

import re

import pytest

from tests.home.factories import CraftsmanProfilePageFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(profile_index, locales):
    """A profile with a portrait, its Chinese translation published under a
    different slug."""
    english = CraftsmanProfilePageFactory(
        parent=profile_index["en"],
        title="Han Liping",
        slug="han-liping",
        summary="CNC machining-centre operator.",
        portrait=ImageFactory(),
    )
    chinese = english.copy_for_translation(locales["zh"])
    chinese.title, chinese.slug, chinese.summary = (
        "韩利萍",
        "han-liping-zh",
        "加工中心操作工。",
    )
    chinese.save_revision().publish()
    chinese.refresh_from_db()
    return {"en": english, "zh": chinese}


def _switch(client, url: str, language: str) -> str:
    """Where the page's language switch to ``language`` lands."""
    html = client.get(url).text
    match = re.search(
        r'name="next" value="([^"]*)">\s*<button type="submit" name="language" '
        rf'value="{language}"',
        html,
    )
    assert match, "no switch to that language on the page"
    response = client.post(
        "/i18n/setlang/", {"language": language, "next": match.group(1)}
    )
    assert response.status_code == 302
    return response["Location"]


def test_language_switch_on_a_page_lands_on_its_translation(client, profile):
    target = _switch(client, profile["en"].url, "zh-hans")
    assert target == "/zh-hans/role-models/han-liping-zh/"
    assert "韩利萍" in client.get(target).text
    assert _switch(client, target, "en") == "/role-models/han-liping/"


def test_language_switch_without_a_translation_goes_to_that_languages_home(
    client, profile_index
):
    page = CraftsmanProfilePageFactory(parent=profile_index["en"], slug="only-en")
    assert _switch(client, page.url, "zh-hans") == "/zh-hans/"


def test_language_switch_outside_wagtail_pages_keeps_the_address(client, home):
    assert _switch(client, "/search/?q=weld", "zh-hans") == "/zh-hans/search/?q=weld"
    assert _switch(client, "/zh-hans/search/?q=weld", "en") == "/search/?q=weld"


def test_head_has_open_graph_tags_with_an_image_rendition(client, profile):
    html = client.get(profile["en"].url).text
    assert '<meta property="og:title" content="Han Liping">' in html
    assert (
        '<meta property="og:description" content="CNC machining-centre operator.">'
        in html
    )
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert ".fill-1200x630" in html
    assert (
        'hreflang="zh-hans" href="http://localhost/zh-hans/role-models/han-liping-zh/"'
        in html
    )


def test_seo_title_and_description_override_the_defaults(client, profile):
    page = profile["en"]
    page.seo_title, page.search_description = "Han Liping, launch platforms", "Meet her"
    page.save_revision().publish()
    html = client.get(page.url).text
    assert "<title>Han Liping, launch platforms" in html
    assert '<meta name="description" content="Meet her">' in html


def test_sitemap_lists_pages_in_both_languages(client, profile):
    xml = client.get("/sitemap.xml").text
    assert "/role-models/han-liping/</loc>" in xml
    assert "/zh-hans/role-models/han-liping-zh/</loc>" in xml
    assert "/zh-hans/</loc>" in xml
