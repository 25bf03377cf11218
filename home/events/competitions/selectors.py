"""Reads of competitions: theory scores from the course quiz, practical scores
from the judging panel, the live standings the organiser sees, the published
rankings the public sees, and the placings the skill ladder shows as evidence.
A fixed number of queries whatever the number of entrants."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.selectors.quizzes import best_quiz_scores
from home.events.competitions.models import (
    Competition,
    CompetitionEntry,
    CompetitionPlacing,
)
from home.events.competitions.ranking import CENT, Ranked, rank_entries
from home.events.judging.models import Panel
from home.events.judging.selectors import criteria_of, panel_results
from lms.models import SkillLevel
from lms.providers import LadderEvidence


def entries_of(*, competition: Competition) -> list[CompetitionEntry]:
    return list(
        competition.entries.select_related("worker", "enterprise").order_by(
            "entered_at", "pk"
        )
    )


def theory_scores(
    *, competition: Competition, entries: list[CompetitionEntry]
) -> dict[int, int]:
    """{worker id: best score (%)} on the theory quiz within the round's window.
    The best attempt counts: a quiz stops taking attempts once passed, so the best
    is also the last one that mattered."""
    if competition.theory_lesson_id is None or not competition.theory_quiz_id:
        return {}
    return best_quiz_scores(
        lesson=competition.theory_lesson,
        quiz_id=competition.theory_quiz_id,
        people=[e.worker for e in entries],
        since=competition.theory_opens_at,
        until=competition.theory_closes_at,
    )


def practical_scores(
    *, competition: Competition, entries: list[CompetitionEntry]
) -> dict[int, Decimal]:
    """{entry id: the practical panel's result as a percentage of the sheet's
    highest weighted total} (so it weighs like the theory round's percent); empty
    until a panel exists. The panel's contestants are the entries' workers."""
    if competition.practical_panel_id is None:
        return {}
    panel = competition.practical_panel
    full = sum(
        (c.max_score * c.weight for c in criteria_of(panel)), Decimal(0)
    ) or Decimal(1)
    entry_of = {e.worker_id: e.pk for e in entries}
    return {
        entry_of[r.contestant.person_id]: (r.mean * 100 / full).quantize(CENT)
        for r in panel_results(panel=panel)
        if r.mean is not None and r.contestant.person_id in entry_of
    }


def practical_signed_off(*, competition: Competition) -> bool:
    """Whether the practical panel's chair has signed off its results."""
    panel = competition.practical_panel
    return panel is not None and panel.status in (
        Panel.Status.SIGNED_OFF,
        Panel.Status.PUBLISHED,
    )


def standings(*, competition: Competition) -> list[Ranked]:
    """The combined ranking as it stands now (the organiser's view)."""
    entries = entries_of(competition=competition)
    return rank_entries(
        entries=entries,
        theory=theory_scores(competition=competition, entries=entries),
        practical=practical_scores(competition=competition, entries=entries),
        theory_weight=competition.theory_weight,
    )


def published_placings(*, competition: Competition) -> list[CompetitionPlacing]:
    if not competition.is_published:
        return []
    return list(
        competition.placings.select_related(
            "entry__worker", "entry__enterprise", "certificate"
        ).order_by("rank")
    )


def competition_page(*, competition: Competition) -> dict:
    return {
        "competition": competition,
        "entrants": competition.entries.count(),
        "placings": published_placings(competition=competition),
    }


def competitions_listed():
    return (
        Competition.objects.select_related("occupation", "event")
        .annotate(entrants=Count("entries"))
        .order_by("-entries_open_at", "pk")
    )


def place_label(rank: int) -> str:
    """“1st place” … in the reader's language."""
    named = {1: _("1st place"), 2: _("2nd place"), 3: _("3rd place")}
    return named.get(rank) or _("Place %(rank)s") % {"rank": rank}


def ladder_evidence(users: list) -> dict[int, list[LadderEvidence]]:
    """The ladder's evidence provider (``lms.providers``): each published placing
    within its competition's rule, as “1st place, <competition> — may apply for
    <level>”. One query for any number of people."""
    found: dict[int, list[LadderEvidence]] = {}
    ids = [u.pk for u in users]
    if not ids:
        return found
    placings = (
        CompetitionPlacing.objects.filter(
            entry__worker_id__in=ids,
            may_apply_for__isnull=False,
            competition__published_at__isnull=False,
        )
        .select_related("competition", "entry")
        .order_by("competition__published_at", "rank")
    )
    for placing in placings:
        competition = placing.competition
        text = _("%(place)s, %(competition)s — may apply for %(level)s") % {
            "place": place_label(placing.rank),
            "competition": competition.local_name,
            "level": SkillLevel(placing.may_apply_for).label,
        }
        found.setdefault(placing.entry.worker_id, []).append(
            LadderEvidence(
                occupation_id=competition.occupation_id,
                level=placing.may_apply_for,
                text=text,
                url=reverse("competitions:detail", args=[competition.pk]),
            )
        )
    return found
