"""Journey 4: an editor writes a role-model profile and a story with a picture in
Wagtail's admin and submits both for moderation; a moderator approves them (with the
keyboard alone); the two appear on the home page and in search. The editor then
translates both into Chinese with the admin's "Translate" action, the moderator
approves the translations, and the Chinese home page and search show them.

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
    """The "more actions" menu next to "Save draft": "Submit to Moderators approval"."""
    settle(page)
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Moderators approval")).click()
    page.wait_for_load_state("networkidle")
    photograph(page, journey, label)
    messages = page.locator(".messages")
    assert messages.get_by_text(re.compile("submitted", re.I)).count(), (
        f"{label}: not submitted: {messages.all_inner_texts()} "
        f"{page.locator('.error-message').all_inner_texts()}"
    )


def translate(page, journey, title: str, label: str) -> None:
    """On the edit page of ``title``, the header's actions: "Translate" to Chinese.
    Ends on the Chinese draft's edit page."""
    page.locator("header").get_by_role("button", name=re.compile("Actions")).click()
    page.get_by_role("link", name="Translate").click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("简体中文").check()
    photograph(page, journey, f"{label}-translate")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "/edit/" in page.url, page.url


def edit_page(page, *path: str) -> None:
    """Opens the editor of the page at the end of ``path`` in the page tree."""
    explore(page, *path[:-1])
    page.locator("td.title").get_by_role("link", name=path[-1], exact=True).click()
    page.wait_for_load_state("networkidle")


def feature(page, journey, home_title: str, profile: str, label: str) -> None:
    """Puts ``profile`` among the home page's featured role models and submits."""
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
    modal.locator("input[name=q]").fill(profile)
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
