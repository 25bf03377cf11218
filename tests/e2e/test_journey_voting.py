"""Journey: the audience vote on a phone (360 px), in Chinese, with the keyboard.
Li Junle (an apprentice) opens the 2nd Great Country Craftsman conference, follows
its open audience vote, reaches the options with Tab, picks the second one with the
arrow key and votes with Enter; the page thanks him, offers no second vote, and
the totals stay hidden until voting closes. The roadshow's warm-up vote, closed the
day before, shows its published totals. Controls are found by their form's address
or data attribute, not by their wording."""

import re

import pytest

from tests.e2e.conftest import BASE_URL, PHONE, sign_in, tab_to

pytestmark = pytest.mark.e2e

VOTER = "li.junle@demo.craftskills.cn"  # 李俊乐, who has not voted yet
EVENT = "/zh-hans/events/2nd-great-country-craftsman-conference/"


def test_a_visitor_votes_once_with_the_keyboard(browser, journey):
    context = browser.new_context(base_url=BASE_URL, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, VOTER)
        page.goto(EVENT)
        votes = page.locator("#votes li")
        assert votes.count() == 2
        open_vote = votes.filter(has=page.locator("a[href*='/votes/']")).filter(
            has_not=page.locator("a[href$='/results/']")
        )
        with page.expect_navigation():
            open_vote.locator("a[href*='/votes/']").first.click()
        assert re.search(r"/votes/\d+/$", page.url), page.url
        journey.check(page, "ballot", chinese=True)

        radios = page.locator("form.vote input[type=radio]")
        assert radios.count() >= 2
        tab_to(page, radios.first)
        page.keyboard.press("ArrowDown")  # the second option, by the keyboard alone
        assert radios.nth(1).is_checked()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator(".message.success").count() >= 1
        assert page.locator("form.vote").count() == 0
        journey.check(page, "voted", chinese=True)

        page.goto(page.url + "results/")
        assert page.locator("ol.vote-tally").count() == 0  # hidden while open
        journey.check(page, "results-hidden", chinese=True)

        page.goto(EVENT)
        closed = page.locator("#votes a[href$='/results/']")
        with page.expect_navigation():
            closed.first.click()
        tally = page.locator("ol.vote-tally > li")
        assert tally.count() == 4
        assert "韩利萍" in tally.first.inner_text()
        journey.check(page, "results-published", chinese=True)
    finally:
        context.close()
