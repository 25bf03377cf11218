"""Editors keep events in Wagtail's editor: an event page is added and published
through the page editor, and an edit that would delete a session people hold seats
for, or cut its seats below those reserved, is refused with a message on the
session and changes nothing."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)

from home.events import services
from home.events.models import EventPage, EventSession, Reservation
from lms.models import Notification

pytestmark = pytest.mark.django_db


def event_form(event, sessions: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "summary": "",
            "starts_on": "2026-07-28",
            "ends_on": "2026-07-30",
            "venue": "Exhibition centre",
            "city": "Beijing",
            "organisers": "ACFTU",
            "body": streamfield([]),
            "sessions": inline_formset(sessions, initial=len(sessions)),
            "exhibits": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "Publish",
        }
    )


def session_row(session, **changes) -> dict:
    row = {
        "id": session.pk,
        "kind": session.kind,
        "title": session.title,
        "starts_at": session.starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": session.ends_at.strftime("%Y-%m-%d %H:%M"),
        "room": session.room,
        "capacity": session.capacity,
        "speakers": "",
    }
    return {**row, **changes}


@pytest.fixture
def staff(db):
    from tests.lms.factories import UserFactory
    from tests.lms.helpers import give_totp

    return give_totp(UserFactory(is_staff=True, is_superuser=True))


def test_an_event_page_is_added_in_the_editor(client, staff, events_index):
    client.force_login(staff)
    index = events_index["en"]
    url = reverse("wagtailadmin_pages:add", args=("home", "eventpage", index.pk))
    assert client.get(url).status_code == 200
    new = EventPage(title="Textile skills day", slug="textile-skills-day")
    response = client.post(url, event_form(new, []))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EventPage.objects.get(slug="textile-skills-day").live


def test_a_session_with_reservations_is_not_deleted_by_an_edit(
    client, staff, session, visitors
):
    services.reservation_create(user=visitors[0], session=session)
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[session.page.pk])
    removed = session_row(session, DELETE="1")
    response = client.post(url, event_form(session.page, [removed]))
    assert response.status_code == 200
    assert "cancel it before removing the session" in response.content.decode()
    assert response.context["form"].errors
    assert EventSession.objects.filter(pk=session.pk).exists()


def test_seats_are_not_cut_below_those_reserved(client, staff, session, visitors):
    for person in visitors[:2]:
        services.reservation_create(user=person, session=session)
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[session.page.pk])
    response = client.post(
        url, event_form(session.page, [session_row(session, capacity=1)])
    )
    assert response.status_code == 200
    assert "2 seats are reserved" in response.content.decode()
    session.refresh_from_db()
    assert session.capacity == 2


def test_seats_added_in_the_editor_go_to_the_waiting_list_on_publish(
    client, staff, session, visitors
):
    """Two seats, four visitors: two wait. Publishing three seats moves the first
    of them up (and tells them); the second still waits."""
    for person in visitors:
        services.reservation_create(user=person, session=session)
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[session.page.pk])
    response = client.post(
        url, event_form(session.page, [session_row(session, capacity=3)])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    status = dict(Reservation.objects.values_list("user", "status"))
    assert [status[p.pk] for p in visitors] == [
        "reserved",
        "reserved",
        "reserved",
        "waiting",
    ]
    promoted = Reservation.objects.get(user=visitors[2])
    assert promoted.promoted_at is not None
    assert Notification.objects.filter(recipient=visitors[2]).exists()


def test_a_saved_draft_with_more_seats_promotes_nobody_until_published(
    client, staff, session, visitors
):
    for person in visitors[:3]:
        services.reservation_create(user=person, session=session)
    client.force_login(staff)
    url = reverse("wagtailadmin_pages:edit", args=[session.page.pk])
    data = event_form(session.page, [session_row(session, capacity=3)])
    data.pop("action-publish")
    assert client.post(url, data).status_code == 302
    assert Reservation.objects.get(user=visitors[2]).status == "waiting"


def test_the_exhibition_chooses_achievements_with_a_searchable_chooser(
    client, staff, event, studio_index
):
    """The exhibit rows use the achievement chooser (a modal with search by title
    or studio), not a select of every achievement."""
    from tests.home.factories import (
        InnovationStudioPageFactory,
        StudioAchievementFactory,
    )

    studio = InnovationStudioPageFactory(parent=studio_index["en"])
    achievement = StudioAchievementFactory(page=studio, title="Hot-wire welding jig")
    client.force_login(staff)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert reverse("achievement_chooser:choose") in editor.content.decode()
    found = client.get(reverse("achievement_chooser:choose_results"), {"q": "welding"})
    assert found.status_code == 200
    assert achievement.title in found.content.decode()
    none = client.get(reverse("achievement_chooser:choose_results"), {"q": "zzzz"})
    assert achievement.title not in none.content.decode()
