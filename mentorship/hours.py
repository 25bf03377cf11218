"""One record of a worker's learning hours: confirmed guidance sessions, service visits
made, and completed courses, by category and month; exported as CSV or XLSX."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from courses.selectors.learning import completed_course_hours
from lms import charts
from mentorship.models import GuidanceSession


class Category(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance sessions")
    VISITS = "visits", _("Service visits made")
    COURSES = "courses", _("Completed courses")


@dataclass(frozen=True)
class HoursEntry:
    date: datetime.date
    category: str
    hours: Decimal
    title: str

    @property
    def category_label(self) -> str:
        return str(Category(self.category).label)


def hours_entries(*, user) -> list[HoursEntry]:
    """Every counted entry, newest first (two queries plus the courses app's)."""
    entries = []
    guidance = GuidanceSession.objects.filter(
        agreement__apprentice=user, status=GuidanceSession.Status.CONFIRMED
    ).select_related("agreement__mentor")
    for session in guidance:
        title = gettext("Guidance by %(mentor)s") % {"mentor": session.agreement.mentor}
        if session.topics:
            title = f"{title}: {session.topics.splitlines()[0][:120]}"
        entries.append(
            HoursEntry(session.date, Category.GUIDANCE, session.hours, title)
        )
    visits = GuidanceSession.objects.filter(
        mentor=user,
        service_request__isnull=False,
        status=GuidanceSession.Status.CONFIRMED,
    ).select_related("service_request__enterprise")
    for visit in visits:
        request = visit.service_request
        title = f"{request.title} · {request.enterprise}"
        entries.append(HoursEntry(visit.date, Category.VISITS, visit.hours, title))
    for date, course_hours, title in completed_course_hours(user=user):
        entries.append(
            HoursEntry(date, Category.COURSES, Decimal(course_hours or 0), str(title))
        )
    entries.sort(key=lambda e: (e.date, e.category), reverse=True)
    return entries


def hours_summary(entries: list[HoursEntry]) -> dict:
    """Hours by month (newest first) and category, with totals."""
    by_month: dict[datetime.date, dict[str, Decimal]] = defaultdict(
        lambda: defaultdict(Decimal)
    )
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for entry in entries:
        by_month[entry.date.replace(day=1)][entry.category] += entry.hours
        totals[entry.category] += entry.hours
    categories = list(Category)
    rows = [
        {
            "month": month,
            "cells": [by_month[month][c] for c in categories],
            "total": sum(by_month[month].values(), Decimal(0)),
        }
        for month in sorted(by_month, reverse=True)
    ]
    return {
        "categories": categories,
        "rows": rows,
        "totals": [totals[c] for c in categories],
        "total": sum(totals.values(), Decimal(0)),
    }


# The hours chart: month label | stacked bar | total, in user units of a 320-wide SVG.
CHART_WIDTH = 320
LABEL_WIDTH = 84  # the month label, left of the bars
BAR_SPAN = 180  # the longest bar; its total is written after it


def hours_chart(summary: dict) -> dict:
    """One stacked horizontal bar per month of ``summary`` (same order as its
    table), a segment per category, scaled by ``lms.charts.bars``."""
    categories = summary["categories"]
    bars = charts.bars(
        [
            (
                row["month"],
                [
                    (c.value, float(v))
                    for c, v in zip(categories, row["cells"], strict=True)
                ],
            )
            for row in summary["rows"]
        ],
        span=BAR_SPAN,
    )
    for bar, row in zip(bars, summary["rows"], strict=True):
        bar["total"] = row["total"]
        bar["total_x"] = round(LABEL_WIDTH + bar["width"] + 4, 1)
        for segment in bar["segments"]:
            segment["x"] = round(LABEL_WIDTH + segment["x"], 1)
            segment["width"] = round(segment["width"], 1)
            segment["label"] = Category(segment["key"]).label
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": charts.bars_height(len(bars)),
        "label_width": LABEL_WIDTH,
        "categories": categories,
    }


# --- export --------------------------------------------------------------------


def export_rows(entries: list[HoursEntry]):
    """The header and one row per entry, for ``lms.spreadsheets``."""
    yield [gettext("Date"), gettext("Category"), gettext("Hours"), gettext("Activity")]
    for e in entries:
        yield [e.date.isoformat(), e.category_label, e.hours, e.title]
