"""Absolute links, for places that have no request to build one from: e-mails,
certificate PDFs and QR codes, tasks. One setting decides the address: SITE_URL."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """``path`` (starting with "/") on the site's public address."""
    if not path.startswith("/"):
        raise ValueError(f"absolute_url takes a path starting with '/', got {path!r}")
    return settings.SITE_URL.rstrip("/") + path


def absolute_reverse(url_name: str, *args, **kwargs) -> str:
    """``reverse()`` on the site's public address."""
    return absolute_url(reverse(url_name, args=args, kwargs=kwargs or None))
