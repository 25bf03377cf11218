"""Plain tests (no services needed, they run in ``make test``): how notifications are
queued when the broker is down, how pending ones are queued again, and the Celery
settings the fault tests in this folder rely on."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from kombu.exceptions import OperationalError

from lms.models import Notification
from lms.services.notifications import notification_send, notifications_requeue_pending
from lms.tasks import deliver_notification, requeue_pending_notifications
from tests.lms.factories import UserFactory


@pytest.fixture
def queued(monkeypatch):
    """Records the ids handed to the broker instead of running the task."""
    ids: list[int] = []
    monkeypatch.setattr(deliver_notification, "delay", ids.append)
    return ids


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:63799.")

    monkeypatch.setattr(deliver_notification, "delay", refuse)


def make_pending(user, key: str, *, age: timedelta, emailed: bool = False):
    notification = Notification.objects.create(
        recipient=user, key=key, kind="legacy", params={"subject": key}
    )
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - age,
        emailed_at=timezone.now() if emailed else None,
    )
    return notification


def test_notification_is_saved_and_left_pending_when_the_broker_is_down(
    db, broker_down, django_capture_on_commit_callbacks
):
    """The request that caused the notification does not fail after its commit: the
    notification is in the inbox and waits, unsent, for the re-queue task."""
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = notification_send(
            recipient=user, key="k", kind="legacy", params={"subject": "Hello"}
        )

    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert list(user.notifications.all()) == [notification]


def test_notification_is_queued_only_after_commit(
    db, queued, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notification_send(
            recipient=user, key="k", kind="legacy", params={"subject": "Hello"}
        )
        assert queued == []
    for callback in callbacks:
        callback()
    assert queued == [notification.pk]


def test_requeue_queues_pending_notifications_old_enough_and_recent_enough(db, queued):
    """Only unsent ones older than ``older_than`` (their first task may still be on
    its way) and younger than ``within`` (stale ones are not mailed days late)."""
    user = UserFactory()
    due = make_pending(user, "due", age=timedelta(minutes=30))
    make_pending(user, "fresh", age=timedelta(minutes=1))
    make_pending(user, "stale", age=timedelta(days=5))
    make_pending(user, "sent", age=timedelta(minutes=30), emailed=True)

    assert notifications_requeue_pending() == 1
    assert queued == [due.pk]


def test_requeue_counts_nothing_while_the_broker_is_still_down(db, broker_down):
    make_pending(UserFactory(), "due", age=timedelta(minutes=30))
    assert notifications_requeue_pending() == 0


def test_requeue_task_and_delivery_send_each_pending_email_once(db, mailoutbox):
    """The beat task through eager Celery: a second run finds nothing left to send."""
    user = UserFactory(email="late@example.com")
    make_pending(user, "due", age=timedelta(minutes=30))

    assert requeue_pending_notifications.delay().get() == 1
    assert requeue_pending_notifications.delay().get() == 0
    assert [m.to for m in mailoutbox] == [["late@example.com"]]


def test_celery_settings_make_lost_tasks_run_again_and_long_ones_run_once():
    """acks_late + reject_on_worker_lost: a task whose worker dies goes back to the
    queue. A visibility timeout above the hard time limit: a task still running is
    never handed to a second worker. Beat re-queues what the broker never got."""
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TASK_REJECT_ON_WORKER_LOST is True
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert (
        visibility
        > settings.CELERY_TASK_TIME_LIMIT
        > settings.CELERY_TASK_SOFT_TIME_LIMIT
    )
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "lms.tasks.requeue_pending_notifications" in tasks
