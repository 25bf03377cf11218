"""A competition taken through its rounds by the services: entries, a practical
panel of three judges scoring every entrant, the chair's sign-off."""

from __future__ import annotations

from decimal import Decimal

from home.events.competitions import services
from home.events.judging import services as judging
from tests.home.events.judging import factories as jf


def practical_round(competition, *, points: list[tuple[int, int]]):
    """Sets up the panel (three judges) and has each judge give the n-th entrant
    ``points[n]`` (innovation, presentation; 0–10 each, weights 2 and 1)."""
    chair = jf.chair_user()
    judges = [jf.judge_user() for _ in range(3)]
    panel = services.competition_practical_panel_create(
        user=competition.organiser,
        competition=competition,
        sheet=jf.sheet(),
        chair=chair,
        judges=judges,
    )
    seats, contestants = jf.parts(panel)
    for contestant, (innovation, presentation) in zip(contestants, points, strict=True):
        for seat in seats:
            jf.score(
                panel, seat, contestant, Decimal(innovation), Decimal(presentation)
            )
    return panel


def sign_off(panel):
    judging.panel_close(user=panel.chair, panel=panel)
    judging.panel_reveal(user=panel.chair, panel=panel)
    judging.panel_sign_off(user=panel.chair, panel=panel)
