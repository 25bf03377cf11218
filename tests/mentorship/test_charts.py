"""The charts people read: hours by month as stacked bars, and the progress chart's
axes and "today" mark."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from mentorship import hours
from mentorship.charts import today_x

from .factories import AgreementFactory, GuidanceSessionFactory, today

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def no_courses(monkeypatch):
    monkeypatch.setattr(hours, "completed_course_hours", lambda user: [])


def svg_of(body: str, role_img_marker: str) -> str:
    """The one <svg role="img"> element that contains ``role_img_marker``."""
    svgs = re.findall(r"<svg[^>]*role=\"img\".*?</svg>", body, re.S)
    found = [svg for svg in svgs if role_img_marker in svg]
    assert len(found) == 1, svgs
    return found[0]


def test_hours_page_draws_one_bar_per_month_with_a_text_alternative(client, no_courses):
    agreement = AgreementFactory()
    this_month = today() - DAY
    earlier = today() - 35 * DAY  # always another month than yesterday
    GuidanceSessionFactory(agreement=agreement, status="confirmed", date=this_month)
    GuidanceSessionFactory(agreement=agreement, status="confirmed", date=earlier)
    client.force_login(agreement.apprentice)
    body = client.get(reverse("mentorship:my_hours")).content.decode()
    svg = svg_of(body, "month-bars-desc")
    assert svg.count('<g class="bar">') == 2
    assert svg.count('class="seg-guidance"') == 2
    assert '<title id="month-bars-title">Hours by month</title>' in svg
    assert "Learning hours of 2 months, 3.0 hours in all" in svg
    # the legend names every category, the table stays as the data
    assert "Service visits made" in body and '<table class="hours-table">' in body


def test_hours_chart_stacks_categories_and_scales_the_longest_month(no_courses):
    summary = {
        "categories": list(hours.Category),
        "rows": [
            {
                "month": today().replace(day=1),
                "cells": [Decimal("2"), Decimal("0"), Decimal("2")],
                "total": Decimal("4"),
            },
            {
                "month": (today().replace(day=1) - DAY).replace(day=1),
                "cells": [Decimal("2"), Decimal("0"), Decimal("0")],
                "total": Decimal("2"),
            },
        ],
    }
    chart = hours.hours_chart(summary)
    longest, shorter = chart["bars"]
    assert [s["key"] for s in longest["segments"]] == ["guidance", "courses"]
    assert longest["width"] == hours.BAR_SPAN
    assert shorter["width"] == hours.BAR_SPAN / 2
    assert longest["segments"][1]["x"] == hours.LABEL_WIDTH + hours.BAR_SPAN / 2
    assert longest["total"] == Decimal("4")
    assert chart["height"] == 2 * 28


def progress_svg(client, agreement) -> str:
    client.force_login(agreement.apprentice)
    response = client.get(reverse("mentorship:agreement_progress", args=[agreement.pk]))
    assert response.status_code == 200
    return svg_of(response.content.decode(), "chart-desc")


def test_progress_chart_has_axis_labels_and_a_today_mark_in_range(client):
    agreement = AgreementFactory(
        planned_hours=40,
        start_date=datetime.date(2026, 1, 10),
        end_date=today() + 40 * DAY,
    )
    svg = progress_svg(client, agreement)
    assert '<text x="-4" y="160" class="y-label">0 h</text>' in svg
    assert ">40.0 h</text>" in svg  # the top of the axis: the planned hours
    last = (today() + 40 * DAY).replace(day=1)
    with translation.override("en"):
        for month in (agreement.start_date, last):
            assert f">{date_format(month, 'YEAR_MONTH_FORMAT')}</text>" in svg
    assert '<g class="today">' in svg and ">today</text>" in svg
    assert "A vertical line marks today." in svg


def test_progress_chart_has_no_today_mark_once_the_agreement_ended(client):
    agreement = AgreementFactory(
        start_date=today() - 200 * DAY, end_date=today() - 30 * DAY
    )
    svg = progress_svg(client, agreement)
    assert 'class="today"' not in svg and "marks today" not in svg
    assert 'class="x-label first"' in svg


def test_progress_chart_today_mark_and_months_in_chinese(client):
    agreement = AgreementFactory(start_date=datetime.date(2026, 1, 10))
    client.force_login(agreement.apprentice)
    with translation.override("zh-hans"):
        url = reverse("mentorship:agreement_progress", args=[agreement.pk])
    svg = svg_of(client.get(url).content.decode(), "chart-desc")
    assert ">今天</text>" in svg and ">2026年1月</text>" in svg


def test_today_x_places_today_between_month_starts():
    months = [datetime.date(2026, m, 1) for m in (1, 2, 3)]
    end = datetime.date(2026, 3, 31)
    assert today_x(months=months, today=months[0], end=end, width=320) == 0
    assert today_x(months=months, today=months[1], end=end, width=320) == 160
    # the middle of February (28 days): halfway to March
    mid = datetime.date(2026, 2, 15)
    assert today_x(months=months, today=mid, end=end, width=320) == 240.0
    assert today_x(months=months, today=end + DAY, end=end, width=320) is None
    assert today_x(months=months, today=months[0] - DAY, end=end, width=320) is None
