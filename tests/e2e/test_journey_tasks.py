"""Journey: the tasks of issue 13 that test_journey_dashboards.py does not walk.

A mentor logs a session from their start page on a desktop, in English, in at most
three taps; the apprentice confirms it from the Chinese inbox on a 360x740 phone
without scrolling, and the item then reads as done. An editor uploads an MP4 into a
lesson in Wagtail's admin and submits it; a moderator previews it in the workflow
review and approves it; a learner plays it. The text size chosen once survives
signing out and a new browser. Stand-alone links and buttons on the start pages and
main pages are touch targets of at least 44 px. Every page of ours is checked with
axe-core (no serious or critical violation), for sideways overflow and, in Chinese,
for English left over."""

import datetime
import re
import uuid
from pathlib import Path

import pytest

from tests.e2e.conftest import BASE_URL, DESKTOP, assert_accessible, sign_in
from tests.e2e.test_journey_editorial import photograph, settle

pytestmark = pytest.mark.e2e

MENTOR = "yi.ran@demo.craftskills.cn"
APPRENTICE = "li.junle@demo.craftskills.cn"  # Yi Ran's apprentice
LEARNER = "learner@demo.craftskills.cn"
EDITOR = "editor@demo.craftskills.cn"
MODERATOR = "moderator@demo.craftskills.cn"
PHONE_SCREEN = {"width": 360, "height": 740}
VIDEO = Path(__file__).parent / "fixtures" / "loom-threading.mp4"  # H.264, 2 s, 8 KB
# A lesson of the demo course the demo learner follows, with no video of its own.
LESSON_TITLE = "Machine-vision detection of fabric defects"
LESSON_PATH = "/courses/ai-textile/machine-vision-detection-of-fabric-defects/"


