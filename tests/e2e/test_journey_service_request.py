"""Journey 3: the HR of the Xi'an auto park posts a service request for a welder; the
union coordinator publishes it; Yi Ran (a welder) offers to take it and is assigned;
he records a visit and closes it with a solution; the enterprise confirms and rates
it with the keyboard only; Yi Ran's craftsman profile counts one more request solved.

HR and the coordinator work in English, Yi Ran in Chinese (his preferred language), so
his pages are also checked for untranslated text. Controls on the Chinese pages are
found by their form's address or field id, not by their wording."""

import datetime
import re
import uuid
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.conftest import BASE_URL, sign_in, tab_to

pytestmark = pytest.mark.e2e

HR = "hr@demo.craftskills.cn"  # Zhao Min, HR of the Xi'an auto park
COORDINATOR = "coordinator@demo.craftskills.cn"
MENTOR = "yi.ran@demo.craftskills.cn"  # Yi Ran, welder
PROFILE = "/role-models/yi-ran/"


def _today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date()


def _signed_in(browser, email: str):
    """A browser context of its own for one person, signed in; and its page."""
    context = browser.new_context(
        base_url=BASE_URL, viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    assert "/accounts/login/" not in page.url, f"{email} could not sign in"
    return context, page


def _requests_solved(page) -> int:
    """The "service requests solved" figure on Yi Ran's craftsman profile."""
    page.goto(PROFILE)
    figure = page.locator("li.figure-stat").filter(
        has_text=re.compile("service requests? solved")
    )
    if figure.count() == 0:  # a figure of 0 is not advertised
        return 0
    return int(figure.locator("strong").inner_text().replace(",", ""))


def test_service_request_posted_solved_rated_and_counted(browser, page, journey):
    today = _today()
    title = f"Weld spatter on the bracket line ({uuid.uuid4().hex[:6]})"

    # ``page`` stays anonymous: the profile is compared as a visitor sees it.
    solved_before = _requests_solved(page)
    journey.check(page, "profile-before")

    # --- the enterprise posts the request ------------------------------------------
    hr_context, hr = _signed_in(browser, HR)
    hr.goto("/mentorship/requests/")
    journey.check(hr, "hr-requests")
    hr.get_by_role("link", name="New service request").click()
    hr.get_by_label("Title").fill(title)
    hr.get_by_label("Technical problem").fill(
        "Heavy spatter on the robot welds of the seat brackets since the new wire "
        "batch; parts need grinding before painting."
    )
    hr.get_by_label("Occupation").select_option(label="Welder")
    hr.get_by_label("Site").fill("Bracket line, robot cell 4")
    hr.get_by_label("Urgency").select_option(label="High")
    hr.get_by_label("Preferred from").fill(
        (today + datetime.timedelta(days=3)).isoformat()
    )
    hr.get_by_label("Preferred until").fill(
        (today + datetime.timedelta(days=20)).isoformat()
    )
    journey.check(hr, "hr-request-form")
    hr.get_by_role("button", name="Save").click()
    hr.wait_for_url(re.compile(r"/mentorship/requests/\d+/$"))
    request_url = hr.url.removeprefix(BASE_URL)
    pk = re.search(r"/requests/(\d+)/", request_url).group(1)
    hr.get_by_text("sent to the union for review").wait_for()
    journey.check(hr, "hr-request-submitted")

    # --- the union coordinator publishes it ----------------------------------------
    coordinator_context, coordinator = _signed_in(browser, COORDINATOR)
    coordinator.goto("/mentorship/requests/?status=submitted")
    journey.check(coordinator, "coordinator-submitted-requests")
    coordinator.get_by_role("link", name=title).click()
    coordinator.get_by_role("button", name="Publish to mentors").click()
    coordinator.get_by_text("published to the mentors of its trade").wait_for()
    journey.check(coordinator, "coordinator-published")

    # --- Yi Ran, a welder, offers to take it ---------------------------------------
    mentor_context, mentor = _signed_in(browser, MENTOR)
    mentor.goto("/zh-hans/mentorship/mentor/")
    journey.check(mentor, "mentor-dashboard", chinese=True)
    mentor.locator(f"a[href$='/mentorship/requests/{pk}/']").click()
    journey.check(mentor, "mentor-request", chinese=True)
    offer = mentor.locator(f"form[action$='/requests/{pk}/offer/']")
    offer.locator("#id_note").fill("I can come on Thursday morning.")
    offer.locator("button[type=submit]").click()
    mentor.wait_for_url(re.compile(rf"/requests/{pk}/$"))
    assert offer.count() == 0, "the offer was not taken"
    journey.check(mentor, "mentor-offered", chinese=True)

    # --- the coordinator assigns him -----------------------------------------------
    coordinator.goto(request_url)
    offers = coordinator.locator("section[aria-labelledby=offers]")
    assert offers.get_by_text("易冉").count() == 1, "Yi Ran's offer is not listed"
    coordinator.get_by_role("combobox", name="Mentor").select_option(label="易冉")
    journey.check(coordinator, "coordinator-assign")
    coordinator.get_by_role("button", name="Assign").click()
    coordinator.get_by_text("The mentor is assigned").wait_for()
    journey.check(coordinator, "coordinator-assigned")

    # --- Yi Ran records a visit and closes the request with a solution --------------
    mentor.goto(f"/zh-hans/mentorship/requests/{pk}/")
    mentor.locator(f"a[href$='/requests/{pk}/visits/new/']").click()
    mentor.locator("#id_date").fill((today - datetime.timedelta(days=1)).isoformat())
    mentor.locator("#id_start_time").fill("08:30")
    mentor.locator("#id_end_time").fill("12:00")
    mentor.locator("#id_workshop").fill("Bracket line")
    mentor.locator("#id_workstation").fill("Robot cell 4")
    mentor.locator("#id_problem").fill("Spatter with the new wire batch")
    journey.check(mentor, "mentor-visit-form", chinese=True)
    mentor.locator("form.session-form button[type=submit]").click()
    mentor.wait_for_url(re.compile(rf"/requests/{pk}/$"))
    assert mentor.locator("section[aria-labelledby=visits] .session").count() == 1
    journey.check(mentor, "mentor-visit-recorded", chinese=True)
    close = mentor.locator(f"form[action$='/requests/{pk}/close/']")
    close.locator("#id_solution").fill(
        "Lowered the wire feed by 0.5 m/min and switched to 82/18 shielding gas; "
        "spatter gone on 50 test parts, no grinding needed."
    )
    close.locator("button[type=submit]").click()
    mentor.wait_for_url(re.compile(rf"/requests/{pk}/$"))
    assert close.count() == 0, "the request was not closed"
    journey.check(mentor, "mentor-closed", chinese=True)

    # --- the enterprise confirms and rates it, with the keyboard only ---------------
    hr.goto(request_url)
    confirm = hr.locator(f"form[action$='/requests/{pk}/confirm/']")
    journey.check(hr, "hr-to-confirm")
    tab_to(hr, confirm.locator("input[name=rating][value='5']"))
    hr.keyboard.press("Space")
    hr.keyboard.press("Tab")
    assert confirm.get_by_label("Feedback (optional)").evaluate(
        "el => el === document.activeElement"
    )
    hr.keyboard.type("Fast help on the line; the new settings work.")
    hr.keyboard.press("Tab")
    assert confirm.locator("button[type=submit]").evaluate(
        "el => el === document.activeElement"
    )
    hr.keyboard.press("Enter")
    hr.get_by_text("the solution is confirmed").wait_for()
    assert hr.locator("dd", has_text="5/5").count() == 1
    journey.check(hr, "hr-confirmed")

    # --- Yi Ran's profile counts one more request solved ---------------------------
    assert _requests_solved(page) == solved_before + 1
    journey.check(page, "profile-after")

    for context in (hr_context, coordinator_context, mentor_context):
        context.close()
