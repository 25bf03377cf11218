"""The inbox: each notification once, e-mailed once, seen only by its recipient."""

import pytest
from django.core import mail
from django.urls import reverse

from lms.models import Notification
from lms.services.notifications import (
    notification_deliver,
    notification_mark_read,
    notification_send,
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
