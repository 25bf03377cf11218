"""Reservations, the waiting list and check-in, through the services: capacity is
kept, the queue moves up first come first served, a form sent twice makes one
reservation, and a ticket checks in once, at its own session, only when genuine."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from home.events import services, tickets
from home.events.models import Reservation
from lms.errors import DomainError, PermissionDenied
from lms.models import Notification

from .factories import EventSessionFactory

pytestmark = pytest.mark.django_db
Status = Reservation.Status


def reserve_all(session, people):
    return [services.reservation_create(user=p, session=session) for p in people]


def test_seats_go_first_then_the_waiting_list(session, visitors):
    made = reserve_all(session, visitors)
    assert [r.status for r in made] == ["reserved", "reserved", "waiting", "waiting"]
    assert session.reservations.filter(status=Status.RESERVED).count() == 2


def test_reserving_twice_returns_the_same_reservation(session, visitors):
    first = services.reservation_create(user=visitors[0], session=session)
    again = services.reservation_create(user=visitors[0], session=session)
    assert again.pk == first.pk
    assert Reservation.objects.count() == 1


def test_the_database_refuses_a_second_active_reservation(session, visitors):
    """The constraint holds even for a write that skips the service."""
    services.reservation_create(user=visitors[0], session=session)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reservation.objects.create(
            session=session, user=visitors[0], status=Status.WAITING
        )


def test_cancelling_a_seat_moves_the_first_waiting_person_up_and_tells_them(
    session, visitors
):
    seated, _other, first_waiting, second_waiting = reserve_all(session, visitors)
    services.reservation_cancel(user=visitors[0], reservation=seated)

    statuses = dict(Reservation.objects.values_list("user_id", "status"))
    assert statuses[visitors[0].pk] == Status.CANCELLED
    assert statuses[visitors[2].pk] == Status.RESERVED
    assert statuses[visitors[3].pk] == Status.WAITING
    (notice,) = Notification.objects.filter(recipient=visitors[2])
    assert notice.kind == "home.events.promoted"
    assert notice.params == {"reservation": first_waiting.pk}
    assert not Notification.objects.filter(recipient=visitors[3]).exists()


def test_leaving_the_waiting_list_promotes_nobody(session, visitors):
    *_, last = reserve_all(session, visitors)
    services.reservation_cancel(user=visitors[3], reservation=last)
    assert session.reservations.filter(status=Status.RESERVED).count() == 2
    assert session.reservations.filter(status=Status.WAITING).count() == 1
    assert not Notification.objects.exists()


def test_cancelling_twice_changes_nothing_more(session, visitors):
    seated, *_ = reserve_all(session, visitors)
    services.reservation_cancel(user=visitors[0], reservation=seated)
    services.reservation_cancel(user=visitors[0], reservation=seated)
    assert session.reservations.filter(status=Status.RESERVED).count() == 2
    assert session.reservations.filter(status=Status.WAITING).count() == 1


def test_nobody_cancels_another_persons_reservation(session, visitors):
    seated = services.reservation_create(user=visitors[0], session=session)
    with pytest.raises(PermissionDenied):
        services.reservation_cancel(user=visitors[1], reservation=seated)
    seated.refresh_from_db()
    assert seated.status == Status.RESERVED


def test_after_cancelling_a_person_may_reserve_again_with_a_new_ticket(
    session, visitors
):
    first = services.reservation_create(user=visitors[0], session=session)
    services.reservation_cancel(user=visitors[0], reservation=first)
    second = services.reservation_create(user=visitors[0], session=session)
    assert second.pk != first.pk and second.status == Status.RESERVED
    assert tickets.ticket_code(second) != tickets.ticket_code(first)


def test_open_entry_and_past_sessions_take_no_reservation(event, visitors):
    open_entry = EventSessionFactory(page=event, capacity=0)
    past = EventSessionFactory(
        page=event,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    for session, code in ((open_entry, "open_entry"), (past, "session_over")):
        with pytest.raises(DomainError) as refused:
            services.reservation_create(user=visitors[0], session=session)
        assert refused.value.code == code
    assert not Reservation.objects.exists()


def test_a_translated_session_shares_the_seats_of_its_source(
    event, session, visitors, locales
):
    """Reserving on the Chinese page takes a seat of the same session."""
    chinese = event.copy_for_translation(locales["zh"])
    zh_session = chinese.sessions.get()
    assert zh_session.translation_key == session.translation_key
    services.reservation_create(user=visitors[0], session=session)
    services.reservation_create(user=visitors[1], session=zh_session)
    third = services.reservation_create(user=visitors[2], session=zh_session)
    assert third.status == Status.WAITING
    assert set(Reservation.objects.values_list("session", flat=True)) == {session.pk}


def test_free_seats_added_later_go_to_the_waiting_list(session, visitors):
    reserve_all(session, visitors)
    session.capacity = 4
    session.save()
    promoted = services.session_fill_from_waiting_list(session=session)
    assert [r.user for r in promoted] == visitors[2:]


# --- check-in ------------------------------------------------------------------


@pytest.fixture
def seated(session, visitors):
    return services.reservation_create(user=visitors[0], session=session)


def test_a_ticket_checks_in_once(seated, session, steward):
    code = tickets.ticket_code(seated)
    done = services.reservation_check_in(user=steward, session=session, code=code)
    assert done.checked_in_at is not None and done.checked_in_by == steward
    when = timezone.localtime(done.checked_in_at).strftime("%H:%M")
    with pytest.raises(DomainError) as again:
        services.reservation_check_in(user=steward, session=session, code=code)
    assert again.value.code == "ticket_used"
    assert f"at {when}" in again.value.message
    seated.refresh_from_db()
    assert seated.checked_in_at == done.checked_in_at


def test_a_typed_code_may_differ_in_case_and_spaces(seated, session, steward):
    typed = " " + tickets.ticket_code(seated).lower().replace("-", " - ") + " "
    services.reservation_check_in(user=steward, session=session, code=typed)
    seated.refresh_from_db()
    assert seated.checked_in_at is not None


def test_a_ticket_for_another_session_is_refused(seated, event, steward):
    other = EventSessionFactory(page=event, title="Women Craftsman Forum")
    with pytest.raises(DomainError) as refused:
        services.reservation_check_in(
            user=steward, session=other, code=tickets.ticket_code(seated)
        )
    assert refused.value.code == "ticket_other_session"
    assert seated.session.title in refused.value.message
    seated.refresh_from_db()
    assert seated.checked_in_at is None


@pytest.mark.parametrize(
    "forge",
    [
        lambda code: code[:-1] + ("A" if code[-1] != "A" else "B"),  # one letter
        lambda code: "9" + code,  # another id
        lambda code: "not a ticket",
        lambda code: "",
    ],
)
def test_a_forged_or_unknown_code_is_refused(seated, session, steward, forge):
    with pytest.raises(DomainError) as refused:
        services.reservation_check_in(
            user=steward, session=session, code=forge(tickets.ticket_code(seated))
        )
    assert refused.value.code == "ticket_invalid"
    assert not Reservation.objects.filter(checked_in_at__isnull=False).exists()


def test_cancelled_and_waiting_tickets_do_not_check_in(session, visitors, steward):
    made = reserve_all(session, visitors[:3])
    services.reservation_cancel(user=visitors[0], reservation=made[0])
    for reservation, code in ((made[0], "ticket_cancelled"),):
        with pytest.raises(DomainError) as refused:
            services.reservation_check_in(
                user=steward, session=session, code=tickets.ticket_code(reservation)
            )
        assert refused.value.code == code
    third = services.reservation_create(user=visitors[3], session=session)
    assert third.status == Status.WAITING
    with pytest.raises(DomainError) as refused:
        services.reservation_check_in(
            user=steward, session=session, code=tickets.ticket_code(third)
        )
    assert refused.value.code == "ticket_waiting"


def test_only_door_staff_check_in(seated, session, visitors, organiser):
    code = tickets.ticket_code(seated)
    with pytest.raises(PermissionDenied):
        services.reservation_check_in(user=visitors[1], session=session, code=code)
    services.reservation_check_in(user=organiser, session=session, code=code)


def test_a_used_ticket_cannot_be_cancelled(seated, session, steward, visitors):
    services.reservation_check_in(
        user=steward, session=session, code=tickets.ticket_code(seated)
    )
    with pytest.raises(DomainError):
        services.reservation_cancel(user=visitors[0], reservation=seated)
    seated.refresh_from_db()
    assert seated.status == Status.RESERVED


def test_erasing_a_persons_data_gives_their_seat_to_the_waiting_list(session, visitors):
    from home.events.personal_data import erase_events, export_events

    reserve_all(session, visitors[:3])
    exported = export_events(visitors[0])["event_reservations"]
    assert [r["status"] for r in exported] == ["reserved"]
    erase_events(visitors[0])
    assert not Reservation.objects.filter(user=visitors[0]).exists()
    assert Reservation.objects.get(user=visitors[2]).status == Status.RESERVED