def _signed_in(browser, email: str, viewport):
    context = browser.new_context(base_url=BASE_URL, viewport=viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def test_mentor_logs_on_a_desktop_and_apprentice_confirms_from_the_inbox(
    browser, journey
):
    context, mentor = _signed_in(browser, MENTOR, DESKTOP)
    try:
        mentor.goto("/me/")
        journey.check(mentor, "mentor-start-page-en")
        taps = 0
        mentor.locator(".log-session a.button").first.click()
        taps += 1
        mentor.wait_for_url(re.compile(r"/sessions/new/$"))
        # Two days ago at dawn: a slot no other journey's session takes (a mentor's
        # sessions may not overlap).
        mentor.locator("#id_date").fill(
            (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
        )
        mentor.locator("#id_start_time").fill("06:00")
        mentor.locator("#id_end_time").fill("07:00")
        mentor.locator("#id_topics").fill("Thread tension on the rapier loom")
        mentor.locator("form.session-form button[type=submit]").click()
        taps += 1
        mentor.wait_for_url(re.compile(r"/agreements/\d+/$"))
        assert taps <= 3, f"logging a session took {taps} taps"
        assert mentor.locator(".messages .success").count() == 1
    finally:
        context.close()

    context, apprentice = _signed_in(browser, APPRENTICE, PHONE_SCREEN)
    try:
        apprentice.goto("/zh-hans/me/inbox/")
        journey.check(apprentice, "apprentice-inbox", chinese=True)
        apprentice.set_viewport_size(PHONE_SCREEN)
        apprentice.evaluate("window.scrollTo(0, 0)")
        item = apprentice.locator(
            ".messages-list > li:has(form[action$='/confirm/'])"
        ).first
        item_id = item.get_attribute("id")
        confirm = item.locator("form[action$='/confirm/'] button")
        box = confirm.bounding_box()
        assert box and box["y"] >= 0
        assert box["y"] + box["height"] <= PHONE_SCREEN["height"], (
            f"the inbox's Confirm button is below the first screen: {box}"
        )
        assert item.locator("a.button[href*='/dispute/']").is_visible()
        with apprentice.expect_navigation():
            confirm.click()
        apprentice.wait_for_url(re.compile(r"/zh-hans/me/inbox/"))
        assert apprentice.locator(".messages .success").count() == 1
        done = apprentice.locator(f"#{item_id}")
        assert "done" in done.get_attribute("class")
        assert done.locator("form[action$='/confirm/']").count() == 0
        journey.check(apprentice, "apprentice-inbox-confirmed", chinese=True)
    finally:
        context.close()


def test_editor_uploads_an_mp4_moderator_previews_and_approves_learner_plays(
    browser, journey
):
    mark = uuid.uuid4().hex[:6]
    context, editor = _signed_in(browser, EDITOR, DESKTOP)
    try:
        editor.goto("/admin/pages/search/?q=vision")
        editor.locator("td.title").get_by_role(
            "link", name=LESSON_TITLE, exact=True
        ).click()
        editor.wait_for_load_state("networkidle")
        body = editor.locator("#body-root")
        body.locator("button[title='Insert a block']").last.click()
        editor.get_by_role("option", name="Video").click()
        field = body.locator("input[type=hidden][name$='-value-video']").last
        name = field.get_attribute("name")
        chooser = editor.locator(f"#{name}-chooser")
        chooser.get_by_role("button", name="Choose a document").click()
        modal = editor.locator(".modal-dialog")
        modal.get_by_role("tab", name="Upload").click()
        modal.locator("#id_document-chooser-upload-file").set_input_files(str(VIDEO))
        modal.locator("#id_document-chooser-upload-title").fill(f"Threading {mark}")
        modal.locator("form button[type=submit]", has_text="Upload").click()
        modal.wait_for(state="detached")
        chooser.locator(".chooser__title", has_text=mark).wait_for()
        prefix = name.removesuffix("-value-video")
        editor.locator(f"#{prefix}-value-title").fill(f"Threading the loom {mark}")
        photograph(editor, journey, "editor-video-chosen")
        settle(editor)
        editor.locator("footer").get_by_role("button", name="More actions").click()
        editor.get_by_role(
            "button", name=re.compile("Submit to Moderators? approval")
        ).click()
        editor.wait_for_load_state("networkidle")
        photograph(editor, journey, "editor-submitted")
        assert editor.locator(".messages").get_by_text(re.compile("submitted")).count()
    finally:
        context.close()

    context, moderator = _signed_in(browser, MODERATOR, DESKTOP)
    try:
        moderator.goto("/admin/")
        row = moderator.locator(
            "tr", has=moderator.get_by_role("link", name=LESSON_TITLE, exact=True)
        )
        row.get_by_role("button", name="Actions").click()
        preview = row.get_by_role("link", name="Preview", exact=True)
        href = preview.get_attribute("href")
        assert re.search(r"/admin/pages/workflow/preview/\d+/\d+/$", href), href
        # The link opens a new tab; the same address in this one is the same page.
        response = moderator.goto(href)
        assert response.status == 200, (
            f"the workflow preview answered {response.status}"
        )
        assert moderator.locator("h1", has_text=LESSON_TITLE).count()
        source = moderator.locator("figure.lesson-video video source")
        assert source.count() and source.first.get_attribute("src").endswith(".mp4")
        assert moderator.get_by_text(f"Threading the loom {mark}").count()
        photograph(moderator, journey, "moderator-preview")
        moderator.goto("/admin/")
        row.get_by_role("button", name="Actions").click()
        row.locator("button", has_text=re.compile(r"^\s*Approve\s*$")).click()
        moderator.wait_for_load_state("networkidle")
        row.wait_for(state="detached")
        photograph(moderator, journey, "moderator-approved")
    finally:
        context.close()

    # The video is in the English lesson (its Chinese copy is translated apart).
    for viewport in (PHONE_SCREEN, DESKTOP):
        context, learner = _signed_in(browser, LEARNER, viewport)
        try:
            learner.goto(LESSON_PATH)
            figure = learner.locator(
                "figure.lesson-video", has=learner.locator("source[src$='.mp4']")
            ).last
            video = figure.locator("video")
            video.scroll_into_view_if_needed()
            state = video.evaluate(
                """async v => {
                    v.muted = true;
                    await v.play().catch(() => {});
                    await new Promise(done => {
                        if (v.readyState >= 2 && v.currentTime > 0) return done();
                        v.addEventListener('timeupdate', done, {once: true});
                        v.addEventListener('error', done, {once: true});
                        setTimeout(done, 10000);
                    });
                    return {ready: v.readyState, time: v.currentTime,
                            error: v.error && v.error.code, src: v.currentSrc};
                }"""
            )
            assert state["error"] is None, state
            assert state["ready"] >= 2 or state["time"] > 0, state
            assert_accessible(learner, f"{journey.name}-learner-{viewport['width']}")
        finally:
            context.close()


def test_the_text_size_survives_signing_out_and_a_new_browser(browser):
    context, page = _signed_in(browser, LEARNER, PHONE_SCREEN)
    try:
        page.goto("/zh-hans/learning/")
        with page.expect_navigation():
            page.locator(".text-size-switch button.size-larger").click()
        for path in ("/zh-hans/me/", "/zh-hans/courses/", "/learning/"):
            page.goto(path)
            assert "text-larger" in page.locator("html").get_attribute("class"), path
        sign_out = page.locator("form[action*='/logout/'] button").first
        if not sign_out.is_visible():  # on a phone it is in the folded menu
            page.locator(".menu-toggle").click()
        with page.expect_navigation():
            sign_out.click()
        assert "text-larger" in page.locator("html").get_attribute("class")
        sign_in(page, LEARNER)
        page.goto("/zh-hans/me/")
        assert "text-larger" in page.locator("html").get_attribute("class")
    finally:
        context.close()
    # A browser that never saw the switch: the account remembers the size.
    context, page = _signed_in(browser, LEARNER, DESKTOP)
    try:
        page.goto("/zh-hans/me/")
        assert "text-larger" in page.locator("html").get_attribute("class")
        assert_accessible(page, "text-size-larger")
        with page.expect_navigation():
            page.locator(".text-size-switch button.size-normal").click()
        assert "text-normal" in page.locator("html").get_attribute("class")
    finally:
        context.close()


# Stand-alone links and buttons: in navigation, buttons, folding summaries,
# breadcrumbs, and a link that is all of its list item. A link inside a sentence
# is left out. Returns those lower than 44 px.
SMALL_TARGETS = r"""() => {
  const out = [];
  const all = document.querySelectorAll(
    'nav a, nav button, summary, a.button, button, input[type=submit], li > a');
  for (const el of all) {
    if (el.closest('[hidden], .visually-hidden, .skip-link')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (el.matches('li > a') && !el.matches('nav a, .button')) {
      if (el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
    }
    if (r.height < 44) {
      out.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`
        + ` ${Math.round(r.height)}px`);
    }
  }
  return out;
}"""


@pytest.mark.parametrize(
    "email, paths",
    [
        (
            LEARNER,
            [
                "/me/",
                "/me/inbox/",
                "/me/profile/",
                "/learning/",
                "/learning/catalogue/",
                "/courses/ai-textile/",
                LESSON_PATH,
                "/stories/great-country-craftsman-conference/",
                "/role-models/han-liping/",
            ],
        ),
        (MENTOR, ["/me/", "/mentorship/"]),
        ("hr@demo.craftskills.cn", ["/me/", "/certificates/board/"]),
        ("coordinator@demo.craftskills.cn", ["/me/", "/mentorship/agreements/"]),
    ],
)
def test_stand_alone_links_and_buttons_are_44_px_high(browser, email, paths):
    context, page = _signed_in(browser, email, PHONE_SCREEN)
    try:
        for language in ("/zh-hans", ""):
            for path in paths:
                page.goto(language + path)
                for viewport in (PHONE_SCREEN, DESKTOP):
                    page.set_viewport_size(viewport)
                    small = page.evaluate(SMALL_TARGETS)
                    assert not small, (language + path, viewport["width"], small)
    finally:
        context.close()
