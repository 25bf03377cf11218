"""The inbox: each notification once, in the inbox and by e-mail."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from lms.models import Notification, User
from lms.queueing import queue_now, queue_on_commit


def notification_send(
    *, recipient: User, key: str, subject, body="", url=""
) -> Notification | None:
    """Puts a message in the recipient's inbox and e-mails it, once per ``key``:
    a repeated event returns ``None`` and sends nothing.

    ``subject``, ``body`` and ``url`` may be callables of no argument: they are then
    rendered in the recipient's preferred language (the reader's, not the sender's;
    a translated URL carries the language prefix)."""
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        subject, body, url = (
            str(part() if callable(part) else part) for part in (subject, body, url)
        )
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient,
            key=key[:200],
            defaults={"subject": subject[:200], "body": body, "url": url[:500]},
        )
        if not created:
            return None
        queue_on_commit(_deliver_task(), notification.pk)
    return notification


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
    idempotent, so one queued twice is still sent once. Returns how many it queued."""
    now = timezone.now()
    ids = list(
        Notification.objects.filter(
            emailed_at__isnull=True,
            created_at__lte=now - older_than,
            created_at__gte=now - within,
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(queue_now(_deliver_task(), pk) for pk in ids)


def notification_deliver(*, notification_id: int) -> bool:
    """E-mails one notification unless it was already e-mailed; True if it sent."""
    from django.core.mail import send_mail

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None:
            return False
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{notification.url}".strip()
        send_mail(
            subject=notification.subject,
            message=body,
            from_email=None,
            recipient_list=[notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return True


def notification_mark_read(*, user: User, notification_ids: list[int] | None) -> int:
    """Marks the user's own notifications read (all of them when ids is None)."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
