"""Journey: the task-first start page. A mentor logs a session from their start page
in at most three taps on a phone; the apprentice confirms it from their start page
without scrolling; no role's navigation overflows at 360 or 1280 px; the text size
chosen once stays on every page. Controls are found by address or class, not wording."""

import re

import pytest

from lms.demo import DEMO_ACCOUNTS
from tests.e2e.conftest import BASE_URL, DESKTOP, PHONE, sign_in

pytestmark = pytest.mark.e2e

MENTOR = "yi.ran@demo.craftskills.cn"
APPRENTICE = "li.junle@demo.craftskills.cn"  # Yi Ran's apprentice


def _signed_in(browser, email: str, viewport):
    context = browser.new_context(base_url=BASE_URL, viewport=viewport)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def test_mentor_logs_then_apprentice_confirms_from_the_start_page(browser, journey):
    context, mentor = _signed_in(browser, MENTOR, PHONE)
    try:
        mentor.goto("/zh-hans/me/")
        journey.check(mentor, "mentor-start-page", chinese=True)
        taps = 0
        mentor.locator(".log-session a.button").first.click()  # tap 1
        taps += 1
        mentor.wait_for_url(re.compile(r"/sessions/new/$"))
        mentor.locator("#id_topics").fill("Seam tracking on the welding robot")
        mentor.locator("form.session-form button[type=submit]").click()  # tap 2
        taps += 1
        mentor.wait_for_url(re.compile(r"/agreements/\d+/$"))
        assert taps <= 3
        assert mentor.locator(".messages .success").count() == 1
    finally:
        context.close()

    context, apprentice = _signed_in(browser, APPRENTICE, PHONE)
    try:
        apprentice.goto("/zh-hans/me/")
        journey.check(apprentice, "apprentice-start-page", chinese=True)
        confirm = apprentice.locator(
            "#panel-mentorship-apprentice form[action$='/confirm/'] button"
        ).first
        box = confirm.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], (
            f"the Confirm button is below the first screen: {box}"
        )
        waiting = apprentice.locator(
            "#panel-mentorship-apprentice form[action$='/confirm/']"
        ).count()
        with apprentice.expect_navigation():
            confirm.click()
        apprentice.wait_for_url(re.compile(r"/me/$"))
        assert apprentice.locator(".messages .success").count() == 1
        left = apprentice.locator(
            "#panel-mentorship-apprentice form[action$='/confirm/']"
        ).count()
        assert left == waiting - 1
    finally:
        context.close()


@pytest.mark.parametrize("key", list(DEMO_ACCOUNTS))
def test_no_roles_navigation_overflows(browser, key):
    context, page = _signed_in(browser, DEMO_ACCOUNTS[key][0], DESKTOP)
    try:
        for language in ("/zh-hans", ""):
            for viewport in (PHONE, DESKTOP):
                page.set_viewport_size(viewport)
                page.goto(f"{language}/me/")
                overflow = page.evaluate(
                    "Math.max(...[...document.querySelectorAll("
                    "'.site-header, .site-header nav, .site-header ul')]"
                    ".map(e => e.scrollWidth - e.clientWidth), "
                    "document.documentElement.scrollWidth - window.innerWidth)"
                )
                assert overflow <= 0, (key, language, viewport, overflow)
                if viewport is PHONE and page.locator(".personal-menu").count():
                    summary = page.locator(".personal-menu summary")
                    assert summary.is_visible()
                    # The current page is named in the closed menu.
                    current = page.locator(
                        ".personal-flat a[aria-current=page]"
                    ).get_attribute("href")
                    assert current and current.endswith("/me/")
    finally:
        context.close()


def test_the_text_size_stays_on_every_page(browser):
    context, page = _signed_in(browser, APPRENTICE, PHONE)
    try:
        page.goto("/zh-hans/me/")
        with page.expect_navigation():
            page.locator(".text-size-switch button.size-larger").click()
        for path in ("/zh-hans/me/", "/zh-hans/learning/", "/zh-hans/"):
            page.goto(path)
            assert "text-larger" in page.locator("html").get_attribute("class")
        with page.expect_navigation():
            page.locator(".text-size-switch button.size-normal").click()
        assert "text-normal" in page.locator("html").get_attribute("class")
    finally:
        context.close()
