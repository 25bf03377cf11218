"""Reservations and check-in. Every step locks the row that holds the session's seats
(``EventSession.canonical``, ``select_for_update``) so that, on PostgreSQL, seats
are counted and taken one request at a time: capacity is never exceeded, and the
waiting list is served first come, first served. A unique constraint keeps one
active reservation per person per session whatever the timing."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from home.events import tickets
from home.events.models import EventSession, Reservation
from home.events.selectors import shown_session
from lms.errors import DomainError, PermissionDenied
from lms.permissions import user_can
from lms.services.notifications import notification_send

Status = Reservation.Status
PROMOTED = "home.events.promoted"


def _seats_locked(session: EventSession) -> EventSession:
    """The session's seat-holding row, locked until the transaction ends."""
    return (
        EventSession.objects.select_for_update()
        .filter(translation_key=session.translation_key)
        .order_by("pk")
        .first()
    )


def _time(value) -> str:
    return formats.date_format(timezone.localtime(value), "H:i")


def reservation_create(*, user, session: EventSession) -> Reservation:
    """A seat for ``user`` in ``session`` while seats are left, else a place on its
    waiting list. Sent twice, it returns the reservation the first made."""
    if not user_can(user, "reserve", session):
        raise PermissionDenied(_("Sign in to reserve a seat."))
    if not session.takes_reservations:
        raise DomainError(
            _("This session has open entry: no reservation is needed."),
            code="open_entry",
        )
    if session.ends_at <= timezone.now():
        raise DomainError(_("This session is over."), code="session_over")
    with transaction.atomic():
        seats = _seats_locked(session)
        active = Reservation.objects.filter(
            session=seats, user=user, status__in=Reservation.ACTIVE
        )
        existing = active.first()
        if existing is not None:
            return existing
        taken = Reservation.objects.filter(session=seats, status=Status.RESERVED)
        status = Status.RESERVED if taken.count() < seats.capacity else Status.WAITING
        try:
            with transaction.atomic():
                return Reservation.objects.create(
                    session=seats, user=user, status=status
                )
        except IntegrityError:  # the same person's other request got in first
            return active.get()


def reservation_cancel(*, user, reservation: Reservation) -> Reservation:
    """Gives the seat (or the place in the queue) back; a freed seat goes to the
    first person waiting, who is told. Cancelling twice changes nothing."""
    if not user_can(user, "cancel", reservation):
        raise PermissionDenied(_("This is not your reservation."))
    with transaction.atomic():
        seats = _seats_locked(reservation.session)
        current = Reservation.objects.select_for_update().get(pk=reservation.pk)
        if current.status == Status.CANCELLED:
            return current
        if current.checked_in_at is not None:
            raise DomainError(
                _("You were checked in already: a used ticket cannot be cancelled."),
                code="checked_in",
            )
        freed = current.status == Status.RESERVED
        current.status = Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        if freed:
            _promote_waiting(seats)
    return current


def _promote_waiting(seats: EventSession) -> list[Reservation]:
    """Fills free seats from the waiting list in the order people joined it (the
    caller holds the lock on ``seats``)."""
    taken = Reservation.objects.filter(session=seats, status=Status.RESERVED).count()
    free = max(seats.capacity - taken, 0)
    promoted = list(
        Reservation.objects.select_for_update()
        .filter(session=seats, status=Status.WAITING)
        .order_by("created_at", "pk")[:free]
    )
    now = timezone.now()
    for reservation in promoted:
        reservation.status = Status.RESERVED
        reservation.promoted_at = now
        reservation.save(update_fields=["status", "promoted_at"])
        notification_send(
            recipient=reservation.user,
            key=f"{PROMOTED}:{reservation.pk}",
            kind=PROMOTED,
            params={"reservation": reservation.pk},
        )
    return promoted


def session_fill_from_waiting_list(*, session: EventSession) -> list[Reservation]:
    """After an editor added seats: the people waiting move up into them."""
    with transaction.atomic():
        return _promote_waiting(_seats_locked(session))


def event_fill_waiting_lists(*, event) -> list[Reservation]:
    """After an event's programme was published: every session whose seats were
    raised above those reserved takes people from its waiting list (called on
    ``page_published``, wired in ``HomeConfig.ready``)."""
    promoted = []
    for session in EventSession.objects.filter(page=event, capacity__gt=0):
        promoted += session_fill_from_waiting_list(session=session)
    return promoted


def reservation_check_in(*, user, session: EventSession, code: str) -> Reservation:
    """Checks in the holder of the ticket ``code`` (scanned or typed) at ``session``,
    once. A code that is not a ticket, one for another session, a cancelled or
    waiting reservation and a second check-in are refused, and nothing changes."""
    if not user_can(user, "check_in", session):
        raise PermissionDenied(_("Only stewards and organisers check visitors in."))
    parsed = tickets.parse(code)
    refused = _("Not a valid ticket: the code is unknown or was altered.")
    if parsed is None:
        raise DomainError(refused, code="ticket_invalid")
    pk, signature = parsed
    with transaction.atomic():
        reservation = (
            Reservation.objects.select_for_update(of=("self",))
            .select_related("session", "user")
            .filter(pk=pk)
            .first()
        )
        if reservation is None or not tickets.signature_matches(reservation, signature):
            raise DomainError(refused, code="ticket_invalid")
        if reservation.session.translation_key != session.translation_key:
            other = shown_session(reservation.session)
            raise DomainError(
                _("This ticket is for “%(title)s” at %(time)s, not for this session.")
                % {"title": other.title, "time": _time(other.starts_at)},
                code="ticket_other_session",
            )
        if reservation.status == Status.CANCELLED:
            raise DomainError(
                _("This reservation was cancelled."), code="ticket_cancelled"
            )
        if reservation.status == Status.WAITING:
            raise DomainError(
                _("This visitor is on the waiting list and has no seat yet."),
                code="ticket_waiting",
            )
        if reservation.checked_in_at is not None:
            raise DomainError(
                _("Already checked in at %(time)s.")
                % {"time": _time(reservation.checked_in_at)},
                code="ticket_used",
            )
        reservation.checked_in_at = timezone.now()
        reservation.checked_in_by = user
        reservation.save(update_fields=["checked_in_at", "checked_in_by"])
    return reservation


def reservations_erase(*, user) -> None:
    """A person's reservations go with their data (``lms.personal_data``): seats
    still held are given back to the waiting list first, then every row is
    deleted."""
    with transaction.atomic():
        held = Reservation.objects.filter(
            user=user, status=Status.RESERVED, checked_in_at__isnull=True
        ).select_related("session")
        for reservation in held:
            seats = _seats_locked(reservation.session)
            Reservation.objects.filter(pk=reservation.pk).update(
                status=Status.CANCELLED, cancelled_at=timezone.now()
            )
            _promote_waiting(seats)
        Reservation.objects.filter(user=user).delete()
