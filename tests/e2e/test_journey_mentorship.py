"""Journey 2: a union coordinator sets up a mentorship agreement between Han Liping and
Wang Fang; both sign, the coordinator approves as witness; the mentor logs a guidance
session with a photo on a phone; the apprentice confirms it and sees her progress.

The coordinator works in English, the mentor and the apprentice in Chinese (their
preferred language), so their pages are also checked for untranslated text. Controls on
the Chinese pages are found by their form's address or field id, not by their wording,
so a better translation does not break the journey."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from tests.e2e.conftest import BASE_URL, PHONE, sign_in, tab_to

pytestmark = pytest.mark.e2e

COORDINATOR = "coordinator@demo.craftskills.cn"
MENTOR = "han.liping@demo.craftskills.cn"  # Han Liping
APPRENTICE = "learner@demo.craftskills.cn"  # Wang Fang, textile mill
ENTERPRISE = "Shaanxi Northwest No. 7 Cotton Textile Mill"
OCCUPATION = "Textile machinery fitter"
OCCUPATION_ZH = "纺织设备保全工"


def _today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def _signed_in(browser, email: str, *, viewport=None):
    """A browser context of its own for one person, signed in; and its page."""
    context = browser.new_context(
        base_url=BASE_URL, viewport=viewport or {"width": 1280, "height": 800}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def _end_open_agreement(page) -> None:
    """On a server reused without a fresh database, an earlier run's open agreement
    between the two would block a new one: the coordinator terminates it first."""
    open_rows = (
        page.locator("tbody tr")
        .filter(has_text="韩利萍")
        .filter(has_text="王芳")
        .filter(has_text=re.compile("Draft|Awaiting signatures|Active"))
    )
    page.goto("/mentorship/agreements/")
    while open_rows.count():
        open_rows.first.get_by_role("link").first.click()
        page.get_by_role("link", name="Terminate").click()
        page.get_by_label("Reason").fill("Left over from an earlier test run.")
        page.get_by_role("button", name="Terminate the agreement").click()
        page.goto("/mentorship/agreements/")


def test_agreement_signed_then_phone_session_confirmed(
    browser, page, journey, tmp_path
):
    today = _today()

    # --- the union coordinator sets up the agreement and sends it to sign ----------
    sign_in(page, COORDINATOR)
    _end_open_agreement(page)
    page.goto("/mentorship/agreements/")
    journey.check(page, "coordinator-agreements")
    page.get_by_role("link", name="New agreement").click()
    page.get_by_label("Mentor").select_option(label="韩利萍")
    page.get_by_label("Apprentice's e-mail address").fill(APPRENTICE)
    page.get_by_label("Apprentice's enterprise").select_option(label=ENTERPRISE)
    page.get_by_label("Occupation").select_option(label=OCCUPATION)
    page.get_by_label("Goals").fill(
        "1. Keep the high-speed winding machines running without spindle vibration.\n"
        "2. Reach the intermediate fitter level (level 4)."
    )
    page.get_by_label("Start date").fill(
        (today - datetime.timedelta(days=60)).isoformat()
    )
    page.get_by_label("End date").fill(
        (today + datetime.timedelta(days=300)).isoformat()
    )
    page.get_by_label("Planned meetings").select_option(label="Weekly")
    page.get_by_label("Planned hours").fill("40")
    journey.check(page, "agreement-form")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/mentorship/agreements/\d+/$"))
    agreement_url = page.url.removeprefix(BASE_URL)
    pk = re.search(r"/agreements/(\d+)/", agreement_url).group(1)
    journey.check(page, "agreement-draft")
    page.get_by_role("button", name="Send for signature").click()
    page.get_by_text("sent to the mentor and the apprentice").wait_for()
    journey.check(page, "agreement-sent")

    # --- the mentor signs, with the keyboard only ----------------------------------
    mentor_context, mentor = _signed_in(browser, MENTOR)
    mentor.goto("/zh-hans/mentorship/")
    journey.check(mentor, "mentor-to-sign", chinese=True)
    mentor.locator(f"a[href$='/mentorship/agreements/{pk}/']").first.click()
    sign = mentor.locator(f"form[action$='/agreements/{pk}/sign/'] button")
    # The trade reads in Chinese too (the occupation's Chinese name).
    assert mentor.locator("dl.terms dd", has_text=OCCUPATION_ZH).count() == 1
    journey.check(mentor, "mentor-agreement", chinese=True)
    tab_to(mentor, sign)
    with mentor.expect_navigation():  # the signature's POST and its redirect
        mentor.keyboard.press("Enter")
    mentor.wait_for_load_state("networkidle")
    assert sign.count() == 0, "the mentor's signature was not taken"
    journey.check(mentor, "mentor-signed", chinese=True)

    # --- the apprentice signs, with the keyboard only ------------------------------
    apprentice_context, apprentice = _signed_in(browser, APPRENTICE)
    apprentice.goto("/zh-hans/mentorship/")
    journey.check(apprentice, "apprentice-to-sign", chinese=True)
    apprentice.locator(f"a[href$='/mentorship/agreements/{pk}/']").first.click()
    sign = apprentice.locator(f"form[action$='/agreements/{pk}/sign/'] button")
    tab_to(apprentice, sign)
    with apprentice.expect_navigation():  # the signature's POST and its redirect
        apprentice.keyboard.press("Enter")
    apprentice.wait_for_load_state("networkidle")
    assert sign.count() == 0, "the apprentice's signature was not taken"
    signatures = apprentice.locator("section[aria-labelledby=signatures] ul.list li")
    assert signatures.count() == 2, "both parties should have signed"
    journey.check(apprentice, "apprentice-signed", chinese=True)

    # --- the coordinator approves as witness ---------------------------------------
    page.goto(agreement_url)
    page.get_by_role("button", name="Approve as witness").click()
    page.get_by_text("approved and now active").wait_for()
    journey.check(page, "agreement-active")

    # --- the mentor logs a session with a photo on a phone -------------------------
    photo = tmp_path / "workstation.png"
    Image.new("RGB", (64, 48), (11, 110, 153)).save(photo)
    phone_context, phone = _signed_in(browser, MENTOR, viewport=PHONE)
    phone.goto(f"/zh-hans/mentorship/agreements/{pk}/")
    phone.locator(f"a[href$='/agreements/{pk}/sessions/new/']").click()
    session_day = today - datetime.timedelta(days=2)
    phone.locator("#id_date").fill(session_day.isoformat())
    phone.locator("#id_start_time").fill("09:00")
    phone.locator("#id_end_time").fill("11:30")
    phone.locator("#id_workshop").fill("Winding workshop 2")
    phone.locator("#id_workstation").fill("Winder 14")
    phone.locator("#id_topics").fill("Balancing spindles above 8,000 rpm")
    phone.locator("#id_skills").fill("Reading the vibration meter, replacing bearings")
    phone.locator("#id_photos").set_input_files(str(photo))
    journey.check(phone, "mentor-session-form-phone", chinese=True)
    phone.locator("form.session-form button[type=submit]").click()
    phone.wait_for_url(re.compile(rf"/agreements/{pk}/$"))
    assert phone.locator(".session .photos img").count() == 1, "the photo is not shown"
    journey.check(phone, "mentor-session-logged-phone", chinese=True)

    # --- the apprentice confirms it, with the keyboard only ------------------------
    apprentice.goto("/zh-hans/mentorship/")
    confirm = apprentice.locator(
        "#to-confirm ~ ul form[action$='/confirm/'] button"
    ).first
    journey.check(apprentice, "apprentice-to-confirm", chinese=True)
    tab_to(apprentice, confirm)
    with apprentice.expect_navigation():
        apprentice.keyboard.press("Enter")
    apprentice.wait_for_url(re.compile(rf"/agreements/{pk}/$"))
    assert apprentice.locator(".session .badge.ok").count() == 1
    journey.check(apprentice, "apprentice-confirmed", chinese=True)

    # --- the apprentice's progress page shows the hours and the chart --------------
    apprentice.goto(f"/zh-hans/mentorship/agreements/{pk}/progress/")
    hours = apprentice.locator(".figures .figure").first.inner_text()
    assert re.fullmatch(r"2\.5\s*/\s*40(\.0+)?", hours.strip()), hours
    chart = apprentice.locator("figure.hours-chart svg[role=img]")
    assert chart.is_visible()
    assert chart.locator("polyline.actual").count() == 1
    journey.check(apprentice, "apprentice-progress", chinese=True)

    for context in (mentor_context, apprentice_context, phone_context):
        context.close()
