"""Events (home/events): the public event pages, reserving, tickets, the organiser's
counts and the steward's check-in (the learner holds a seat of the world's
session); the audience vote (open, nobody has voted yet) and its admin."""

from __future__ import annotations

from django.urls import reverse

from home.events.models import Reservation, Vote

from .table import admin, expect, get, only, post

EVENTS = "Events (home)"
PUBLIC = expect(200, anonymous=200)
DOOR = ("organiser", "steward", "staff")
# The learner's own ticket: theirs, and organisers'; other people's ids are not found.
TICKET = only(200, "learner", "organiser", "staff", others=404)


def r(name, key):
    return lambda w: reverse(name, args=[getattr(w, key).pk])


def _page(key, suffix=""):
    return lambda w: getattr(w, key).url + suffix


def _reservations(w, user):
    if user is None:
        return 0
    return Reservation.objects.filter(user=user).count()


def _ticket_status(w, user):
    return Reservation.objects.get(pk=w.ticket.pk).status


def _votes(w, user):
    return Vote.objects.filter(ballot=w.ballot).count()


def _first_option(w):
    return {"option": w.ballot.options.order_by("sort_order").first().pk}


ADMIN_USERS = (
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "organiser",
    "staff",
)
VOTES = "Audience votes (home)"


def _checked_in(w, user):
    return Reservation.objects.get(pk=w.ticket.pk).checked_in_at is not None


ROWS = [
    get(EVENTS, "events", "page:home.eventindexpage", _page("events"), PUBLIC),
    get(
        EVENTS,
        "events RSS",
        "page:home.eventindexpage",
        _page("events", "rss/"),
        PUBLIC,
    ),
    get(
        EVENTS,
        "events Atom",
        "page:home.eventindexpage",
        _page("events", "atom/"),
        PUBLIC,
    ),
    get(EVENTS, "an event", "page:home.eventpage", _page("event"), PUBLIC),
    get(
        EVENTS,
        "events (address)",
        "home:events",
        lambda w: reverse("home:events"),
        expect(302, anonymous=302),
    ),
    get(
        EVENTS,
        "my reservations",
        "events:mine",
        lambda w: reverse("events:mine"),
        expect(200),
    ),
    post(
        EVENTS,
        "reserve a seat",
        "events:reserve",
        r("events:reserve", "event_session"),
        expect(302),
        state=_reservations,
        acts=set(expect(302)) - {"anonymous", "learner"},  # the learner holds one
    ),
    get(
        EVENTS,
        "a ticket (the learner's)",
        "events:ticket",
        r("events:ticket", "ticket"),
        TICKET,
    ),
    post(
        EVENTS,
        "cancel a reservation (the learner's)",
        "events:cancel",
        r("events:cancel", "ticket"),
        only(302, "learner", "organiser", "staff", others=404),
        state=_ticket_status,
    ),
    get(
        EVENTS,
        "seats and check-in (counts)",
        "events:desk",
        r("events:desk", "event"),
        only(200, *DOOR),
    ),
    get(
        EVENTS,
        "check-in page",
        "events:check_in",
        r("events:check_in", "event_session"),
        only(200, *DOOR),
    ),
    post(
        EVENTS,
        "check a visitor in (typed code)",
        "events:check_in",
        r("events:check_in", "event_session"),
        only(200, *DOOR),
        data=lambda w: {"code": w.ticket_code},
        state=_checked_in,
        acts=DOOR,
    ),
    # --- the audience vote ------------------------------------------------------
    get(VOTES, "a ballot", "voting:ballot", r("voting:ballot", "ballot"), PUBLIC),
    post(
        VOTES,
        "vote",
        "voting:vote",
        r("voting:vote", "ballot"),
        expect(302),
        data=_first_option,
        state=_votes,
    ),
    get(
        VOTES,
        "results (published once closed)",
        "voting:results",
        r("voting:results", "ballot"),
        PUBLIC,
    ),
    get(
        VOTES,
        "live counts",
        "voting:counts",
        r("voting:counts", "ballot"),
        only(200, "organiser", "staff"),
    ),
    get(
        VOTES,
        "audience votes (admin)",
        "ballots:index",
        lambda w: reverse("ballots:index"),
        admin(200, "organiser", "staff"),
    ),
    get(
        VOTES,
        "add an audience vote (admin)",
        "ballots:add",
        lambda w: reverse("ballots:add"),
        admin(200, "organiser", "staff"),
    ),
    get(
        VOTES,
        "edit an audience vote (admin)",
        "ballots:edit",
        r("ballots:edit", "ballot"),
        admin(200, "organiser", "staff"),
    ),
    get(
        VOTES,
        "achievement chooser (admin)",
        "achievement_chooser:choose",
        lambda w: reverse("achievement_chooser:choose"),
        admin(200, *ADMIN_USERS),
    ),
    get(
        VOTES,
        "achievement chooser search (admin)",
        "achievement_chooser:choose_results",
        lambda w: reverse("achievement_chooser:choose_results") + "?q=jig",
        admin(200, *ADMIN_USERS),
    ),
]
