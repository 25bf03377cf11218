"""The visitor's, steward's and organiser's pages: reserving from the event page, the
ticket with its QR code, cancelling, the counts and the check-in by typed code. Each
page asks the policies: another person's ticket is not found, the door pages are
for stewards and organisers."""

import pytest
from django.urls import reverse

from home.events import services, tickets
from home.events.models import Reservation

pytestmark = pytest.mark.django_db


def test_a_visitor_reserves_and_is_sent_to_the_ticket(client, session, visitors):
    client.force_login(visitors[0])
    response = client.post(reverse("events:reserve", args=[session.pk]))
    reservation = Reservation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("events:ticket", args=[reservation.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert tickets.ticket_code(reservation) in page.content.decode()
    assert b"<svg" in page.content


def test_a_double_click_on_reserve_makes_one_reservation(client, session, visitors):
    client.force_login(visitors[0])
    url = reverse("events:reserve", args=[session.pk])
    first, second = client.post(url), client.post(url)
    assert first["Location"] == second["Location"]
    assert Reservation.objects.count() == 1


def test_a_full_session_puts_the_visitor_on_the_waiting_list(client, session, visitors):
    for person in visitors[:2]:
        services.reservation_create(user=person, session=session)
    client.force_login(visitors[2])
    response = client.post(reverse("events:reserve", args=[session.pk]), follow=True)
    assert "waiting list" in response.content.decode()
    assert Reservation.objects.get(user=visitors[2]).status == "waiting"


def test_reserving_needs_a_signed_in_visitor_and_a_post(client, session):
    url = reverse("events:reserve", args=[session.pk])
    assert client.post(url).status_code == 302
    assert not Reservation.objects.exists()


def test_a_draft_events_sessions_are_not_found(client, session, visitors):
    session.page.unpublish()
    client.force_login(visitors[0])
    assert client.post(reverse("events:reserve", args=[session.pk])).status_code == 404


def test_another_persons_ticket_is_not_found(client, session, visitors, organiser):
    reservation = services.reservation_create(user=visitors[0], session=session)
    url = reverse("events:ticket", args=[reservation.pk])
    client.force_login(visitors[1])
    assert client.get(url).status_code == 404
    cancel = reverse("events:cancel", args=[reservation.pk])
    assert client.post(cancel).status_code == 404
    client.force_login(organiser)
    assert client.get(url).status_code == 200
    reservation.refresh_from_db()
    assert reservation.status == "reserved"


def test_cancelling_from_the_ticket(client, session, visitors):
    reservation = services.reservation_create(user=visitors[0], session=session)
    client.force_login(visitors[0])
    response = client.post(reverse("events:cancel", args=[reservation.pk]))
    assert response.status_code == 302
    reservation.refresh_from_db()
    assert reservation.status == "cancelled"


def test_my_reservations_lists_only_mine(client, session, visitors):
    services.reservation_create(user=visitors[0], session=session)
    services.reservation_create(user=visitors[1], session=session)
    client.force_login(visitors[0])
    response = client.get(reverse("events:mine"))
    assert list(response.context["reservations"]) == list(
        Reservation.objects.filter(user=visitors[0])
    )


# --- at the door -----------------------------------------------------------------


@pytest.fixture
def seated(session, visitors):
    return services.reservation_create(user=visitors[0], session=session)


def test_a_steward_checks_a_visitor_in_by_typed_code_once(
    client, seated, session, steward
):
    client.force_login(steward)
    url = reverse("events:check_in", args=[session.pk])
    assert client.get(url).status_code == 200
    code = tickets.ticket_code(seated)
    first = client.post(url, {"code": code})
    assert first.status_code == 200
    assert str(seated.user) in first.content.decode()
    second = client.post(url, {"code": code})
    assert second.status_code == 409
    assert "Already checked in at" in second.content.decode()
    forged = client.post(url, {"code": code[:-2] + "77"})
    assert forged.status_code == 409
    assert "Not a valid ticket" in forged.content.decode()
    assert client.post(url, {"code": ""}).status_code == 400
    assert Reservation.objects.filter(checked_in_at__isnull=False).count() == 1


@pytest.mark.parametrize("who", ["visitor", "anonymous"])
def test_the_door_pages_are_not_for_visitors(client, seated, session, who, visitors):
    if who == "visitor":
        client.force_login(visitors[1])
    expected = 403 if who == "visitor" else 302
    check_in = reverse("events:check_in", args=[session.pk])
    desk = reverse("events:desk", args=[session.page.pk])
    assert client.get(check_in).status_code == expected
    assert client.get(desk).status_code == expected
    post = client.post(check_in, {"code": tickets.ticket_code(seated)})
    assert post.status_code == expected
    seated.refresh_from_db()
    assert seated.checked_in_at is None


def test_the_organiser_sees_counts_per_session(client, session, visitors, organiser):
    for person in visitors[:3]:
        services.reservation_create(user=person, session=session)
    client.force_login(organiser)
    response = client.get(reverse("events:desk", args=[session.page.pk]))
    (row,) = response.context["sessions"]
    assert row.counts == {"reserved": 2, "waiting": 1, "checked_in": 0}


def test_a_stewards_typed_codes_are_rate_limited_per_steward(
    client, seated, session, steward, settings
):
    """Codes could be guessed by typing: past the limit a steward's tries are
    refused (429) and nobody is checked in, even with a good code; another steward
    at the same address is not held up."""
    from django.core.cache import cache

    from lms.roles import Role
    from tests.lms.factories import UserFactory

    cache.clear()
    settings.CHECK_IN_RATE_LIMIT = 3
    client.force_login(steward)
    url = reverse("events:check_in", args=[session.pk])
    statuses = [
        client.post(url, {"code": "1-AAAA-AAAA-AAAA"}).status_code for _ in "abc"
    ]
    assert statuses == [409] * 3
    limited = client.post(url, {"code": tickets.ticket_code(seated)})
    assert limited.status_code == 429
    assert "Too many codes tried" in limited.content.decode()
    seated.refresh_from_db()
    assert seated.checked_in_at is None
    client.force_login(UserFactory(roles=[Role.STEWARD]))
    assert client.post(url, {"code": tickets.ticket_code(seated)}).status_code == 200
    cache.clear()
