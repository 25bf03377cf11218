"""Notifications of this app, each sent once per key, in the recipient's language."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from lms.services.notifications import notification_send


def absolute_url(url_name: str, *args) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse(url_name, args=args)


def notify(*, recipient, key: str, subject, body="", url_name: str, args=()) -> None:
    """``subject`` and ``body`` may be lazy or callables of no argument, rendered in
    the recipient's preferred language (by ``notification_send``)."""
    notification_send(
        recipient=recipient,
        key=key,
        subject=subject,
        body=body,
        url=lambda: absolute_url(url_name, *args),
    )
