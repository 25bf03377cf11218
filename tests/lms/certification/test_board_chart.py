"""The HR board's counts (issue 15, the page's weight): the chart draws only the
occupations with the most certificates and says how many it leaves to the table;
the table keeps every occupation and every count; with few occupations the chart
draws them all and the table stays open; the labels are translated. The chart's
share of the page no longer grows with the number of occupations."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from lms.certification.selectors import BoardCounts
from lms.certification.selectors.board import CHART_MOST
from lms.models import SkillLevel
from tests.lms.factories import OccupationFactory

pytestmark = pytest.mark.django_db


def counts_of(n_occupations: int, levels: int = 8) -> BoardCounts:
    """Occupation i holds i + 1 certificates at each of ``levels`` levels, so the
    largest are the last made."""
    occupations = [
        OccupationFactory(name=f"Trade {i:03d}", name_zh=f"工种{i:03d}")
        for i in range(n_occupations)
    ]
    cells = {
        (o.pk, level): i + 1
        for i, o in enumerate(occupations)
        for level in list(SkillLevel)[:levels]
    }
    return BoardCounts(cells=cells)


def rendered(counts: BoardCounts, language: str = "en") -> str:
    with translation.override(language):
        return render_to_string("lms/certificates/_counts.html", {"counts": counts})


def chart_of(html: str) -> str:
    return html[html.index('<figure class="cert-chart"') : html.index("</figure>")]


def table_of(html: str) -> str:
    return html[html.index('<table class="cert-counts"') : html.index("</table>")]


def test_the_chart_draws_the_largest_occupations_and_the_table_keeps_all():
    counts = counts_of(CHART_MOST + 8)
    html = rendered(counts)
    chart, table = chart_of(html), table_of(html)
    assert chart.count("<svg") == CHART_MOST
    drawn = re.findall(r"<span>(Trade \d+): \d+</span>", chart)
    largest_first = [f"Trade {i:03d}" for i in range(CHART_MOST + 7, 7, -1)]
    assert drawn == largest_first
    assert "And 8 more occupations: see the table." in chart
    assert 'href="#counts-table"' in chart
    rows = re.findall(r'<th scope="row">(Trade \d+)</th>', table)
    assert sorted(rows) == [f"Trade {i:03d}" for i in range(CHART_MOST + 8)]
    assert table.count("<td>") == (CHART_MOST + 8) * 9  # eight levels and a total
    assert '<details id="counts-table" class="cert-counts-all">' in html  # closed
    assert "Table of all 20 occupations by level" in html


def test_few_occupations_are_all_drawn_and_the_table_is_open():
    html = rendered(counts_of(3))
    assert chart_of(html).count("<svg") == 3
    assert "more occupation" not in html
    assert '<details id="counts-table" class="cert-counts-all" open>' in html
    assert 'aria-labelledby="counts-chart-title"' in html
    assert 'id="counts-chart-desc"' in html


def test_the_chart_and_table_are_in_chinese_for_a_chinese_reader():
    html = rendered(counts_of(CHART_MOST + 2), language="zh-hans")
    assert "工种013" in chart_of(html) and "Trade 013" not in html
    assert "还有 2 个职业" in html
    assert "按等级列出全部 14 个职业的表格" in html
    assert "证书最多的 12 个职业" in html


def test_the_chart_weighs_the_same_for_200_occupations_as_for_20():
    """At the large size's shape (200 occupations × 8 levels) the chart is as
    heavy as with 20: only the table grows, a row per occupation."""
    small, large = rendered(counts_of(20)), rendered(counts_of(200))
    assert chart_of(large).count("<svg") == chart_of(small).count("<svg") == CHART_MOST
    # Larger numbers have more digits; nothing else grows.
    assert len(chart_of(large)) < len(chart_of(small)) * 1.1
    assert len(table_of(large)) > len(table_of(small)) * 5
