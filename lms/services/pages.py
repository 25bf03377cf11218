"""Wagtail page steps shared by the apps that keep pages (courses, home)."""

from __future__ import annotations

from wagtail.models import Locale, Page


def page_translation_get_or_create(*, page: Page, locale: Locale) -> tuple[Page, bool]:
    """The translation of ``page`` in ``locale`` (found by translation_key), or a new
    draft copy of it there; Wagtail's copy keeps the StreamField block ids, so quizzes
    and tasks stay the same activities. The parent must be translated first."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    return page.copy_for_translation(locale, copy_parents=False).specific, True
