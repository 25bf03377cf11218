"""Reads of judging that pages share: a judge's conflicts, the progress matrix and
the results (trimmed mean, tie rule, award bands). Each costs a fixed number of
queries whatever the number of judges, contestants or scores. The arithmetic is
``Decimal`` throughout, so a result is the same on every machine and database."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext as _

from home.events.judging.models import (
    AwardBand,
    ConflictDeclaration,
    Contestant,
    Criterion,
    Panel,
    PanelJudge,
    Score,
    ScoreCorrection,
    ScoreItem,
    TieRule,
)
from home.models import InnovationStudioPage
from lms.models import Membership
from lms.translations import pages_in_language

CENT = Decimal("0.01")
TRIM_FROM = 5  # with this many judges' scores or more, drop the highest and lowest


def plain(value: Decimal) -> str:
    """A number without trailing zeros or exponent: 10, 8.5."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def criteria_of(panel: Panel) -> list[Criterion]:
    return list(panel.sheet.criteria.order_by("sort_order", "pk"))


def contestants_of(panel: Panel) -> list[Contestant]:
    """In presentation order; ``studio_shown`` is the studio in the reader's
    language where it is translated (one query more at most)."""
    contestants = list(
        panel.contestants.select_related("enterprise", "studio").order_by(
            "sort_order", "pk"
        )
    )
    studios = [c.studio for c in contestants if c.studio_id]
    shown = pages_in_language(studios) if studios else {}
    for contestant in contestants:
        studio = contestant.studio
        contestant.studio_shown = shown.get(studio.pk, studio) if studio else None
    return contestants


def judges_of(panel: Panel) -> list[PanelJudge]:
    return list(panel.judges.select_related("user").order_by("sort_order", "pk"))


# --- conflicts -------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    code: str  # "declared", "same_enterprise" or "same_studio"
    reason: str

    @property
    def message(self) -> str:
        if self.code == "same_enterprise":
            return _("Same enterprise: you cannot score this contestant.")
        if self.code == "same_studio":
            return _("Same studio: you cannot score this contestant.")
        return _("You declared a conflict of interest: %(reason)s") % {
            "reason": self.reason
        }


def _affiliations(judge: PanelJudge) -> tuple[set[int], set]:
    """The enterprise ids and studio translation keys the judge belongs to: set on
    the panel, by membership, or as a studio's lead craftsman or member."""
    enterprises = set(
        Membership.objects.filter(user_id=judge.user_id).values_list(
            "enterprise_id", flat=True
        )
    )
    if judge.enterprise_id:
        enterprises.add(judge.enterprise_id)
    mine = Q(lead_craftsman__user_id=judge.user_id) | Q(
        members__profile__user_id=judge.user_id
    )
    if judge.studio_id:
        mine |= Q(pk=judge.studio_id)
    studios = set(
        InnovationStudioPage.objects.filter(mine).values_list(
            "translation_key", flat=True
        )
    )
    return enterprises, studios


def conflicts_of(
    judge: PanelJudge, contestants: list[Contestant]
) -> dict[int, Conflict]:
    """{contestant id: why the judge may not score them} (three queries)."""
    enterprises, studios = _affiliations(judge)
    declared = {
        c.contestant_id: c.reason
        for c in ConflictDeclaration.objects.filter(
            judge=judge, contestant__in=contestants
        )
    }
    found = {}
    for contestant in contestants:
        if contestant.pk in declared:
            found[contestant.pk] = Conflict("declared", declared[contestant.pk])
        elif contestant.enterprise_id and contestant.enterprise_id in enterprises:
            found[contestant.pk] = Conflict("same_enterprise", "")
        elif contestant.studio_id and contestant.studio.translation_key in studios:
            found[contestant.pk] = Conflict("same_studio", "")
    return found


def conflict_for(judge: PanelJudge, contestant: Contestant) -> Conflict | None:
    return conflicts_of(judge, [contestant]).get(contestant.pk)


# --- the judge's page ------------------------------------------------------------


@dataclass
class JudgeCard:
    contestant: Contestant
    score: Score | None = None
    conflict: Conflict | None = None
    values: list = field(default_factory=list)  # (criterion, value) when scored


def judge_sheet(*, panel: Panel, judge: PanelJudge) -> dict:
    """What a judge's phone shows: every contestant, with the judge's submitted
    score (locked), their conflict, or nothing yet."""
    criteria = criteria_of(panel)
    contestants = contestants_of(panel)
    conflicts = conflicts_of(judge, contestants)
    scores, given = {}, {}
    for item in ScoreItem.objects.filter(score__judge=judge).select_related("score"):
        scores[item.score.contestant_id] = item.score
        given.setdefault(item.score.contestant_id, {})[item.criterion_id] = item.value
    cards = []
    for contestant in contestants:
        card = JudgeCard(contestant, scores.get(contestant.pk))
        card.conflict = conflicts.get(contestant.pk)
        if card.score is not None:
            mine = given[contestant.pk]
            card.values = [(c, mine.get(c.pk)) for c in criteria]
        cards.append(card)
    done = sum(1 for c in cards if c.score is not None or c.conflict is not None)
    return {"criteria": criteria, "cards": cards, "done": done, "total": len(cards)}


# --- results ---------------------------------------------------------------------


@dataclass
class Result:
    contestant: Contestant
    totals: dict = field(default_factory=dict)  # judge id: weighted total
    mean: Decimal | None = None  # the trimmed mean, to the cent
    median: Decimal | None = None
    first: Decimal | None = None  # mean score on the sheet's first criterion
    trimmed: bool = False
    rank: int | None = None
    award: AwardBand | None = None
    tie_broken: bool = False  # equal mean with a neighbour, ordered by the rule

    @property
    def counted(self) -> int:
        return len(self.totals)


