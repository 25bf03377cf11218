"""Every demo login printed by `make run` reaches its own pages, and each of them
renders without a server error, sideways scrolling or serious accessibility faults."""

import pytest

from lms.demo import DEMO_ACCOUNTS
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("key", list(DEMO_ACCOUNTS))
def test_demo_login_reaches_its_own_pages(browser, key):
    from tests.e2e.conftest import BASE_URL, DESKTOP, Journey

    context = browser.new_context(base_url=BASE_URL, viewport=DESKTOP)
    page = context.new_page()
    try:
        sign_in(page, DEMO_ACCOUNTS[key][0])
        assert "/accounts/login/" not in page.url, f"{key} could not sign in"
        personal = page.locator(".personal-bar .personal-flat a")
        links = [
            (personal.nth(i).inner_text(), personal.nth(i).get_attribute("href"))
            for i in range(personal.count())
        ]
        assert links, f"{key} has no pages of their own in the navigation"
        journey = Journey(f"demo-{key}")
        for label, href in links:
            if href.startswith("/admin/"):
                response = page.goto(href)
                assert response.status == 200, (key, href)
                continue
            response = page.goto(href)
            assert response.status == 200, (key, label, href, response.status)
            journey.check(page, label.lower().replace(" ", "-"))
    finally:
        context.close()
