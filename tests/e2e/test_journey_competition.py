"""Journey: a skills competition's placing, on a phone (360 px), in Chinese. Wang
Fang (a spinner of the textile mill) won the demo's Jiangsu textile and chemical
fibre workers' competition: her skill-level ladder shows the placing as evidence
("may apply for 三级/高级工"), its link opens the competition's published rankings,
and her placing certificate's link there opens the public verification page, which
finds the certificate and shows the placing. Then the same certificate verifies in
English for a visitor who is not signed in. Controls are found by their address,
not by their wording."""

import re

import pytest

from tests.e2e.conftest import BASE_URL, PHONE, sign_in

pytestmark = pytest.mark.e2e

WINNER = "learner@demo.craftskills.cn"  # 王芳
COMPETITION_ZH = "2026年江苏省纺织化纤行业职工职业技能竞赛（纺纱工）"


def test_a_placing_shows_on_the_winners_ladder_and_its_certificate_verifies(
    browser, journey
):
    context = browser.new_context(base_url=BASE_URL, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, WINNER)
        page.goto("/zh-hans/certificates/")
        evidence = page.locator(".ladder-evidence").filter(has_text=COMPETITION_ZH)
        assert evidence.count() == 1
        text = evidence.inner_text()
        assert "第一名" in text and "可申报" in text, text
        journey.check(page, "ladder", chinese=True)

        evidence.locator("a[href*='/competitions/']").click()
        page.wait_for_url(re.compile(r"/zh-hans/competitions/\d+/$"))
        assert page.locator("h1").inner_text().strip() == COMPETITION_ZH
        first = page.locator("table.competition-rankings tbody tr").first
        assert "王芳" in first.inner_text()
        assert first.locator("td").first.inner_text().strip() == "1"
        journey.check(page, "rankings", chinese=True)

        first.locator("a[href*='/verify/']").click()
        page.wait_for_url(re.compile(r"/zh-hans/verify/[^/]+/$"))
        verify_url = page.url
        card = page.locator(".card").first.inner_text()
        assert "竞赛名次证书" in card and "第一名" in card, card
        assert "王*" in card  # the holder's name, partly masked
        journey.check(page, "verified", chinese=True)
    finally:
        context.close()

    visitor = browser.new_context(base_url=BASE_URL, viewport=PHONE)
    try:
        page = visitor.new_page()
        page.goto(verify_url.replace("/zh-hans/", "/"))
        card = page.locator(".card").first.inner_text()
        assert "Competition placing certificate" in card, card
        assert "1st place" in card, card
        journey.check(page, "verified-english")
    finally:
        visitor.close()
