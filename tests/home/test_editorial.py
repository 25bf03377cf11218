"""Editors write and moderators approve, through Wagtail's admin views: a profile and a
story written by an editor go live only after a moderator approves them, then appear
on the home page and in search, in English and (translated) in Chinese."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import CraftsmanProfilePage, StoryPage

pytestmark = pytest.mark.django_db


def profile_form(title: str, slug: str, summary: str, biography: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "employer": "",
            "region": "",
            "biography": streamfield([("paragraph", rich_text(biography))]),
            "quotes": streamfield([("quote", {"text": summary, "attribution": title})]),
            "honours": inline_formset(
                [{"kind": "womens_pacesetter", "year": "2021", "title": ""}]
            ),
            "achievements": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def story_form(title: str, slug: str, summary: str, body: str, tags: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2025-07-24",
            "author": "",
            "summary": summary,
            "body": streamfield([("paragraph", rich_text(body))]),
            "tags": tags,
            "related_pages": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def home_form(page, profile) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "",
            "body": rich_text(""),
            "featured_profiles": inline_formset([{"profile": profile.pk}]),
            "comments": inline_formset([]),
        }
    )


def _submit_new(client, model: str, parent: Page, data: dict) -> Page:
    """The editor saves a new page and submits it for moderation."""
    url = reverse("wagtailadmin_pages:add", args=("home", model, parent.pk))
    response = client.post(url, {**data, "action-submit": "Submit"})
    assert response.status_code == 302, _errors(response)
    return Page.objects.get(slug=data["slug"], locale=parent.locale).specific


def _submit_edit(client, page: Page, data: dict) -> None:
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(url, {**data, "action-submit": "Submit"})
    assert response.status_code == 302, _errors(response)


def _errors(response):
    context = getattr(response, "context", None) or {}
    form = context.get("form")
    return form.errors if form is not None else response.status_code


def _approve(client, page: Page) -> None:
    """The moderator approves the page's current workflow task."""
    state = Page.objects.get(pk=page.pk).current_workflow_task_state
    assert state is not None, "the page was not submitted for moderation"
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk)
    )
    response = client.post(url)
    assert response.status_code in (200, 302)


def _translate(client, page: Page, locale) -> Page:
    """The editor uses "Translate" (simple_translation) to make a Chinese draft."""
    url = reverse("simple_translation:submit_page_translation", args=(page.pk,))
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return page.get_translation(locale).specific


def test_an_editor_cannot_publish_without_approval(client, editor, profile_index):
    client.force_login(editor)
    data = profile_form("Sun Mei", "sun-mei", "Welding manager", "<p>Welds.</p>")
    url = reverse(
        "wagtailadmin_pages:add",
        args=("home", "craftsmanprofilepage", profile_index["en"].pk),
    )
    client.post(url, {**data, "action-publish": "Publish"})
    page = CraftsmanProfilePage.objects.get(slug="sun-mei")
    assert not page.live


def test_editor_writes_moderator_approves_and_pages_appear_in_both_languages(
    client, editor, moderator, home, profile_index, story_index, locales
):
    client.force_login(editor)
    profile = _submit_new(
        client,
        "craftsmanprofilepage",
        profile_index["en"],
        profile_form(
            "Sun Mei",
            "sun-mei",
            "National women's pacesetter and welding manager.",
            "<p>Sun Mei leads the welders of an installation company.</p>",
        ),
    )
    story = _submit_new(
        client,
        "storypage",
        story_index["en"],
        story_form(
            "Craftswomen tour the Xi'an automobile park",
            "craftswomen-tour",
            "Ten model workers help enterprises in Xi'an.",
            "<p>Model workers signed mentorship agreements.</p>",
            "Mentorship",
        ),
    )
    _submit_edit(client, home["en"], home_form(home["en"], profile))
    assert not profile.live and not story.live
    client.logout()
    assert "Sun Mei" not in client.get("/").text

    client.force_login(moderator)
    for page in (profile, story, home["en"]):
        _approve(client, page)
    client.logout()

    page = client.get("/").text
    assert "Sun Mei" in page
    assert "Craftswomen tour the Xi&#x27;an automobile park" in page
    results = client.get(reverse("home:search"), {"q": "pacesetter"}).text
    assert "Sun Mei" in results
    assert (
        "Craftswomen tour"
        in client.get(reverse("home:search"), {"q": "mentorship"}).text
    )

    # The Chinese versions: translated by the editor, approved by the moderator.
    client.force_login(editor)
    profile_zh = _translate(client, profile, locales["zh"])
    story_zh = _translate(client, story, locales["zh"])
    _submit_edit(
        client,
        profile_zh,
        profile_form(
            "孙梅",
            "sun-mei",
            "全国巾帼建功标兵，焊接经理。",
            "<p>孙梅带领一家安装公司的焊工团队。</p>",
        ),
    )
    _submit_edit(
        client,
        story_zh,
        story_form(
            "女工匠走进西安汽车产业园",
            "craftswomen-tour",
            "十位劳模助力西安企业。",
            "<p>劳模与青年焊工签订师带徒协议。</p>",
            "师带徒",
        ),
    )
    client.logout()
    assert "孙梅" not in client.get("/zh-hans/").text
    client.force_login(moderator)
    for page in (profile_zh, story_zh):
        _approve(client, page)
    client.logout()

    page = client.get("/zh-hans/").text
    assert "孙梅" in page
    assert "女工匠走进西安汽车产业园" in page
    assert "孙梅" in client.get("/zh-hans/search/", {"q": "巾帼"}).text
    assert (
        "女工匠走进西安汽车产业园"
        in client.get("/zh-hans/search/", {"q": "师带徒"}).text
    )
    # Each language's search shows only its own pages.
    assert "孙梅" not in client.get("/search/", {"q": "Sun Mei"}).text
    assert StoryPage.objects.live().count() == 2
