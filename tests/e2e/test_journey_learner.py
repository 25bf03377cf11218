"""Journey 1: a worker signs up, verifies the e-mail, switches to Chinese, takes
"AI + Textile" to the end, and checks the certificate the course issues."""

import io
import re
import uuid

import pytest
from PIL import Image
from pypdf import PdfReader

from courses.demo_content import AI_TEXTILE, bid
from tests.e2e.conftest import BASE_URL, DESKTOP, latest_mail_link, sign_in, tab_to

pytestmark = pytest.mark.e2e
PASSWORD = "loom-vision-2026"


def answer_key() -> dict[str, dict]:
    """Question id → its definition, from the demo course the server loaded."""
    key = {}
    for _title, _module, _minutes, blocks in AI_TEXTILE:
        for block in blocks:
            if block["type"] == "quiz":
                for question in block["value"]["questions"]:
                    key[question["id"]] = question
    return key


def answer(page, question: dict, *, right: bool) -> None:
    name = f"q-{question['id']}"
    kind, value = question["type"], question["value"]
    if kind in ("single_choice", "multiple_choice"):
        options = value["options"]
        chosen = [o for o in options if o["value"]["correct"] == right]
        if kind == "single_choice" or not right:
            chosen = chosen[:1]
        for option in chosen:
            page.locator(f"input[name='{name}'][value='{option['id']}']").check()
    elif kind == "true_false":
        truth = (
            value["answer"]
            if right
            else {"true": "false", "false": "true"}[value["answer"]]
        )
        page.locator(f"input[name='{name}'][value='{truth}']").check()
    else:
        number = float(value["answer"]) + (0 if right else 1000)
        page.locator(f"input[name='{name}']").fill(f"{number:g}")


FINAL_QUIZ = bid("ait-final")
# Dates as an English or US page writes them; a Chinese page writes 2026年12月2日.
NOT_CHINESE_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b[AP]\.?M\.?\b"
)


def assert_chinese_dates(page, step: str) -> None:
    """Every date on the page in the Chinese style (no US or English dates)."""
    text = page.locator("main").inner_text()
    wrong = NOT_CHINESE_DATE.search(text)
    assert not wrong, f"{step}: a date not in the Chinese style: {wrong.group(0)!r}"


