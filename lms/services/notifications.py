"""The inbox: each notification once, in the inbox and by e-mail."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from lms.models import Notification, User


def notification_send(
    *, recipient: User, key: str, subject: str, body: str = "", url: str = ""
) -> Notification | None:
    """Puts a message in the recipient's inbox and e-mails it, once per ``key``:
    a repeated event returns ``None`` and sends nothing."""
    from lms.tasks import deliver_notification

    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient,
            key=key[:200],
            defaults={"subject": subject[:200], "body": body, "url": url[:500]},
        )
        if not created:
            return None
        deliver_notification.delay_on_commit(notification.pk)
    return notification


def notification_deliver(*, notification_id: int) -> bool:
    """E-mails one notification unless it was already e-mailed; True if it sent."""
    from django.core.mail import send_mail

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
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
