"""Judging built through its services: a sheet of two criteria (innovation ×2,
presentation ×1, 0–10 each), a panel with judges (role Judge), a chair (role
Chair), contestants and the award bands 1 best, 2–3 wonderful."""

from __future__ import annotations

from decimal import Decimal

from home.events.judging import services
from lms.roles import Role
from tests.lms.factories import UserFactory

BANDS = [(1, 1, "Best display", "最佳展示"), (2, 3, "Wonderful display", "精彩展示")]


def sheet():
    return services.sheet_create(
        name="Roadshow sheet",
        name_zh="路演评分表",
        criteria=[
            {"name": "Innovation", "name_zh": "创新性", "weight": Decimal(2)},
            {"name": "Presentation", "name_zh": "展示", "weight": Decimal(1)},
        ],
    )


def judge_user(**kwargs):
    return UserFactory(roles=[Role.JUDGE], **kwargs)


def chair_user(**kwargs):
    return UserFactory(roles=[Role.CHAIR], **kwargs)


def panel(*, judges=5, contestants=4, chair=None, session=None, **kwargs):
    """``judges``: a number of new judges, or a list of users / PanelJudge dicts;
    ``contestants``: a number, or a list of Contestant dicts."""
    if isinstance(judges, int):
        judges = [judge_user() for _ in range(judges)]
    if isinstance(contestants, int):
        contestants = [
            {"display_name": f"Presenter {n + 1}"} for n in range(contestants)
        ]
    return services.panel_create(
        name=kwargs.pop("name", "Craftsman roadshow"),
        name_zh=kwargs.pop("name_zh", "工匠路演"),
        sheet=kwargs.pop("sheet", None) or sheet(),
        chair=chair or chair_user(),
        judges=judges,
        contestants=contestants,
        bands=kwargs.pop("bands", BANDS),
        session=session,
        **kwargs,
    )


def score(panel, judge, contestant, innovation, presentation):
    """``judge``: a PanelJudge; submits through the service."""
    first, second = panel.sheet.criteria.order_by("sort_order")
    return services.score_submit(
        user=judge.user,
        contestant=contestant,
        values={first.pk: innovation, second.pk: presentation},
    )


def parts(panel):
    """(judges, contestants) in order."""
    return (
        list(panel.judges.order_by("sort_order")),
        list(panel.contestants.order_by("sort_order")),
    )