def take_quizzes(page, key: dict, *, journey, step: str) -> None:
    """Passes every quiz of the lesson; the final quiz is failed once first."""
    failed_final = False
    while page.locator("form[action*='/quizzes/'] button[type=submit]").count():
        form = page.locator("form[action*='/quizzes/']").first
        fail_first = FINAL_QUIZ in form.get_attribute("action") and not failed_final
        failed_final = failed_final or fail_first
        names = form.locator("input[name^='q-']").evaluate_all(
            "els => [...new Set(els.map(e => e.name))]"
        )
        right = not fail_first
        for name in names:
            answer(page, key[name.removeprefix("q-")], right=right)
        journey.check(page, f"{step}-quiz", chinese=True)
        form.locator("button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        journey.check(page, f"{step}-quiz-result", chinese=True)
        if fail_first:
            assert page.locator(".badge.warn, .badge.bad").count() > 0
        page.go_back()
        page.reload()


def photo(tmp_path, name: str) -> str:
    path = tmp_path / name
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "#3a6ea5").save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_worker_learns_in_chinese_and_gets_a_verified_certificate(
    browser, page, journey, tmp_path
):
    email = f"worker-{uuid.uuid4().hex[:8]}@example.com"
    page.goto("/")
    journey.check(page, "home")

    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label(re.compile("^E-?mail", re.I)).fill(email)
    page.get_by_label("Your name").fill("Zhang Wei")
    page.get_by_label(re.compile("^Password(?! again)")).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    journey.check(page, "signup-form")
    page.get_by_role("button", name="Make my account").click()
    journey.check(page, "verification-sent")

    page.goto(latest_mail_link(r"/accounts/confirm-email/"))
    journey.check(page, "confirm-email")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/me/$"))
    journey.check(page, "my-page")

    # The language switch, with the keyboard alone.
    switch = page.get_by_role("button", name="简体中文")
    tab_to(page, switch)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zh-hans/me/$"))
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    journey.check(page, "my-page-chinese", chinese=True)

    # Site search in Chinese finds the course by a word of its text: 织机 (loom).
    page.goto("/zh-hans/search/")
    page.locator("input[name=q]").fill("织机")
    page.locator("input[name=q]").press("Enter")
    page.wait_for_load_state("networkidle")
    journey.check(page, "search", chinese=True)
    assert_chinese_dates(page, "search")
    page.locator("main").get_by_role("link", name=re.compile("人工智能")).first.click()
    page.wait_for_load_state("networkidle")
    assert "/zh-hans/courses/" in page.url
    journey.check(page, "course", chinese=True)
    page.locator("form[action*='/enrol/'] button").click()
    page.wait_for_load_state("networkidle")
    journey.check(page, "enrolled", chinese=True)
    lesson_urls = page.locator(".lesson-list a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(lesson_urls) >= 6

    key = answer_key()
    for number, url in enumerate(lesson_urls, start=1):
        page.goto(url)
        assert "/zh-hans/" in page.url
        journey.check(page, f"lesson-{number}", chinese=True)
        take_quizzes(page, key, journey=journey, step=f"lesson-{number}")
        if page.locator("form[action*='/practical'] input[type=file]").count():
            form = page.locator("form[action*='/practical']").first
            form.locator("textarea").fill("五处报警已确认：三处真实疵点，两处误报。")
            form.locator("input[type=file]").set_input_files(
                [photo(tmp_path, "alarm.png"), photo(tmp_path, "camera.png")]
            )
            form.locator("button[type=submit]").click()
            page.wait_for_load_state("networkidle")
            journey.check(page, f"lesson-{number}-practical-sent", chinese=True)
        complete = page.locator("form[action*='/complete'] button[type=submit]")
        if complete.count():
            complete.click()
            page.wait_for_load_state("networkidle")

    # An instructor of the course signs the practical task off.
    mentor_context = browser.new_context(base_url=BASE_URL, viewport=DESKTOP)
    mentor = mentor_context.new_page()
    sign_in(mentor, "han.liping@demo.craftskills.cn")
    mentor.goto("/learning/practicals/")
    journey.check(mentor, "mentor-reviews")
    mentor.get_by_role("link", name=re.compile("Zhang Wei")).first.click()
    journey.check(mentor, "mentor-review")
    mentor.locator("input[name=decision][value=approve]").check()
    mentor.locator("main form button[type=submit]").click()
    mentor.wait_for_load_state("networkidle")
    journey.check(mentor, "mentor-signed-off")
    mentor_context.close()

    # The completion issued a certificate: find it, download the PDF, verify it.
    page.goto("/zh-hans/learning/")
    journey.check(page, "my-learning-completed", chinese=True)
    assert_chinese_dates(page, "my-learning-completed")

    # The inbox tells of the completion and the certificate, in Chinese.
    page.goto("/zh-hans/me/inbox/")
    journey.check(page, "inbox", chinese=True)
    assert_chinese_dates(page, "inbox")
    inbox = page.locator("main").inner_text()
    assert "证书" in inbox, inbox
    assert not re.search(r"\b(Your|certificate|completed|ready)\b", inbox), inbox

    page.goto("/zh-hans/learning/")
    page.locator("main a.badge[href*='/certificates/']").first.click()
    journey.check(page, "certificate", chinese=True)
    assert_chinese_dates(page, "certificate")
    with page.expect_download() as download:
        page.locator("a[href$='/pdf/']").click()
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Zhang Wei" in text and "证书" in text, text
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text), text
    verify_path = page.locator("a[href*='/verify/']").first.get_attribute("href")
    page.goto("/zh-hans" + re.sub(r"^https?://[^/]+", "", verify_path))
    page.wait_for_load_state("networkidle")
    journey.check(page, "verification-chinese", chinese=True)
    assert_chinese_dates(page, "verification-chinese")
    assert page.locator("main").get_by_text("有效").count() > 0
    # The QR code's address has no language in it: the public page opens in English.
    page.goto(re.sub(r"^https?://[^/]+", "", verify_path))
    page.wait_for_load_state("networkidle")
    journey.check(page, "verification")
    assert page.locator("main").get_by_text(re.compile(r"\bValid\b")).count() > 0
