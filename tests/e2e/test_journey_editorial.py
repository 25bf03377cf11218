"""Journey 4: an editor writes a role-model profile and a story with a picture in
Wagtail's admin and submits both for moderation; a moderator approves them (with the
keyboard alone); the two appear on the home page and in search. The editor then
translates both into Chinese with wagtail-localize ("Translate this page" and its
translation editor), the moderator publishes the translations, and the Chinese home
page and search show them.

The admin is Wagtail's own: its steps are photographed but not checked; every public
page (home, story, profile, search) is checked, in Chinese as Chinese."""

import re
import uuid

import pytest
from PIL import Image, ImageDraw

from tests.e2e.conftest import BASE_URL, DESKTOP, SCREENSHOTS, sign_in, tab_to

pytestmark = pytest.mark.e2e
EDITOR = "editor@demo.craftskills.cn"
MODERATOR = "moderator@demo.craftskills.cn"


# --- the admin's pieces -----------------------------------------------------------


def photograph(page, journey, label: str) -> None:
    """A screenshot of an admin step (Wagtail's own pages are not checked)."""
    journey.step += 1
    page.screenshot(
        path=str(SCREENSHOTS / f"{journey.name}-{journey.step:02d}-{label}.png")
    )


def picture(tmp_path, name: str, color: str, mark: str) -> str:
    """A generated PNG: a coloured card with a lighter block and ``mark`` written on
    it (a new mark each run, so Wagtail never offers an earlier upload instead)."""
    image = Image.new("RGB", (800, 600), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle((200, 150, 600, 600), fill="#f0e0c0")
    draw.text((220, 170), mark, fill="#202020")
    path = tmp_path / name
    image.save(path, "PNG")
    return str(path)


def explore(page, *titles: str) -> None:
    """From the page tree's root, down through the pages called ``titles``."""
    page.goto("/admin/pages/")
    for title in titles:
        page.get_by_role("link", name=f"Explore child pages of '{title}'").click()
        page.wait_for_load_state("networkidle")


def upload_image(page, panel, path: str, title: str, description: str) -> None:
    """Opens the image chooser of ``panel``, uploads ``path`` in its modal, and
    comes back with the new image chosen."""
    panel.get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Upload").click()
    modal.locator("input[type=file]").set_input_files(path)
    modal.locator("#id_image-chooser-upload-title").fill(title)
    modal.locator("#id_image-chooser-upload-description").fill(description)
    modal.locator("form button[type=submit]", has_text="Upload").click()
    modal.wait_for(state="detached")
    panel.locator(".chooser__title", has_text=title).wait_for()


def add_paragraph(page, field: str, text: str) -> None:
    """Adds a paragraph block to the StreamField ``field`` and types ``text``."""
    root = page.locator(f"#{field}-root")
    root.locator("button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = root.locator("[contenteditable=true]").last
    editor.click()
    page.keyboard.type(text)


def replace_paragraph(page, field: str, text: str) -> None:
    """Replaces the words of the first paragraph block of ``field``."""
    editor = page.locator(f"#{field}-root [contenteditable=true]").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def settle(page) -> None:
    """Waits for Wagtail's autosave (half a second after each change) to finish, so
    the editor's submit does not cross a save in flight."""
    page.wait_for_timeout(1_000)
    page.wait_for_function(
        """() => document.getElementById('w-autosave-indicator')
            ?.getAttribute('data-w-autosave-state-value') !== 'saving'"""
    )


def submit_for_moderation(page, journey, label: str) -> None:
    """The "more actions" menu next to "Save draft": "Submit to Moderators approval".
    Wagtail names its default workflow after the moderators' group as it is when its
    migration runs: "Moderators" or, once ours renamed it, "Moderator"."""
    settle(page)
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role(
        "button", name=re.compile("Submit to Moderators? approval")
    ).click()
    page.wait_for_load_state("networkidle")
    photograph(page, journey, label)
    messages = page.locator(".messages")
    assert messages.get_by_text(re.compile("submitted", re.I)).count(), (
        f"{label}: not submitted: {messages.all_inner_texts()} "
        f"{page.locator('.error-message').all_inner_texts()}"
    )


def translate(page, journey, label: str, words: dict[str, str]) -> None:
    """On a page's editor, the header's "Actions" menu: "Translate this page" into
    Chinese (wagtail-localize), then in the translation editor each English string
    of ``words`` gets its Chinese words ("Translate", type, "Save")."""
    page.locator("header").get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page", exact=True).click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("简体中文").check()
    photograph(page, journey, f"{label}-translate")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert re.search(r"/admin/pages/\d+/edit/", page.url), page.url
    for english, chinese in words.items():
        segment = page.locator("li.incomplete", has_text=english).first
        segment.get_by_role("button", name="Translate", exact=True).click()
        segment.locator("textarea").fill(chinese)
        segment.get_by_role("button", name="Save", exact=True).click()
        page.locator("li.complete", has_text=chinese).first.wait_for()
    page.wait_for_load_state("networkidle")  # the last "Saving..." has finished
    photograph(page, journey, f"{label}-translated")


def publish_translation(page, journey, title: str, label: str) -> None:
    """The moderator opens the translation (its editor is wagtail-localize's) and
    publishes it: "Publish in 简体中文"."""
    open_editor(page, title)
    page.get_by_role("button", name=re.compile("Publish in")).click()
    page.wait_for_load_state("networkidle")
    photograph(page, journey, f"{label}-published")


def sync_translations(page, journey, home_title: str, label: str) -> None:
    """The moderator syncs the English home page's translations ("Sync translated
    pages", published at once): the Chinese home page takes its featured profiles
    (shown in Chinese)."""
    explore(page)
    page.locator("td.title").get_by_role("link", name=home_title).click()
    page.wait_for_load_state("networkidle")
    page.locator("header").get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Sync translated pages", exact=True).click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Publish immediately").check()
    photograph(page, journey, f"{label}-sync")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state("networkidle")
    photograph(page, journey, f"{label}-synced")


def open_editor(page, title: str) -> None:
    """Finds the page called ``title`` with the admin's page search and opens it."""
    page.goto("/admin/pages/search/?q=" + title.split()[-1])
    page.locator("td.title").get_by_role("link", name=title, exact=True).click()
    page.wait_for_load_state("networkidle")


def feature(page, journey, home_title: str, profile: str, label: str) -> None:
    """Puts ``profile`` among the home page's featured role models (chosen in the
    page chooser modal by its run mark) and submits the home page."""
    explore(page)
    page.locator("td.title").get_by_role("link", name=home_title).click()
    page.wait_for_load_state("networkidle")
    section = page.locator("#panel-child-content-featured_role_models-section")
    add = section.locator("#id_featured_profiles-ADD")
    if add.is_disabled():  # six already (a database used by earlier runs)
        section.locator("[id$='-DELETE-button']:visible").first.click()
    add.click()
    section.get_by_role("button", name="Choose a page").last.click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(profile.split()[-1])
    modal.get_by_role("link", name=profile).click()
    modal.wait_for(state="detached")
    photograph(page, journey, f"{label}-featured")
    submit_for_moderation(page, journey, f"{label}-submitted")


def approve(page, journey, titles: list[str], label: str) -> None:
    """The moderator approves each page from the dashboard's "Awaiting your review"
    list ("Actions" → "Approve"), the first with the keyboard alone."""
    for number, title in enumerate(titles):
        page.goto("/admin/")
        row = page.locator("tr", has=page.get_by_role("link", name=title, exact=True))
        toggle = row.get_by_role("button", name="Actions")
        button = row.locator("button", has_text=re.compile(r"^\s*Approve\s*$"))
        if number == 0:
            photograph(page, journey, f"{label}-review")
            tab_to(page, toggle)
            page.keyboard.press("Enter")
            for _ in range(5):
                page.keyboard.press("Tab")
                if button.evaluate("el => el === document.activeElement"):
                    break
            photograph(page, journey, f"{label}-approve-focused")
            assert button.evaluate("el => el === document.activeElement")
            page.keyboard.press("Enter")
        else:
            toggle.click()
            button.click()
        page.wait_for_load_state("networkidle")
        row.wait_for(state="detached")
    photograph(page, journey, f"{label}-approved")


# --- the journey ----------------------------------------------------------------


def test_editor_writes_moderator_approves_in_both_languages(
    browser, page, journey, tmp_path
):
    run = uuid.uuid4().hex[:6]
    profile_en, profile_zh = f"Sun Mei {run}", f"孙梅 {run}"
    story_en = f"Craftswomen tour the Xi'an automobile park {run}"
    story_zh = f"女工匠走进西安汽车产业园 {run}"

    # The editor writes the profile, with a portrait uploaded in the chooser.
    sign_in(page, EDITOR)
    explore(page, "Craft Skills", "Role models")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    page.wait_for_load_state("networkidle")
    page.locator("#id_title").fill(profile_en)
    page.locator("#id_summary").fill(
        "National women's pacesetter who leads the welders of an installation company."
    )
    upload_image(
        page,
        page.locator("#panel-child-content-portrait-section"),
        picture(tmp_path, "sun-mei.png", "#7a4b2a", run),
        f"Portrait · {profile_en}",
        "Sun Mei at the welding bench",
    )
    page.locator("#id_employer").fill("China Chemical Installation Co.")
    page.locator("#id_region").fill("Hunan")
    add_paragraph(
        page,
        "biography",
        "Sun Mei leads a team of forty welders and trains apprentices at the bench.",
    )
    photograph(page, journey, "profile-written")
    submit_for_moderation(page, journey, "profile-submitted")

    # The story, with its lead picture uploaded the same way.
    explore(page, "Craft Skills", "Stories")
    page.get_by_role("link", name=re.compile("Add child page")).first.click()
    page.wait_for_load_state("networkidle")
    page.locator("#id_title").fill(story_en)
    page.locator("#id_author").fill("Union press office")
    page.locator("#id_summary").fill(
        "Ten model workers help enterprises of the Xi'an automobile park."
    )
    upload_image(
        page,
        page.locator("#panel-child-content-lead_image-section"),
        picture(tmp_path, "tour.png", "#2a5b7a", run),
        f"Story · {story_en}",
        "Craftswomen walk along an assembly line",
    )
    add_paragraph(
        page,
        "body",
        "Model workers signed mentorship agreements with young welders of the park.",
    )
    photograph(page, journey, "story-written")
    submit_for_moderation(page, journey, "story-submitted")

    # The editor puts the profile on the home page: that change is moderated too.
    feature(page, journey, "Craft Skills", profile_en, "home")

    # Nothing is public before a moderator approves.
    visitor_context = browser.new_context(base_url=BASE_URL, viewport=DESKTOP)
    visitor = visitor_context.new_page()
    visitor.goto("/")
    assert visitor.get_by_text(profile_en).count() == 0
    assert visitor.get_by_text(story_en).count() == 0

    # The moderator approves the three from the dashboard.
    moderator_context = browser.new_context(base_url=BASE_URL, viewport=DESKTOP)
    moderator = moderator_context.new_page()
    sign_in(moderator, MODERATOR)
    approve(moderator, journey, [profile_en, story_en, "Craft Skills"], "moderator")

    # Both are public: the story among the latest stories, the profile among the
    # featured role models and on the role-model index, both in search.
    visitor.goto("/")
    journey.check(visitor, "home")
    stories = visitor.locator("section[aria-labelledby=stories-heading]")
    featured = visitor.locator("section[aria-labelledby=featured-heading]")
    assert stories.get_by_role("link", name=story_en).count() == 1
    assert featured.get_by_role("link", name=profile_en).count() == 1
    stories.get_by_role("link", name=story_en).click()
    visitor.wait_for_load_state("networkidle")
    assert visitor.locator("h1").inner_text() == story_en
    assert visitor.locator("figure.lead-image img").count() == 1
    journey.check(visitor, "story")
    visitor.go_back()
    featured.get_by_role("link", name=profile_en).click()
    visitor.wait_for_load_state("networkidle")
    assert visitor.locator("h1").inner_text() == profile_en
    assert visitor.locator("main img").count() >= 1
    journey.check(visitor, "profile")
    visitor.goto("/go/role-models/")
    assert visitor.get_by_role("link", name=profile_en).count() == 1

    # Search, with the keyboard: type the words and press Enter.
    visitor.goto("/search/")
    field = visitor.get_by_label("Search profiles, stories, studios and courses")
    tab_to(visitor, field)
    visitor.keyboard.type(run)
    visitor.keyboard.press("Enter")
    visitor.wait_for_url(re.compile(r"/search/\?q="))
    results = visitor.locator(".search-results")
    assert results.get_by_role("link", name=profile_en).count() == 1
    assert results.get_by_role("link", name=story_en).count() == 1
    journey.check(visitor, "search")

    # The editor translates both into Chinese (wagtail-localize's "Translate this
    # page" and its translation editor); the words wait there until a moderator
    # publishes the translations. The Chinese home page is a translation of the
    # English one, so it features the profile too.
    open_editor(page, profile_en)
    translate(
        page,
        journey,
        "profile",
        {
            profile_en: profile_zh,
            "National women's pacesetter": (
                "全国巾帼建功标兵，带领一家安装公司的焊工团队。"
            ),
            "China Chemical Installation": "中国化学工程安装公司",
            "Hunan": "湖南",
            "leads a team of forty welders": "孙梅带领四十名焊工，在工位旁培养徒弟。",
        },
    )
    open_editor(page, story_en)
    translate(
        page,
        journey,
        "story",
        {
            story_en: story_zh,
            "Union press office": "工会宣传部",
            "Ten model workers": "十位劳模助力西安汽车产业园的企业。",
            "mentorship agreements": "劳模与产业园的青年焊工签订了师带徒协议。",
        },
    )
    visitor.goto("/zh-hans/")
    assert visitor.get_by_text(profile_zh).count() == 0

    publish_translation(moderator, journey, profile_zh, "moderator-zh-profile")
    publish_translation(moderator, journey, story_zh, "moderator-zh-story")
    sync_translations(moderator, journey, "Craft Skills", "moderator-home")

    # The Chinese home page, story, profile and search.
    visitor.goto("/zh-hans/")
    journey.check(visitor, "home-zh", chinese=True)
    stories = visitor.locator("section[aria-labelledby=stories-heading]")
    featured = visitor.locator("section[aria-labelledby=featured-heading]")
    assert stories.get_by_role("link", name=story_zh).count() == 1
    assert featured.get_by_role("link", name=profile_zh).count() == 1
    stories.get_by_role("link", name=story_zh).click()
    visitor.wait_for_load_state("networkidle")
    assert "/zh-hans/" in visitor.url
    assert visitor.locator("h1").inner_text() == story_zh
    assert visitor.locator("figure.lead-image img").count() == 1
    journey.check(visitor, "story-zh", chinese=True)
    visitor.go_back()
    featured.get_by_role("link", name=profile_zh).click()
    visitor.wait_for_load_state("networkidle")
    assert visitor.locator("h1").inner_text() == profile_zh
    journey.check(visitor, "profile-zh", chinese=True)

    visitor.goto("/zh-hans/search/")
    field = visitor.locator("#search-q")
    tab_to(visitor, field)
    visitor.keyboard.type(f"孙梅 {run}")
    visitor.keyboard.press("Enter")
    visitor.wait_for_url(re.compile(r"/zh-hans/search/\?q="))
    results = visitor.locator(".search-results")
    assert results.get_by_role("link", name=profile_zh).count() == 1
    assert results.get_by_role("link", name=profile_en).count() == 0
    journey.check(visitor, "search-zh", chinese=True)
    visitor.goto(f"/zh-hans/search/?q=师带徒+{run}")
    assert results.get_by_role("link", name=story_zh).count() == 1
    # Each language's search shows only its own pages.
    visitor.goto(f"/search/?q={run}")
    assert results.get_by_role("link", name=profile_zh).count() == 0
    assert results.get_by_role("link", name=profile_en).count() == 1

    visitor_context.close()
    moderator_context.close()
