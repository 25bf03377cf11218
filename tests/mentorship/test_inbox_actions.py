"""The inbox's "please confirm" items: Confirm and Dispute right there (a POST form
and a link, no JavaScript), through the same views as the start page; afterwards the
item reads as done. Items of different sessions are told apart by their date, and
other kinds link to the exact place where the reader acts."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from lms.models import Notification
from lms.services.notifications import notification_send
from mentorship.models import GuidanceSession
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    today,
)

pytestmark = pytest.mark.django_db
INBOX = reverse("lms:inbox")


def ask_to_confirm(session: GuidanceSession) -> None:
    """What the session service sends the apprentice (mentorship.services.sessions)."""
    notification_send(
        recipient=session.agreement.apprentice,
        key=f"mentorship:session:{session.pk}:confirm:0",
        kind="mentorship.session_to_confirm",
        params={"session": session.pk},
    )


def inbox(client) -> str:
    response = client.get(INBOX)
    assert response.status_code == 200
    return response.content.decode()


def item(html: str, notification: Notification) -> str:
    """The inbox's <li> of one notification."""
    found = re.search(
        rf'<li[^>]*id="notification-{notification.pk}".*?</li>', html, re.S
    )
    assert found, f"notification {notification.pk} is not in the inbox"
    return found.group(0)


def test_a_session_to_confirm_has_confirm_and_dispute_in_the_inbox(client):
    session = GuidanceSessionFactory()
    ask_to_confirm(session)
    notification = Notification.objects.get()
    client.force_login(session.agreement.apprentice)
    li = item(inbox(client), notification)
    confirm = reverse("mentorship:session_confirm", args=[session.pk])
    dispute = reverse("mentorship:session_dispute", args=[session.pk])
    assert f'<form method="post" action="{confirm}">' in li
    assert f'name="next" value="{INBOX}#notification-{notification.pk}"' in li
    assert f'href="{dispute}?next=' in li
    assert "unread" in li


def test_confirming_from_the_inbox_returns_there_and_the_item_reads_done(client):
    session = GuidanceSessionFactory()
    ask_to_confirm(session)
    notification = Notification.objects.get()
    client.force_login(session.agreement.apprentice)
    back = f"{INBOX}#notification-{notification.pk}"
    response = client.post(
        reverse("mentorship:session_confirm", args=[session.pk]), {"next": back}
    )
    assert response.status_code == 302 and response.url == back
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.CONFIRMED
    li = item(inbox(client), notification)
    assert "You confirmed it." in li
    assert "<form" not in li and "unread" not in li
    notification.refresh_from_db()
    assert notification.read_at is not None  # no longer in the unread count


def test_disputing_from_the_inbox_returns_there_and_the_item_reads_done(client):
    session = GuidanceSessionFactory()
    ask_to_confirm(session)
    notification = Notification.objects.get()
    client.force_login(session.agreement.apprentice)
    url = reverse("mentorship:session_dispute", args=[session.pk])
    form = client.get(url, {"next": INBOX}).content.decode()
    assert f'name="next" value="{INBOX}"' in form
    response = client.post(url, {"comment": "We met for one hour.", "next": INBOX})
    assert response.status_code == 302 and response.url == INBOX
    li = item(inbox(client), notification)
    assert "You disputed it." in li
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert reverse("mentorship:session_confirm", args=[session.pk]) not in li


def test_sessions_to_confirm_are_told_apart_by_their_date(client):
    """Seven identical "please confirm" lines were unreadable: each names its date."""
    agreement = AgreementFactory()
    days = [today() - datetime.timedelta(days=d) for d in (1, 2, 3)]
    for day in days:
        ask_to_confirm(GuidanceSessionFactory(agreement=agreement, date=day))
    with translation.override("en"):
        subjects = [n.subject for n in Notification.objects.all()]
    assert len(set(subjects)) == 3
    assert all(str(agreement.mentor) in s for s in subjects)


def test_a_stranger_cannot_confirm_through_an_inbox_form(client):
    """The form is only a shortcut: the view still checks who confirms."""
    session = GuidanceSessionFactory()
    ask_to_confirm(session)
    client.force_login(AgreementFactory().apprentice)
    response = client.post(
        reverse("mentorship:session_confirm", args=[session.pk]), {"next": INBOX}
    )
    assert response.status_code in (403, 404)
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.PENDING


def test_the_item_links_to_the_session_on_the_agreement_page(client):
    session = GuidanceSessionFactory()
    ask_to_confirm(session)
    with translation.override("en"):
        link = Notification.objects.get().url
    path, anchor = link.split("#")
    assert anchor == f"session-{session.pk}"
    client.force_login(session.agreement.apprentice)
    page = client.get(path).content.decode()
    assert f'id="session-{session.pk}"' in page
