"""Journey 8: the HR officer of the Xi'an auto park invites a worker at a desktop;
the worker, on a phone and in Chinese, opens the link, makes an account with a
mobile number only, types the code from the text message, joins with the employee
number HR chose, signs out, and signs in again by a code sent to the phone."""

import os
import random
import re
import time
import uuid
from pathlib import Path

import pytest

from tests.e2e.conftest import PHONE, sign_in

pytestmark = pytest.mark.e2e

HR = "hr@demo.craftskills.cn"
SMS_DIR = Path(os.environ.get("E2E_SMS_DIR", "/tmp/craftskills-e2e-sms"))
PASSWORD = "loom-vision-2026"


def latest_code(phone: str, *, after: float) -> str:
    """The code in the newest text message to ``phone`` that the file sender wrote
    after ``after`` (a time.time())."""
    for _ in range(40):
        files = sorted(
            (p for p in SMS_DIR.glob("*.txt") if p.stat().st_mtime >= after),
            key=lambda p: p.name,
        )
        for path in reversed(files):
            text = path.read_text(encoding="utf-8")
            if f"To: {phone}" in text:
                return re.search(r"\b(\d{6})\b", text).group(1)
        time.sleep(0.25)
    raise AssertionError(f"no text message to {phone} in {SMS_DIR}")


def test_worker_joins_by_invitation_and_signs_in_by_phone_code(browser, page, journey):
    employee_number = f"E2E-{uuid.uuid4().hex[:6].upper()}"
    digits = f"139{random.randrange(10**8):08d}"
    phone = "+86" + digits

    # HR, at 1280 px: my page → Invite workers → a new invitation.
    sign_in(page, HR)
    page.goto("/me/")
    page.locator("#panel-lms-invitations").get_by_role(
        "link", name="Invite workers"
    ).click()
    page.get_by_label("For (name)").fill("Zhao Lei")
    page.get_by_label("Employee number").fill(employee_number)
    journey.check(page, "hr-new-invitation")
    page.get_by_role("button", name="Make the invitation").click()
    page.wait_for_url(re.compile(r"/me/invitations/\d+/$"))
    journey.check(page, "hr-invitation-made")
    link = page.locator(".invitation-link").inner_text().strip()
    assert "/join/" in link

    # The worker, on a phone: opens the link, reads it in Chinese.
    worker = browser.new_context(base_url=link.split("/join/")[0], viewport=PHONE)
    worker.set_default_timeout(15_000)
    phone_page = worker.new_page()
    phone_page.goto(link)
    phone_page.get_by_role("button", name="简体中文").click()
    phone_page.wait_for_url(re.compile(r"/zh-hans/join/\w+/$"))
    assert employee_number in phone_page.content()
    journey.check(phone_page, "worker-invitation", chinese=True)

    # A new account with the mobile number only, as typed on a Chinese phone.
    phone_page.get_by_role("link", name="注册账号").click()
    phone_page.get_by_label("您的姓名").fill("赵磊")
    phone_page.get_by_label("手机号").fill(f"{digits[:3]} {digits[3:7]} {digits[7:]}")
    phone_page.get_by_label(re.compile("^密码")).fill(PASSWORD)
    phone_page.get_by_label("再次输入密码").fill(PASSWORD)
    journey.check(phone_page, "worker-signup", chinese=True)
    sent_after = time.time() - 1
    phone_page.get_by_role("button", name="注册").click()
    phone_page.wait_for_url(re.compile(r"/zh-hans/accounts/phone/verify/"))
    journey.check(phone_page, "worker-verify-phone", chinese=True)
    phone_page.get_by_label("验证码").fill(latest_code(phone, after=sent_after))
    phone_page.get_by_role("button", name="确认").click()

    # Back on the invitation, signed in: join.
    phone_page.wait_for_url(re.compile(r"/zh-hans/join/\w+/$"))
    journey.check(phone_page, "worker-join", chinese=True)
    phone_page.get_by_role("button", name="加入", exact=True).click()
    phone_page.wait_for_url(re.compile(r"/zh-hans/me/$"))
    assert "欢迎加入" in phone_page.content()
    journey.check(phone_page, "worker-joined", chinese=True)

    # Sign out, then in again by a code sent to the phone.
    phone_page.get_by_role("button", name="菜单").click()
    phone_page.get_by_role("button", name="退出登录").click()
    phone_page.goto("/zh-hans/accounts/login/")
    phone_page.get_by_role("link", name="用验证码登录").click()
    phone_page.get_by_label("邮箱或手机号").fill(digits)
    journey.check(phone_page, "worker-request-code", chinese=True)
    sent_after = time.time() - 1
    phone_page.get_by_role("button", name="发送验证码").click()
    phone_page.wait_for_url(re.compile(r"/zh-hans/accounts/login/code/confirm/"))
    journey.check(phone_page, "worker-confirm-code", chinese=True)
    phone_page.get_by_label("验证码").fill(latest_code(phone, after=sent_after))
    phone_page.get_by_role("button", name="确认").click()
    phone_page.wait_for_url(re.compile(r"/zh-hans/me/$"))
    journey.check(phone_page, "worker-signed-in-by-code", chinese=True)
    worker.close()

    # HR sees the invitation used, by the worker.
    page.goto("/me/invitations/?show=done")
    assert "赵磊" in page.content()
    journey.check(page, "hr-invitation-used")
