"""Notifications of this app, each sent once per key, in the recipient's language."""

from __future__ import annotations

from lms.links import absolute_reverse
from lms.services.notifications import notification_send


def notify(*, recipient, key: str, subject, body="", url_name: str, args=()) -> None:
    """``subject`` and ``body`` may be lazy or callables of no argument, rendered in
    the recipient's preferred language (by ``notification_send``)."""
    notification_send(
        recipient=recipient,
        key=key,
        subject=subject,
        body=body,
        url=lambda: absolute_reverse(url_name, *args),
    )
