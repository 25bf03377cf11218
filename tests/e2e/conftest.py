"""Browser journeys: Playwright for Python drives Debian's Chromium against the site
that ``.ci/e2e.sh`` serves with the demo content. Every step is photographed at a
phone and a desktop width and checked for accessibility, sideways overflow and
untranslated text."""

import functools
import os
import re
from pathlib import Path

import pytest

BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1:8765")
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "artifacts/e2e"))
MAIL_DIR = Path(os.environ.get("E2E_MAIL_DIR", "/tmp"))
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 800}


@functools.cache
def axe_source() -> str:
    """axe-core's script, read once."""
    return AXE.read_text() + "\n;true"


DESKTOP = {"width": 1280, "height": 800}
DEMO_PASSWORD = "craft-demo-2026"
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(base_url=BASE_URL, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


class Journey:
    """Takes the photographs and runs the checks of each step of one journey."""

    def __init__(self, name: str):
        self.name = name
        self.step = 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def check(self, page, label: str, *, chinese: bool = False) -> None:
        self.step += 1
        stem = f"{self.name}-{self.step:02d}-{label}"
        page.wait_for_load_state("networkidle")
        original = page.viewport_size
        page.set_viewport_size(PHONE)
        page.screenshot(path=str(SCREENSHOTS / f"{stem}-phone.png"), full_page=True)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        assert overflow <= 0, f"{stem}: page scrolls sideways by {overflow}px at 360px"
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=str(SCREENSHOTS / f"{stem}-desktop.png"), full_page=True)
        page.set_viewport_size(original or DESKTOP)
        assert_accessible(page, stem)
        if chinese:
            assert_translated(page, stem)


def assert_accessible(page, stem: str) -> None:
    # Evaluated through the DevTools protocol, not as a <script> tag: the site's
    # Content-Security-Policy (rightly) refuses inline scripts.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    grave = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
    assert not grave, f"{stem}: accessibility violations: {grave}"


def assert_translated(page, stem: str) -> None:
    """On a Chinese page, headings, buttons and labels must not be English."""
    texts = page.eval_on_selector_all(
        "h1, h2, h3, button, label, .button, nav a",
        "els => els.filter(e => e.offsetParent !== null).map(e => e.innerText.trim())",
    )
    english = [
        t
        for t in texts
        if re.search(r"[A-Za-z]{3,}", t) and not CJK.search(t) and t not in ALLOWED
    ]
    assert not english, f"{stem}: untranslated text on a Chinese page: {english}"


# Names and words that are the same in both languages.
ALLOWED = {"English", "AI", "PDF", "CSV", "XLSX", "QR"}


@pytest.fixture
def journey(request):
    return Journey(request.node.name.removeprefix("test_"))


def sign_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label(re.compile("^(E-?mail|电子邮件|邮箱)", re.I)).fill(email)
    page.get_by_label(re.compile("^(Password|密码)", re.I)).fill(password)
    # The header's language switch is a form too: press the sign-in form's button.
    page.locator("form:has(input[type=password]) button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")


def latest_mail_link(pattern: str) -> str:
    """The newest link matching ``pattern`` in the file mail backend's folder."""
    files = sorted(MAIL_DIR.glob("*.log"), key=lambda p: p.stat().st_mtime)
    for path in reversed(files):
        found = re.findall(r"https?://\S+", path.read_text(encoding="utf-8"))
        for link in reversed(found):
            if re.search(pattern, link):
                return link
    raise AssertionError(f"no mail with a link like {pattern} in {MAIL_DIR}")


def tab_to(page, locator, *, limit: int = 150) -> None:
    """Moves the keyboard focus with Tab (from the top of the page) until ``locator``
    has it, proving the control is reachable without a mouse; fails after ``limit``."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator} in {limit} presses")
