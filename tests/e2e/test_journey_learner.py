"""Journey 1: a worker signs up, verifies the e-mail, switches to Chinese and learns."""

import re
import uuid

import pytest

from tests.e2e.conftest import latest_mail_link

pytestmark = pytest.mark.e2e


def test_worker_signs_up_verifies_and_switches_to_chinese(page, journey):
    email = f"worker-{uuid.uuid4().hex[:8]}@example.com"
    page.goto("/")
    journey.check(page, "home")

    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label(re.compile("^E-?mail", re.I)).fill(email)
    page.get_by_label("Your name").fill("Zhang Wei")
    page.get_by_label(re.compile("^Password:?$")).fill("loom-vision-2026")
    page.get_by_label(re.compile("Password \\(again\\)")).fill("loom-vision-2026")
    journey.check(page, "signup-form")
    page.get_by_role("button", name="Sign Up").click()
    journey.check(page, "verification-sent")

    page.goto(latest_mail_link(r"/accounts/confirm-email/"))
    journey.check(page, "confirm-email")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/me/$"))
    journey.check(page, "my-page")

    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url(re.compile(r"/zh-hans/me/$"))
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    journey.check(page, "my-page-chinese", chinese=True)
