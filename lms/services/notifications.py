"""The inbox: each notification once, in the inbox and by e-mail.

A notification stores what happened (a kind registered in ``lms.notices`` and its
params); the inbox renders it in the page's language, the e-mail in the
recipient's preferred language, with an absolute link (``SITE_URL``)."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import BadHeaderError
from django.db import transaction
from django.utils import timezone

from lms import notices
from lms.links import absolute_url
from lms.models import Notification, User
from lms.queueing import queue_now, queue_on_commit

logger = logging.getLogger(__name__)


def notification_send(
    *, recipient: User, key: str, kind: str, params: dict | None = None
) -> Notification | None:
    """Puts a message of ``kind`` in the recipient's inbox and e-mails it, once per
    ``key``: a repeated event returns ``None`` and sends nothing. ``params`` are
    ids and plain values (JSON); an unknown kind raises ``notices.UnknownKind``."""
    notices.get(kind)  # fails loudly, before anything is stored
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient,
            key=key[:200],
            defaults={"kind": kind, "params": _storable(params or {})},
        )
        if not created:
            return None
        queue_on_commit(_deliver_task(), notification.pk)
    return notification


def _storable(value):
    """``value`` without NUL characters in its strings: PostgreSQL's JSON cannot
    hold them (SQLite can), and no message needs one."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(v) for v in value]
    return value


def _deliver_task():
    """The e-mail task (lms.tasks imports this module)."""
    from lms.tasks import deliver_notification

    return deliver_notification


def notifications_requeue_pending(
    *,
    older_than: timedelta = timedelta(minutes=10),
    within: timedelta = timedelta(days=3),
    limit: int = 1000,
) -> int:
    """Queues again the e-mails of notifications still not sent ``older_than`` after
    they were made (the broker was down, or the task was lost); delivery is
    idempotent, so one queued twice is still sent once. One that failed for a
    permanent reason is not queued again. Returns how many it queued."""
    now = timezone.now()
    ids = list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            failed_at__isnull=True,
            created_at__lte=now - older_than,
            created_at__gte=now - within,
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(queue_now(_deliver_task(), pk) for pk in ids)


def notification_email(notification: Notification) -> tuple[str, str]:
    """Subject (one line) and text of the e-mail, in the recipient's language, the
    link absolute."""
    language = notification.recipient.preferred_language or settings.LANGUAGE_CODE
    rendered = notification.render(language)
    body = rendered.body
    link = rendered.link
    if link.startswith("/"):
        link = absolute_url(link)
    if link:
        body = f"{body}\n\n{link}".strip()
    return notices.one_line(rendered.subject), body


def _permanent(error: Exception) -> bool:
    """True for an error that sending again will not cure: a header Django refuses,
    an address that is not one, an address the server refuses for good (5xx)."""
    if isinstance(error, (BadHeaderError, ValueError, UnicodeError)):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def notification_deliver(*, notification_id: int) -> bool:
    """E-mails one notification unless it was already e-mailed or failed for good;
    True if it sent. A permanent error (see ``_permanent``) marks the notification
    failed and is not retried; a transient one (connection, 4xx) is raised so the
    task retries."""
    from django.core.mail import send_mail

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        language = notification.recipient.preferred_language or settings.LANGUAGE_CODE
        if not notification.render(language).available:
            return _failed(notification, "the item is no longer available")
        try:
            if not notification.recipient.email:
                raise ValueError("the recipient has no e-mail address")
            subject, body = notification_email(notification)
            send_mail(
                subject=subject,
                message=body,
                from_email=None,
                recipient_list=[notification.recipient.email],
            )
        except Exception as error:
            if not _permanent(error):
                raise
            return _failed(notification, f"{type(error).__name__}: {error}")
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def _failed(notification: Notification, reason: str) -> bool:
    """Marks the e-mail as never to be sent (the sweep skips it); False."""
    logger.warning("notification %s is not e-mailed: %s", notification.pk, reason)
    notification.failed_at = timezone.now()
    notification.failure = reason[:300]
    notification.save(update_fields=["failed_at", "failure"])
    return False


def _forget_unread(user) -> None:
    """The unread count read with the user (lms/auth_backends.py) is stale now: the
    page counts again."""
    try:
        del user._lms_unread
    except AttributeError:
        pass


def notification_mark_read(*, user: User, notification_ids: list[int] | None) -> int:
    """Marks the user's own notifications read (all of them when ids is None)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    _forget_unread(user)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


def notification_mark_done(*, user: User, key_prefix: str) -> int:
    """Marks read the user's notifications whose key starts with ``key_prefix``:
    what they asked for is done (the inbox's unread count no longer counts them)."""
    _forget_unread(user)
    return Notification.objects.filter(
        recipient=user, read_at__isnull=True, key__startswith=key_prefix
    ).update(read_at=timezone.now())
