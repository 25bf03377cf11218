"""Photographs every demo role's start page and the main pages at a phone's and a
desktop's width, in English and Simplified Chinese (run by .ci/screenshots.sh,
which serves the site with the small demo and sets E2E_BASE_URL).

Files: <folder>/<language>-<width>-<name>.png, full page. The addresses of the
demo's course, lesson, story, studio, profile and agreement are read from the
database first (Django's ORM is not used while the browser runs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from lms.demo import DEMO_ACCOUNTS, DEMO_PASSWORD  # noqa: E402

BASE_URL = os.environ["E2E_BASE_URL"]
WIDTHS = {"phone": 360, "desktop": 1280}
LANGUAGES = ("en", "zh-hans")


def addresses(language: str) -> dict[str, tuple[str, str]]:
    """Page name -> (demo account to see it as, path), in ``language``."""
    from wagtail.models import Locale

    from courses.models import CoursePage, LessonPage
    from home.models import CraftsmanProfilePage, InnovationStudioPage, StoryPage
    from mentorship.models import Agreement

    with translation.override(language):
        locale = Locale.objects.get(language_code=language)

        def first(model):
            page = model.objects.live().filter(locale=locale).order_by("path").first()
            return page.url if page else None

        course = (
            CoursePage.objects.live().filter(locale=locale).order_by("path").first()
        )
        lesson = (
            LessonPage.objects.live().descendant_of(course).order_by("path").first()
            if course
            else None
        )
        agreement = Agreement.objects.order_by("pk").first()
        pages = {
            "home": ("learner", reverse("wagtail_serve", args=[""])),
            "catalogue": ("learner", reverse("courses:catalogue")),
            "course": ("learner", course.url if course else None),
            "lesson": ("learner", lesson.url if lesson else None),
            "my-learning": ("learner", reverse("courses:my_learning")),
            "inbox": ("apprentice", reverse("lms:inbox")),
            "agreement": (
                "apprentice",
                reverse("mentorship:agreement_detail", args=[agreement.pk])
                if agreement
                else None,
            ),
            "hr-board": ("hr", reverse("certification:board")),
            "story": ("learner", first(StoryPage)),
            "studio": ("learner", first(InnovationStudioPage)),
            "role-model": ("learner", first(CraftsmanProfilePage)),
            "profile": ("learner", reverse("lms:profile")),
        }
        for key in DEMO_ACCOUNTS:
            pages[f"start-{key}"] = (key, reverse("lms:dashboard"))
    return {name: (who, path) for name, (who, path) in pages.items() if path}


def main(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    plan = {language: addresses(language) for language in LANGUAGES}
    accounts = sorted({who for pages in plan.values() for who, _ in pages.values()})
    written = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic"],
        )
        for key in accounts:
            context = browser.new_context(
                base_url=BASE_URL, viewport={"width": 1280, "height": 800}
            )
            context.set_default_timeout(20_000)
            page = context.new_page()
            page.goto("/accounts/login/")
            page.locator("input[name=login]").fill(DEMO_ACCOUNTS[key][0])
            page.locator("input[type=password]").fill(DEMO_PASSWORD)
            page.locator("form:has(input[type=password]) button[type=submit]").click()
            page.wait_for_load_state("load")
            for language, pages in plan.items():
                for name, (who, path) in pages.items():
                    if who != key:
                        continue
                    page.goto(path, wait_until="load")
                    for width_name, width in WIDTHS.items():
                        page.set_viewport_size({"width": width, "height": 800})
                        target = folder / f"{language}-{width_name}-{name}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written += 1
            context.close()
        browser.close()
    print(f"screenshots: {written} pictures in {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/screenshots"))
