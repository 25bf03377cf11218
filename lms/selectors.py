from django.db.models import QuerySet

from lms.models import Notification, User


def notifications_for(*, user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def unread_notification_count(*, user: User) -> int:
    """Read with the user at the start of the request (lms/auth_backends.py) when
    it was, else counted."""
    prefetched = getattr(user, "_lms_unread", None)
    if prefetched is not None:
        return prefetched
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
