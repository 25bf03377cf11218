"""Reserving, the ticket, the organiser's counts and the steward's check-in. Thin:
the services hold the rules, the policies (``home.events.permissions``) who may."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.events import selectors, services, tickets
from home.events.forms import CheckInForm
from home.events.models import EventPage, EventSession, Reservation
from lms.errors import DomainError
from lms.permissions import records_for, user_may
from lms.rate_limits import over_limit


def _session(pk: int) -> EventSession:
    """A session of a live event (a draft's sessions are not open to reserve)."""
    return get_object_or_404(
        EventSession.objects.select_related("page"), pk=pk, page__live=True
    )


def _back(request, session: EventSession):
    return redirect(session.page.url + "#programme")


@require_POST
@login_required
def reserve(request, pk: int):
    session = _session(pk)
    try:
        reservation = services.reservation_create(user=request.user, session=session)
    except DomainError as error:
        messages.error(request, error.message)
        return _back(request, session)
    if reservation.status == Reservation.Status.WAITING:
        messages.info(
            request,
            _(
                "The session is full: you are on its waiting list and will be told "
                "when a seat is yours."
            ),
        )
        return _back(request, session)
    messages.success(request, _("Your seat is reserved. Here is your ticket."))
    return redirect("events:ticket", reservation.pk)


def _reservation(request, pk: int, action: str = "view") -> Reservation:
    found = records_for(request.user, action, Reservation).select_related(
        "session__page", "user"
    )
    return get_object_or_404(found, pk=pk)


@login_required
def ticket(request, pk: int):
    reservation = _reservation(request, pk)
    session = selectors.shown_session(reservation.session)
    context = {"reservation": reservation, "session": session}
    if reservation.status == Reservation.Status.RESERVED:
        code = tickets.ticket_code(reservation)
        qr = segno.make(code, error="m")
        context["code"] = code
        # segno writes the SVG itself (no user text in it): safe to inline.
        context["qr_svg"] = mark_safe(  # noqa: S308
            qr.svg_inline(scale=8, border=2, dark="#111", light="#fff", omitsize=True)
        )
    return render(request, "home/events/ticket.html", context)


@require_POST
@login_required
def cancel(request, pk: int):
    reservation = _reservation(request, pk, "cancel")
    try:
        services.reservation_cancel(user=request.user, reservation=reservation)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("events:ticket", reservation.pk)
    messages.success(request, _("Your reservation is cancelled."))
    return redirect(
        selectors.shown_session(reservation.session).page.url + "#programme"
    )


@login_required
def mine(request):
    found = list(
        Reservation.objects.filter(user=request.user, status__in=Reservation.ACTIVE)
        .select_related("session__page")
        .order_by("session__starts_at")
    )
    shown = selectors.sessions_in_language(r.session for r in found)
    for reservation in found:
        reservation.shown = shown[reservation.session_id]
    return render(request, "home/events/mine.html", {"reservations": found})


@login_required
def desk(request, pk: int):
    """The organiser's counts per session (reserved, waiting, checked in), with the
    check-in page of each session for stewards."""
    if not user_may(request.user, "view_counts", EventSession):
        raise Forbidden
    event = get_object_or_404(EventPage, pk=pk)
    sessions = selectors.sessions_with_counts(event=event)
    return render(
        request, "home/events/desk.html", {"event": event, "sessions": sessions}
    )


@login_required
def check_in(request, pk: int):
    session = _session(pk)
    if not user_may(request.user, "check_in", EventSession):
        raise Forbidden
    form = CheckInForm(request.POST or None)
    checked, status = None, 200
    if request.method == "POST":
        if over_limit(
            request,
            "check-in",
            settings.CHECK_IN_RATE_LIMIT,
            who=f"user:{request.user.pk}",
        ):
            # Typed codes could be guessed: a steward's tries are counted.
            form.add_error(
                None, _("Too many codes tried from your account. Wait a minute.")
            )
            status = 429
        elif not form.is_valid():
            status = 400
        else:
            try:
                checked = services.reservation_check_in(
                    user=request.user, session=session, code=form.cleaned_data["code"]
                )
            except DomainError as error:
                form.add_error("code", error.message)
                status = 409
            else:
                form = CheckInForm()  # ready for the next visitor
    (counted,) = selectors.with_counts([session])
    return render(
        request,
        "home/events/check_in.html",
        {
            "session": session,
            "form": form,
            "checked": checked,
            "counts": counted.counts,
        },
        status=status,
    )
