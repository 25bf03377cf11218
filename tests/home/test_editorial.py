"""Editors write and moderators approve, through Wagtail's admin views: a profile and a
story written by an editor go live only after a moderator approves them, then appear
on the home page and in search, in English and (translated with wagtail-localize's
translation editor, published by a moderator) in Chinese."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation

from home.models import CraftsmanProfilePage, StoryPage
from lms.services.pages import page_translation_register
from tests.home.admin_forms import home_form, profile_form, story_form

pytestmark = pytest.mark.django_db


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


def _translate(client, page: Page, locale, words: dict[str, str]) -> Page:
    """The editor uses wagtail-localize's "Translate" to make the Chinese page (a
    draft), then writes each string's Chinese words in its translation editor."""
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302, _errors(response)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    for segment in translation.source.stringsegment_set.select_related("string"):
        if segment.string.data not in words:
            continue  # the slug: the English one is kept
        url = reverse(
            "wagtail_localize:edit_string_translation",
            args=(translation.pk, segment.pk),
        )
        response = client.put(
            url,
            urlencode({"value": words[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, response.content
    return page.get_translation(locale).specific


def _publish_translation(client, page: Page) -> None:
    """The moderator publishes the translation from its translation editor."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(url, {"action": "publish"})
    assert response.status_code == 302


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
    client,
    editor,
    moderator,
    home,
    profile_index,
    story_index,
    locales,
    django_capture_on_commit_callbacks,
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

    # The Chinese versions: translated by the editor (wagtail-localize's translation
    # editor keeps the words until the translation is published), published by the
    # moderator.
    client.force_login(editor)
    summary_zh = "全国巾帼建功标兵，焊接经理。"
    profile_zh = _translate(
        client,
        profile,
        locales["zh"],
        {
            "Sun Mei": "孙梅",
            "National women's pacesetter and welding manager.": summary_zh,
            "Sun Mei leads the welders of an installation company.": (
                "孙梅带领一家安装公司的焊工团队。"
            ),
        },
    )
    story_zh = _translate(
        client,
        story,
        locales["zh"],
        {
            "Craftswomen tour the Xi'an automobile park": "女工匠走进西安汽车产业园",
            "Ten model workers help enterprises in Xi'an.": "十位劳模助力西安企业。",
            "Model workers signed mentorship agreements.": (
                "劳模与青年焊工签订师带徒协议。"
            ),
        },
    )
    client.logout()
    assert "孙梅" not in client.get("/zh-hans/").text
    client.force_login(moderator)
    for page in (profile_zh, story_zh):
        # wagtail-localize publishes the translation when the transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            _publish_translation(client, page)
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


@pytest.mark.parametrize(
    ("model", "section"),
    [
        ("craftsmanprofilepage", "profile_index"),
        ("storypage", "story_index"),
        ("innovationstudiopage", "studio_index"),
        ("alliancepage", "studio_index"),
    ],
)
def test_editor_opens_the_add_form_of_every_content_page(
    client, editor, request, model, section
):
    parent = request.getfixturevalue(section)["en"]
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("home", model, parent.pk))
    assert client.get(url).status_code == 200


def test_scheduled_publishing_waits_for_go_live_at(profile_index, moderator):
    """Approved with a future go-live time, the page goes live when the scheduler
    runs after that time."""
    page = CraftsmanProfilePage.objects.get(pk=_draft_profile(profile_index["en"]).pk)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision(user=moderator)
    revision.publish(user=moderator)
    assert not Page.objects.get(pk=page.pk).live
    # An hour later (moved back in time rather than waiting):
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=io.StringIO())
    assert Page.objects.get(pk=page.pk).live


def test_approval_is_kept_in_the_revisions_and_audit_log(
    client, editor, moderator, profile_index
):
    client.force_login(editor)
    page = _submit_new(
        client,
        "craftsmanprofilepage",
        profile_index["en"],
        profile_form("Bai Zhiyong", "bai-zhiyong", "Senior technician", "<p>Bio</p>"),
    )
    client.force_login(moderator)
    _approve(client, page)
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", "user"))
    assert ("wagtail.workflow.start", editor.pk) in actions
    assert ("wagtail.workflow.approve", moderator.pk) in actions
    assert ("wagtail.publish", moderator.pk) in actions
    assert page.revisions.count() >= 1


def _draft_profile(parent):
    page = CraftsmanProfilePage(title="Liu Xiangbin", slug="liu-xiangbin", live=False)
    parent.add_child(instance=page)
    return page


def test_syncing_publishes_translations_only_for_a_moderator(
    client, editor, moderator, profile_index, django_capture_on_commit_callbacks
):
    """ "Sync translated pages" with "Publish immediately": an editor's sync leaves
    the live Chinese page as it was (a moderator publishes translations); a
    moderator's publishes the English change there (untranslated words in English)."""
    english, chinese = profile_index["en"], profile_index["zh"]
    source = page_translation_register(source=english, target=chinese)
    english.intro = "Masters of their trade."
    english.save_revision().publish()
    url = reverse(
        "wagtail_localize:update_translations",
        args=(source.translation.source_id,),
    )

    live_revision = chinese.live_revision_id

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    chinese = Page.objects.get(pk=chinese.pk).specific
    assert "Masters" not in chinese.intro
    assert chinese.live_revision_id == live_revision

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302
    chinese = Page.objects.get(pk=chinese.pk).specific
    assert "Masters of their trade." in chinese.intro
    assert chinese.title == "劳模工匠"
    assert chinese.live_revision_id != live_revision
    assert chinese.live_revision.content["intro"] == "Masters of their trade."
