"""Journey: a roadshow judged live, on phones (360 px), in Chinese. The organiser's
set-up is the demo's: a second round of the 2nd Great Country Craftsman
conference's roadshow (three presenters, one of the No. 7 Cotton Mill) is opened
with the demo's sheet, five demo judges and the demo chair, through the same
service. Five judges score on their phones, each in a browser of their own; Liu
Hongmei (judge2, a worker of the mill) sees the mill's presenter as "same
enterprise" and a score forced for her is refused. The hall screen says the results
are not revealed until the chair closes scoring and reveals; the chair signs off and
publishes, and the event page shows the winners and awards in Chinese and English.
Controls are found by their form's address or class, not by their wording."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import BASE_URL, PHONE, sign_in

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
EVENT = "/zh-hans/events/2nd-great-country-craftsman-conference/"
EVENT_EN = "/events/2nd-great-country-craftsman-conference/"
JUDGES = [f"judge{n}@demo.craftskills.cn" for n in ("", "2", "3", "4", "5")]
CONFLICTED = "judge2@demo.craftskills.cn"  # 刘红梅, No. 7 Cotton Mill
CHAIR = "chair@demo.craftskills.cn"  # 郑永华
MILL_PRESENTER = "马晓燕"

SETUP = """
from home.events.judging import services
from home.events.judging.models import Panel
from home.events.models import EventSession
from home.models import ScoreSheet
from lms.demo import demo_user
from lms.models import Enterprise
first = Panel.objects.exclude(session=None).order_by("pk").first()  # the roadshow
mill = first.contestants.get(display_name="马晓燕")
panel = services.panel_create(
    name="Craftsman roadshow, second round", name_zh="工匠路演（第二轮）",
    sheet=first.sheet, chair=demo_user("chair"),
    judges=[demo_user(k) for k in ("judge", "judge2", "judge3", "judge4", "judge5")],
    contestants=[
        {"display_name": "马晓燕", "enterprise": mill.enterprise,
         "title": "Ring-frame piecing robot", "title_zh": "细纱接头机器人"},
        {"display_name": "赵磊", "enterprise": None,
         "title": "Rail grinding gauge", "title_zh": "钢轨打磨检测尺"},
        {"display_name": "钱芳", "enterprise": None,
         "title": "Boiler tube inspection", "title_zh": "锅炉管道巡检法"},
    ],
    bands=[(1, 1, "Best display", "最佳展示"), (2, 3, "Wonderful display", "精彩展示")],
    session=first.session,
)
print(panel.pk)
"""


def _open_panel() -> int:
    """The second round, opened through the service (the organiser's set-up)."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SETUP],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def _phone(browser, email: str | None = None):
    context = browser.new_context(base_url=BASE_URL, viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    if email:
        sign_in(page, email)
        assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def _score_all(page, journey, label):
    """Fills every open score form (a value per criterion) and submits it."""
    while page.locator("form.score-form").count():
        form = page.locator("form.score-form").first
        for n, field in enumerate(form.locator("input[type=number]").all()):
            field.fill(str(7 + (n % 3)))
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert page.locator(".messages .success, .message.success").count() >= 1
    journey.check(page, label, chinese=True)


def test_five_judges_score_the_chair_reveals_and_publishes(browser, journey):
    pk = _open_panel()
    judge_url = f"/zh-hans/judging/panels/{pk}/"
    hall_context, hall = _phone(browser)
    try:
        hall.goto(f"/zh-hans/judging/panels/{pk}/hall/")
        assert "结果尚未揭晓" in hall.locator(".hall-live").inner_text()
        journey.check(hall, "hall-hidden", chinese=True)

        for email in JUDGES:
            context, page = _phone(browser, email)
            try:
                page.goto(judge_url)
                cards = page.locator("li.contestant")
                assert cards.count() == 3
                if email == CONFLICTED:
                    mill = cards.filter(has_text=MILL_PRESENTER)
                    assert "同一企业" in mill.locator(".conflict").inner_text()
                    assert mill.locator("form.score-form").count() == 0
                    journey.check(page, "conflicted-judge", chinese=True)
                    # A score forced for the mill's presenter (another card's form
                    # sent to her address) is refused with the reason.
                    mill_id = mill.get_attribute("id").removeprefix("c")
                    with page.expect_navigation():
                        page.evaluate(
                            """([url, id]) => {
                              const form = document.querySelector("form.score-form");
                              form.action = url;
                              form.querySelectorAll("input[type=number]").forEach(i => {
                                i.name = i.name.replace(/^p\\d+-/, "p" + id + "-");
                                i.value = "9";
                              });
                              form.submit();
                            }""",
                            [f"{judge_url}contestants/{mill_id}/score/", mill_id],
                        )
                    refusal = page.locator(f"#c{mill_id} .form-errors").inner_text()
                    assert "同一企业" in refusal, refusal
                    journey.check(page, "conflicted-judge-refused", chinese=True)
                _score_all(page, journey, f"judge-{email.split('@')[0]}")
                assert page.locator("form.score-form").count() == 0
                assert page.locator(".locked").count() == (
                    2 if email == CONFLICTED else 3
                )
            finally:
                context.close()

        hall.reload()
        assert "结果尚未揭晓" in hall.locator(".hall-live").inner_text()

        chair_context, chair = _phone(browser, CHAIR)
        try:
            chair.goto(f"/zh-hans/judging/panels/{pk}/console/")
            assert chair.locator(".cell-waiting").count() == 0
            assert chair.locator(".cell-conflict").count() == 1
            journey.check(chair, "console", chinese=True)
            for step in ("close", "reveal"):
                with chair.expect_navigation():
                    chair.locator(f"form[action$='/{step}/'] button").click()
            # The hall's screen picks the ranking up by itself (polling).
            hall.locator(".hall-board").wait_for(timeout=15_000)
            assert hall.locator(".hall-board li").count() == 3
            assert "最佳展示" in hall.locator(".hall-board").inner_text()
            journey.check(hall, "hall-revealed", chinese=True)
            for step in ("sign_off", "publish"):
                with chair.expect_navigation():
                    chair.locator(f"form[action$='/{step}/'] button").click()
            journey.check(chair, "published", chinese=True)
        finally:
            chair_context.close()

        hall.goto(EVENT)
        awards = hall.locator("#awards")
        assert "工匠路演（第二轮）" in awards.inner_text()
        assert "最佳展示" in awards.inner_text() and "精彩展示" in awards.inner_text()
        journey.check(hall, "event-awards", chinese=True)
        hall.goto(EVENT_EN)
        text = hall.locator("#awards").inner_text()
        assert "Craftsman roadshow, second round" in text
        assert re.search(r"Best display", text) and "Wonderful display" in text
        journey.check(hall, "event-awards-en")
    finally:
        hall_context.close()