def trimmed_mean(totals: list[Decimal]) -> tuple[Decimal, bool]:
    """The mean of the totals, without the highest and lowest when ``TRIM_FROM`` or
    more judges scored; to the cent, half up."""
    values = sorted(totals)
    trimmed = len(values) >= TRIM_FROM
    if trimmed:
        values = values[1:-1]
    mean = sum(values, Decimal(0)) / len(values)
    return mean.quantize(CENT, rounding=ROUND_HALF_UP), trimmed


def _scores(panel: Panel) -> list[Score]:
    items = Prefetch("items", queryset=ScoreItem.objects.select_related("criterion"))
    return list(Score.objects.filter(panel=panel).prefetch_related(items))


def _sort_key(result: Result, rule: str, position: int):
    order = position
    if result.mean is None:
        return (1, 0, 0, 0, order)
    if rule == TieRule.FIRST_MEDIAN_ORDER:
        return (0, -result.mean, -result.first, -result.median, order)
    return (0, -result.mean, -result.median, -result.first, order)


def band_for(rank: int, bands: list[AwardBand]) -> AwardBand | None:
    for band in bands:
        if band.first_rank <= rank <= band.last_rank:
            return band
    return None


def panel_results(*, panel: Panel) -> list[Result]:
    """Every contestant with their weighted total per judge, trimmed mean, rank by
    the panel's tie rule and award by band; those not scored come last, unranked."""
    criteria = criteria_of(panel)
    first = criteria[0].pk if criteria else None
    contestants = contestants_of(panel)
    results = {c.pk: Result(c) for c in contestants}
    firsts: dict[int, list[Decimal]] = {c.pk: [] for c in contestants}
    for score in _scores(panel):
        total = Decimal(0)
        for item in score.items.all():
            total += item.value * item.criterion.weight
            if item.criterion_id == first:
                firsts[score.contestant_id].append(item.value)
        results[score.contestant_id].totals[score.judge_id] = total
    for result in results.values():
        totals = list(result.totals.values())
        if not totals:
            continue
        result.mean, result.trimmed = trimmed_mean(totals)
        result.median = statistics.median(sorted(totals))
        scored_first = firsts[result.contestant.pk] or [Decimal(0)]
        result.first = sum(scored_first, Decimal(0)) / len(scored_first)
    position = {c.pk: n for n, c in enumerate(contestants)}
    ordered = sorted(
        results.values(),
        key=lambda r: _sort_key(r, panel.tie_rule, position[r.contestant.pk]),
    )
    bands = list(panel.bands.order_by("first_rank", "pk"))
    ranked = [r for r in ordered if r.mean is not None]
    for n, result in enumerate(ranked, start=1):
        result.rank = n
        result.award = band_for(n, bands)
    for before, after in zip(ranked, ranked[1:], strict=False):
        if before.mean == after.mean:
            before.tie_broken = after.tie_broken = True
    return ordered


def winners(*, panel: Panel) -> list[Result]:
    """The contestants given an award, best first."""
    return [r for r in panel_results(panel=panel) if r.award is not None]


# --- the chair's console ---------------------------------------------------------


def progress(*, panel: Panel) -> dict:
    """The judges × contestants matrix: each cell "scored", "conflict" or "waiting"
    (two queries per judge for affiliations, so for a panel's few judges)."""
    judges = judges_of(panel)
    contestants = contestants_of(panel)
    scored = set(
        Score.objects.filter(panel=panel).values_list("judge_id", "contestant_id")
    )
    rows = []
    for judge in judges:
        conflicts = conflicts_of(judge, contestants)
        cells = []
        for contestant in contestants:
            if (judge.pk, contestant.pk) in scored:
                cells.append("scored")
            elif contestant.pk in conflicts:
                cells.append("conflict")
            else:
                cells.append("waiting")
        rows.append({"judge": judge, "cells": cells})
    waiting = sum(row["cells"].count("waiting") for row in rows)
    return {
        "judges": judges,
        "contestants": contestants,
        "rows": rows,
        "waiting": waiting,
    }


def corrections_of(*, panel: Panel) -> list[ScoreCorrection]:
    """The audit of the chair's corrections, oldest first."""
    return list(
        ScoreCorrection.objects.filter(score__panel=panel).select_related(
            "score__judge__user", "score__contestant", "criterion", "corrected_by"
        )
    )


def published_awards(*, session_keys) -> list[dict]:
    """The winners of the published panels of these sessions (by translation key),
    for the public event page: one query for the panels; each panel's list is
    cached under its publication time and the language (published results never
    change), so the page costs the same whatever the number of scores."""
    found = Panel.objects.filter(
        session__translation_key__in=list(session_keys),
        status=Panel.Status.PUBLISHED,
    ).order_by("pk")
    language = translation.get_language() or ""
    shown = []
    for panel in found:
        key = f"judging:awards:{panel.pk}:{panel.published_at.timestamp()}:{language}"
        winners_list = cache.get(key)
        if winners_list is None:
            winners_list = [
                {
                    "rank": r.rank,
                    "name": r.contestant.display_name,
                    "title": r.contestant.local_title,
                    "enterprise": _affiliation(r.contestant),
                    "award": r.award.local_name,
                    "mean": r.mean,
                }
                for r in winners(panel=panel)
            ]
            cache.set(key, winners_list, 24 * 3600)
        shown.append({"panel": panel, "winners": winners_list})
    return shown


def _affiliation(contestant: Contestant) -> str:
    if contestant.enterprise_id:
        return contestant.enterprise.local_name
    return contestant.studio_shown.title if contestant.studio_id else ""
