"""The inbox: each notification once, e-mailed once, seen only by its recipient."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms import notices
from lms.models import Notification, User
from lms.services.notifications import (
    notification_deliver,
    notification_mark_read,
    notification_send,
    notifications_requeue_pending,
)
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_notification_is_stored_and_mailed_once(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = notification_send(
            recipient=person,
            key="k1",
            kind="legacy",
            params={"subject": "Sign the agreement"},
        )
        again = notification_send(
            recipient=person,
            key="k1",
            kind="legacy",
            params={"subject": "Sign the agreement"},
        )
    assert first is not None and again is None
    assert Notification.objects.filter(recipient=person).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]


def test_delivering_twice_sends_one_mail(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        notification = notification_send(
            recipient=person, key="k2", kind="legacy", params={"subject": "Hello"}
        )
    assert notification_deliver(notification_id=notification.pk) is True
    assert notification_deliver(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1


def test_inbox_lists_only_ones_own_messages(client):
    me, other = UserFactory(), UserFactory()
    notification_send(
        recipient=me, key="a", kind="legacy", params={"subject": "Mine to read"}
    )
    notification_send(
        recipient=other, key="b", kind="legacy", params={"subject": "Someone else's"}
    )
    client.force_login(me)
    body = client.get(reverse("lms:inbox")).content.decode()
    assert "Mine to read" in body
    assert "Someone else" not in body


def test_marking_read_touches_only_ones_own_messages(client):
    me, other = UserFactory(), UserFactory()
    notification_send(recipient=me, key="a", kind="legacy", params={"subject": "Mine"})
    theirs = notification_send(
        recipient=other, key="b", kind="legacy", params={"subject": "Theirs"}
    )
    client.force_login(me)
    client.post(reverse("lms:inbox_mark_read"), {"id": [str(theirs.pk)]})
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert notification_mark_read(user=me, notification_ids=None) == 1


def test_a_subject_with_line_breaks_is_mailed_on_one_line():
    """Django refuses a header with a line break (BadHeaderError): the subject is
    rendered on one line, control characters dropped."""
    person = UserFactory()
    notification = notification_send(
        recipient=person,
        key="nl",
        kind="legacy",
        params={"subject": "Loom\nbroken\x00 \u202eagain", "body": "Line 1\nLine 2"},
    )
    assert notification_deliver(notification_id=notification.pk) is True
    assert mail.outbox[-1].subject == "Loom broken again"
    assert mail.outbox[-1].body == "Line 1\nLine 2"


def test_an_address_that_cannot_be_mailed_is_marked_failed_and_never_requeued():
    """A permanent error (a header Django refuses) marks the notification failed;
    the sweep does not queue it again."""
    person = UserFactory()
    User.objects.filter(pk=person.pk).update(email="bad\n@example.com")
    notification = notification_send(
        recipient=person, key="bad", kind="legacy", params={"subject": "Hello"}
    )
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    assert notification_deliver(notification_id=notification.pk) is False
    notification.refresh_from_db()
    assert notification.failed_at is not None and notification.emailed_at is None
    assert "BadHeaderError" in notification.failure
    assert mail.outbox == []
    assert notifications_requeue_pending() == 0
    assert notification_deliver(notification_id=notification.pk) is False


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (
            smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"no such user")}),
            True,
        ),
        (smtplib.SMTPRecipientsRefused({"a@example.com": (451, b"try later")}), False),
        (smtplib.SMTPServerDisconnected("gone"), False),
        (ConnectionRefusedError(111, "refused"), False),
    ],
)
def test_a_refused_recipient_fails_for_good_while_a_transient_error_is_retried(
    monkeypatch, error, permanent
):
    person = UserFactory()
    notification = notification_send(
        recipient=person, key="smtp", kind="legacy", params={"subject": "Hello"}
    )
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr("django.core.mail.send_mail", refuse)
    if permanent:
        assert notification_deliver(notification_id=notification.pk) is False
    else:
        with pytest.raises(type(error)):
            notification_deliver(notification_id=notification.pk)
    notification.refresh_from_db()
    assert (notification.failed_at is not None) is permanent
    assert notification.emailed_at is None
    monkeypatch.setattr("lms.services.notifications.queue_now", lambda *a: True)
    assert notifications_requeue_pending() == (0 if permanent else 1)


def test_an_unknown_kind_is_refused_when_sent_and_loud_when_read(settings):
    person = UserFactory()
    with pytest.raises(notices.UnknownKind):
        notification_send(recipient=person, key="x", kind="no.such_kind")
    assert not Notification.objects.exists()
    stored = Notification.objects.create(recipient=person, key="y", kind="gone.kind")
    with pytest.raises(notices.UnknownKind):
        stored.render("en")
    settings.NOTICES_STRICT = False  # production: logged, and read as neutral
    assert Notification.objects.get(pk=stored.pk).render("en").available is False


def test_a_legacy_notification_shows_its_stored_text_and_mails_an_absolute_link():
    """Rows from before kinds keep their text (the data migration's legacy kind)."""
    person = UserFactory()
    notification = Notification.objects.create(
        recipient=person,
        key="old",
        kind=notices.LEGACY,
        params={"subject": "Old subject", "body": "Old body", "url": "/learning/"},
    )
    assert notification.render("zh-hans").subject == "Old subject"
    assert notification_deliver(notification_id=notification.pk) is True
    assert mail.outbox[-1].body == "Old body\n\nhttp://testserver/learning/"
