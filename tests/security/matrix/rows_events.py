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

# --- commendations (home/events/commendations): the coordinator keeps union A (the
# learner's and apprentice's); the mentor sits on every committee.
COMMENDATIONS = "Commendations (home)"
WORKING = ("coordinator", "mentor", "organiser", "staff")
SELECTORS = ("mentor", "organiser", "staff")
NOMINATORS = ("coordinator", "staff")
MANAGERS = ("organiser", "staff")


def _nominations(w, user):
    return w.commendation_open.nominations.count()


def _reviews(w, user):
    return list(w.nomination.reviews.values_list("reviewer", "recommendation"))


def _selection(w, user):
    return list(w.commendation_selected.nominations.filter(selected=True))


def _status(key):
    return lambda w, user: (
        type(getattr(w, key)).objects.get(pk=getattr(w, key).pk).status
    )


ROWS += [
    get(
        COMMENDATIONS,
        "commendations",
        "commendations:index",
        lambda w: reverse("commendations:index"),
        PUBLIC,
    ),
    get(
        COMMENDATIONS,
        "a published list",
        "commendations:detail",
        r("commendations:detail", "commendation_published"),
        PUBLIC,
    ),
    get(
        COMMENDATIONS,
        "nominations of a commendation",
        "commendations:nominations",
        r("commendations:nominations", "commendation_selected"),
        only(200, *WORKING),
    ),
    get(
        COMMENDATIONS,
        "nomination form",
        "commendations:nominate",
        r("commendations:nominate", "commendation_open"),
        only(200, *NOMINATORS),
    ),
    post(
        COMMENDATIONS,
        "nominate a craftsman (the apprentice of A)",
        "commendations:nominate",
        r("commendations:nominate", "commendation_open"),
        only(302, *NOMINATORS),
        data=lambda w: {
            "union": w.union.pk,
            "craftsman": w.users["apprentice"].pk,
            "statement": "Led two improvement projects.",
        },
        state=_nominations,
    ),
    get(
        COMMENDATIONS,
        "a nomination and its reviews",
        "commendations:review",
        r("commendations:review", "nomination"),
        only(200, *WORKING, others=404),
    ),
    post(
        COMMENDATIONS,
        "review a nomination",
        "commendations:review",
        r("commendations:review", "nomination"),
        only(302, "mentor", others=404, coordinator=403, organiser=403, staff=403),
        data=lambda w: {"recommendation": "decline", "notes": "Not yet."},
        state=_reviews,
    ),
    get(
        COMMENDATIONS,
        "selection form",
        "commendations:select",
        r("commendations:select", "commendation_selected"),
        only(200, *SELECTORS),
    ),
    post(
        COMMENDATIONS,
        "select (none: the learner taken out)",
        "commendations:select",
        r("commendations:select", "commendation_selected"),
        only(302, *SELECTORS),
        data=lambda w: {},
        state=_selection,
    ),
    post(
        COMMENDATIONS,
        "close nominations",
        "commendations:close",
        r("commendations:close", "commendation_open"),
        only(302, *MANAGERS),
        state=_status("commendation_open"),
    ),
    post(
        COMMENDATIONS,
        "publish the list",
        "commendations:publish",
        r("commendations:publish", "commendation_selected"),
        only(302, *MANAGERS),
        state=_status("commendation_selected"),
    ),
    get(
        COMMENDATIONS,
        "commendations (admin)",
        "commendation_admin:index",
        lambda w: reverse("commendation_admin:index"),
        admin(200, "staff"),
    ),
    get(
        COMMENDATIONS,
        "a commendation (admin)",
        "commendation_admin:edit",
        r("commendation_admin:edit", "commendation_open"),
        admin(200, "staff"),
    ),
    get(
        COMMENDATIONS,
        "delete a commendation, the question (admin)",
        "commendation_admin:delete",
        r("commendation_admin:delete", "commendation_open"),
        admin(200, "staff"),
    ),
]
