"""Judging (home/events/judging): the judge's phone page and scores, the chair's
console, corrections and steps, the hall screen. ``judge`` sits on the world's
panel (open, nothing scored by them), ``chair`` chairs it; a second judge's score
of the first contestant is there to correct."""

from __future__ import annotations

from django.urls import reverse

from home.events.judging.models import (
    ConflictDeclaration,
    Panel,
    Score,
    ScoreCorrection,
)

from .table import admin, expect, get, only, post

JUDGING = "Judging (home)"
CONSOLE = ("organiser", "chair", "staff")
SETUP = ("organiser", "staff")  # the admin's "Judging" menu


def _step(step):
    return lambda w: reverse("judging:step", args=[w.panel.pk, step])


def _score_data(w):
    first, second = w.panel.sheet.criteria.order_by("sort_order")
    prefix = f"p{w.contestant_two.pk}"
    return {f"{prefix}-c{first.pk}": "8", f"{prefix}-c{second.pk}": "7.5"}


def _scores(w, user):
    return Score.objects.count()


def _conflicts(w, user):
    return ConflictDeclaration.objects.count()


def _corrections(w, user):
    return ScoreCorrection.objects.count()


def _status(w, user):
    return Panel.objects.get(pk=w.panel.pk).status


def _admin(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


ROWS = [
    get(
        JUDGING,
        "my panels",
        "judging:mine",
        lambda w: reverse("judging:mine"),
        expect(200),
    ),
    get(
        JUDGING,
        "judge's page (their panel)",
        "judging:judge",
        lambda w: reverse("judging:judge", args=[w.panel.pk]),
        only(200, "judge"),
    ),
    post(
        JUDGING,
        "submit a score",
        "judging:score",
        lambda w: reverse("judging:score", args=[w.panel.pk, w.contestant_two.pk]),
        only(302, "judge"),
        data=_score_data,
        state=_scores,
    ),
    post(
        JUDGING,
        "declare a conflict",
        "judging:conflict",
        lambda w: reverse("judging:conflict", args=[w.panel.pk, w.contestant_two.pk]),
        only(302, "judge"),
        data=lambda w: {f"x{w.contestant_two.pk}-reason": "My former apprentice"},
        state=_conflicts,
    ),
    get(
        JUDGING,
        "chair's console",
        "judging:console",
        lambda w: reverse("judging:console", args=[w.panel.pk]),
        only(200, *CONSOLE),
    ),
    post(
        JUDGING,
        "correct a score (with a reason)",
        "judging:correct",
        lambda w: reverse("judging:correct", args=[w.panel.pk]),
        only(302, "chair"),
        data=lambda w: {
            "score": w.score.pk,
            "criterion": w.panel.sheet.criteria.order_by("sort_order").first().pk,
            "value": "6",
            "reason": "Typed 7 for 6",
        },
        state=_corrections,
    ),
    post(
        JUDGING,
        "close scoring",
        "judging:step",
        _step("close"),
        only(302, *CONSOLE),
        state=_status,
    ),
    get(
        JUDGING,
        "hall screen",
        "judging:hall",
        lambda w: reverse("judging:hall", args=[w.panel.pk]),
        expect(200, anonymous=200),
    ),
    get(
        JUDGING,
        "hall screen (live part)",
        "judging:hall_live",
        lambda w: reverse("judging:hall_live", args=[w.panel.pk]),
        expect(200, anonymous=200),
    ),
    get(
        JUDGING,
        "score sheets (admin)",
        "scoresheet:index",
        _admin("scoresheet:index"),
        admin(200, *SETUP),
    ),
    get(
        JUDGING,
        "add a score sheet (admin form)",
        "scoresheet:add",
        _admin("scoresheet:add"),
        admin(200, *SETUP),
    ),
    get(
        JUDGING,
        "edit a score sheet (admin)",
        "scoresheet:edit",
        _admin("scoresheet:edit", lambda w: w.panel.sheet_id),
        admin(200, *SETUP),
    ),
    get(
        JUDGING,
        "judging panels (admin)",
        "panel:index",
        _admin("panel:index"),
        admin(200, *SETUP),
    ),
    get(
        JUDGING,
        "add a judging panel (admin form)",
        "panel:add",
        _admin("panel:add"),
        admin(200, *SETUP),
    ),
    get(
        JUDGING,
        "edit a judging panel (admin)",
        "panel:edit",
        _admin("panel:edit", lambda w: w.panel.pk),
        admin(200, *SETUP),
    ),
]
