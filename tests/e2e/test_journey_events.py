"""Journey: events at the door, on phones (360 px), in Chinese. Wang Fang (a textile
worker) reserves a seat at the regional sub-forum of the 2nd Great Country Craftsman
conference and opens her ticket; the steward Tian Tian opens the sub-forum's
check-in page from the event's counts, checks her in with the typed-code fallback
(the camera cannot run headless) and a second check-in of the same ticket is
refused with the time of the first. Controls are found by their form's address or
data attribute, not by their wording."""

import re

import pytest

from tests.e2e.conftest import BASE_URL, PHONE, sign_in

pytestmark = pytest.mark.e2e

VISITOR = "learner@demo.craftskills.cn"  # 王芳
STEWARD = "steward@demo.craftskills.cn"  # 田甜
EVENT = "/zh-hans/events/2nd-great-country-craftsman-conference/"
SUB_FORUM = "分论坛：京津冀地区工匠交流"


def _phone(browser, email: str):
    context = browser.new_context(base_url=BASE_URL, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def test_a_visitor_reserves_and_a_steward_checks_her_in_once(browser, journey):
    visitor, page = _phone(browser, VISITOR)
    try:
        page.goto(EVENT)
        journey.check(page, "event-page", chinese=True)
        session = page.locator("li.session").filter(has_text=SUB_FORUM)
        with page.expect_navigation():
            session.locator("form[action$='/reserve/'] button").click()
        assert re.search(r"/reservations/\d+/$", page.url), page.url
        code = page.locator("[data-ticket-code]").inner_text().strip()
        assert re.fullmatch(r"\d+-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", code), code
        assert page.locator(".ticket-qr svg").count() == 1
        journey.check(page, "ticket", chinese=True)
    finally:
        visitor.close()

    steward, page = _phone(browser, STEWARD)
    try:
        page.goto(EVENT)
        page.locator("a[href$='/desk/']").click()
        page.wait_for_url(re.compile(r"/desk/$"))
        row = page.locator("tr").filter(has_text=SUB_FORUM)
        assert row.locator("td").nth(1).inner_text().strip() == "1"  # reserved
        row.locator("a[href$='/check-in/']").click()
        page.wait_for_url(re.compile(r"/check-in/$"))
        journey.check(page, "check-in", chinese=True)

        form = page.locator("form[data-check-in-form]")
        form.locator("input[name=code]").fill(code.lower())  # typed, any case
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert page.locator(".check-in-ok").count() == 1
        assert "王芳" in page.locator(".check-in-ok").inner_text()
        journey.check(page, "checked-in", chinese=True)

        form.locator("input[name=code]").fill(code)
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert page.locator(".check-in-ok").count() == 0
        refusal = page.locator("form[data-check-in-form] .error").inner_text()
        assert re.search(r"已于 \d{2}:\d{2} 签到", refusal), refusal
        journey.check(page, "second-scan-refused", chinese=True)
    finally:
        steward.close()
