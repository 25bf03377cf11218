"""Notifications of this app, each sent once per key; rendered in the reader's
language from the kinds in ``mentorship.notice_kinds``."""

from __future__ import annotations

from lms.services.notifications import notification_send


def notify(*, recipient, key: str, kind: str, **params) -> None:
    """Sends the ``mentorship.<kind>`` notification with ``params`` (ids)."""
    notification_send(
        recipient=recipient, key=key, kind=f"mentorship.{kind}", params=params
    )
