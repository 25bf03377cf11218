"""Writes of the content app. Pages are written through Wagtail's own revision and
workflow API; these wrap the steps the demo loader and the cache need."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page

from home.selectors.home_page import CONTENT_VERSION_KEY


def content_cache_invalidate() -> None:
    """Makes every cached block of content pages stale (called when a page is
    published or unpublished)."""
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # not set yet, or evicted: start a fresh version
        cache.set(CONTENT_VERSION_KEY, 2, None)


@transaction.atomic
def page_publish(*, page: Page, user=None) -> Page:
    """Saves the page's current fields as a revision and publishes it."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page
