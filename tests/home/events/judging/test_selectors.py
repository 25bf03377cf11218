"""Results: each judge's weighted total, the trimmed mean (highest and lowest
dropped from five judges on, not with four), ranks by the panel's written tie rule,
awards by band; Decimal arithmetic, so the same on every run."""

from decimal import Decimal

import pytest

from home.events.judging import selectors
from home.events.judging.models import TieRule

from . import factories as f

pytestmark = pytest.mark.django_db


def _results_by_name(panel):
    return {r.contestant.display_name: r for r in selectors.panel_results(panel=panel)}


def test_trimmed_mean_keeps_every_total_with_four_judges():
    totals = [Decimal(10), Decimal(20), Decimal(30), Decimal(100)]
    assert selectors.trimmed_mean(totals) == (Decimal("40.00"), False)


def test_trimmed_mean_drops_the_highest_and_lowest_from_five_judges():
    totals = [Decimal(10), Decimal(20), Decimal(30), Decimal(40), Decimal(100)]
    assert selectors.trimmed_mean(totals) == (Decimal("30.00"), True)


def test_trimmed_mean_rounds_half_up_to_the_cent():
    totals = [Decimal("1.005"), Decimal("1.005")]
    assert selectors.trimmed_mean(totals)[0] == Decimal("1.01")
    assert selectors.trimmed_mean([Decimal(1), Decimal(1), Decimal(2)])[0] == (
        Decimal("1.33")
    )


def test_each_judges_total_is_weighted_by_the_sheet():
    panel = f.panel(judges=1, contestants=1)
    (judge,), (contestant,) = f.parts(panel)
    f.score(panel, judge, contestant, "8.5", 6)  # innovation ×2, presentation ×1
    (result,) = selectors.panel_results(panel=panel)
    assert result.totals == {judge.pk: Decimal("23.0")}
    assert result.mean == Decimal("23.00")


def test_four_judges_are_averaged_and_five_are_trimmed():
    panel = f.panel(judges=5, contestants=2)
    judges, (a, b) = f.parts(panel)
    for judge, value in zip(judges, [2, 4, 6, 8, 10], strict=True):
        f.score(panel, judge, a, value, value)  # totals 6, 12, 18, 24, 30
    for judge, value in zip(judges[:4], [2, 4, 6, 10], strict=True):
        f.score(panel, judge, b, value, value)  # totals 6, 12, 18, 30
    results = _results_by_name(panel)
    assert (results["Presenter 1"].mean, results["Presenter 1"].trimmed) == (
        Decimal("18.00"),
        True,
    )
    assert (results["Presenter 2"].mean, results["Presenter 2"].trimmed) == (
        Decimal("16.50"),
        False,
    )


def _tied_panel(tie_rule):
    """Two contestants with the same mean (three judges): the first has the higher
    median, the second the higher first criterion; a third is scored like the
    first, but presents later."""
    panel = f.panel(judges=3, contestants=3, tie_rule=tie_rule)
    judges, (a, b, c) = f.parts(panel)
    # a: totals 15, 21, 27 (mean 21, median 21); innovation mean 7
    for judge, (i, p) in zip(judges, [(5, 5), (7, 7), (9, 9)], strict=True):
        f.score(panel, judge, a, i, p)
        f.score(panel, judge, c, i, p)
    # b: totals 24, 20, 19 (mean 21, median 20); innovation mean 8.33
    for judge, (i, p) in zip(judges, [(10, 4), (9, 2), (6, 7)], strict=True):
        f.score(panel, judge, b, i, p)
    return panel


def test_ties_follow_the_median_rule_then_presentation_order():
    panel = _tied_panel(TieRule.MEDIAN_FIRST_ORDER)
    ranked = selectors.panel_results(panel=panel)
    assert [r.contestant.display_name for r in ranked] == [
        "Presenter 1",
        "Presenter 3",
        "Presenter 2",
    ]
    assert {r.mean for r in ranked} == {Decimal("21.00")}
    assert all(r.tie_broken for r in ranked)


def test_ties_follow_the_first_criterion_rule_when_the_panel_chose_it():
    panel = _tied_panel(TieRule.FIRST_MEDIAN_ORDER)
    ranked = [r.contestant.display_name for r in selectors.panel_results(panel=panel)]
    assert ranked == ["Presenter 2", "Presenter 1", "Presenter 3"]


def test_awards_follow_the_bands_and_unscored_contestants_are_unranked():
    panel = f.panel(judges=1, contestants=5)
    (judge,), contestants = f.parts(panel)
    for contestant, value in zip(contestants[:4], [9, 8, 7, 6], strict=True):
        f.score(panel, judge, contestant, value, value)
    results = selectors.panel_results(panel=panel)
    awards = [(r.rank, r.award.name if r.award else None) for r in results]
    assert awards == [
        (1, "Best display"),
        (2, "Wonderful display"),
        (3, "Wonderful display"),
        (4, None),
        (None, None),
    ]
    assert [r.contestant.display_name for r in selectors.winners(panel=panel)] == [
        "Presenter 1",
        "Presenter 2",
        "Presenter 3",
    ]


def test_a_correction_changes_the_result():
    panel = f.panel(judges=1, contestants=1)
    (judge,), (contestant,) = f.parts(panel)
    score = f.score(panel, judge, contestant, 5, 5)
    from home.events.judging import services

    services.score_correct(
        user=panel.chair,
        score=score,
        criterion=panel.sheet.criteria.order_by("sort_order").first(),
        value=6,
        reason="Misread",
    )
    (result,) = selectors.panel_results(panel=panel)
    assert result.mean == Decimal("17.00")


def test_the_judges_page_data_shows_locked_scores_and_conflicts():
    panel = f.panel(judges=2, contestants=3)
    (judge, _other), (a, b, _c) = f.parts(panel)
    f.score(panel, judge, a, 7, 8)
    from home.events.judging import services

    services.conflict_declare(user=judge.user, contestant=b, reason="My cousin")
    sheet = selectors.judge_sheet(panel=panel, judge=judge)
    first, second, third = sheet["cards"]
    assert [v for _c, v in first.values] == [7, 8]
    assert second.conflict.code == "declared"
    assert third.score is None and third.conflict is None
    assert (sheet["done"], sheet["total"]) == (2, 3)
