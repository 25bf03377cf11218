"""The inline SVG chart of the progress page: confirmed hours against the plan."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from lms import charts
from mentorship.models import Agreement, GuidanceSession


def today_x(
    *,
    months: list[datetime.date],
    today: datetime.date,
    end: datetime.date,
    width: float,
) -> float | None:
    """Where ``today`` falls on an axis of ``months`` (month starts spread evenly
    across ``width``, as ``lms.charts.polyline`` spreads them), or None when it lies
    outside the first month's start and ``end``."""
    if not months or not months[0] <= today <= end:
        return None
    index = (today.year - months[0].year) * 12 + today.month - months[0].month
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    days_in_month = (following - today.replace(day=1)).days
    position = index + (today.day - 1) / days_in_month
    steps = max(len(months) - 1, 1)
    return round(min(position * width / steps, width), 1)


def hours_chart(*, agreement: Agreement, sessions: list[GuidanceSession]) -> dict:
    """Cumulative confirmed hours by month against an even plan, scaled for an inline
    SVG of 320 × 160 user units, with a "today" mark when today is in the range."""
    months = []
    cursor = agreement.start_date.replace(day=1)
    while cursor <= agreement.end_date and len(months) < 36:
        months.append(cursor)
        cursor = (cursor + datetime.timedelta(days=32)).replace(day=1)
    by_month: dict[datetime.date, int] = {}
    for session in sessions:
        key = session.date.replace(day=1)
        by_month[key] = by_month.get(key, 0) + session.minutes
    planned = float(agreement.planned_hours)
    actual, running = [], 0
    today = timezone.localdate()
    for month in months:
        running += by_month.get(month, 0)
        actual.append((month, running / 60 if month <= today else None))
    top = max([planned] + [a for _m, a in actual if a is not None]) or 1.0
    width, height = 320, 160
    scale = {"top": top, "width": width, "height": height}
    # The plan: a straight line from nothing at the start to all hours at the end.
    plan = [0.0] + [None] * max(len(months) - 2, 0) + [planned]
    return {
        "width": width,
        "height": height,
        "planned_line": charts.polyline(plan, **scale),
        "actual_points": charts.polyline([value for _m, value in actual], **scale),
        "months": [m for m, _v in actual],
        "top": Decimal(str(round(top, 1))),
        "first": months[0] if months else None,
        "last": months[-1] if months else None,
        "today_x": today_x(
            months=months, today=today, end=agreement.end_date, width=width
        ),
    }
