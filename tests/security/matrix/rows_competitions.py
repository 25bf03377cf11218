"""Skills competitions (home/events/competitions): the public competition page,
the enterprise's entry form (HR), the organiser's view and publishing (refused
while the practical round is not signed off: nothing changes)."""

from __future__ import annotations

from django.urls import reverse

from .table import expect, get, only, post

COMPETITIONS = "Skills competitions (home)"
HR = ("hr_a", "hr_b", "staff")
MANAGE = ("organiser", "staff")


def r(name):
    return lambda w: reverse(name, args=[w.competition.pk])


def _entries(w, user):
    return w.competition.entries.count()


def _published(w, user):
    w.competition.refresh_from_db()
    return w.competition.published_at


ROWS = [
    get(
        COMPETITIONS,
        "a competition",
        "competitions:detail",
        r("competitions:detail"),
        expect(200, anonymous=200),
    ),
    get(
        COMPETITIONS,
        "enter workers (form)",
        "competitions:enter",
        r("competitions:enter"),
        only(200, *HR),
    ),
    post(
        COMPETITIONS,
        "enter a worker of A",
        "competitions:enter",
        r("competitions:enter"),
        # B's HR and staff are offered no worker of A: a form error, nothing saved.
        only(302, "hr_a", hr_b=400, staff=400),
        data=lambda w: {"worker": w.users["apprentice"].pk},
        state=_entries,
    ),
    get(
        COMPETITIONS,
        "organiser's view",
        "competitions:manage",
        r("competitions:manage"),
        only(200, *MANAGE),
    ),
    post(
        COMPETITIONS,
        "publish the rankings (practical round not signed off)",
        "competitions:publish",
        r("competitions:publish"),
        only(302, *MANAGE),
        state=_published,
        acts=(),
    ),
]
