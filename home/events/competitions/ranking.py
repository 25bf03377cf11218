"""The combined ranking, as a pure function of the scores (no queries): each
entrant's combined score is ``theory × w + practical × (100 − w)`` / 100, rounded
to two places; ranks run 1, 2, 3 … with no shared rank. The written tie rule:
equal combined scores are ordered by the higher practical score, then the higher
theory score, then the entry made first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

TIE_RULE = _(
    "Equal combined scores: the higher practical score ranks first, then the higher "
    "theory score, then the entry made first."
)
CENT = Decimal("0.01")


@dataclass
class Ranked:
    entry: object
    theory: Decimal
    practical: Decimal
    combined: Decimal
    rank: int = 0


def combined_score(*, theory: Decimal, practical: Decimal, theory_weight: int):
    total = theory * theory_weight + practical * (100 - theory_weight)
    return (total / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def rank_entries(
    *,
    entries: list,
    theory: dict[int, Decimal | int],
    practical: dict[int, Decimal],
    theory_weight: int,
) -> list[Ranked]:
    """``entries`` (with ``pk``, ``worker_id``, ``entered_at``), ``theory`` keyed by
    worker id (no attempt: 0), ``practical`` keyed by entry id (not scored: 0)."""
    rows = []
    for entry in entries:
        t = Decimal(theory.get(entry.worker_id) or 0).quantize(CENT)
        p = Decimal(practical.get(entry.pk) or 0).quantize(CENT)
        rows.append(
            Ranked(
                entry=entry,
                theory=t,
                practical=p,
                combined=combined_score(
                    theory=t, practical=p, theory_weight=theory_weight
                ),
            )
        )
    rows.sort(
        key=lambda r: (
            -r.combined,
            -r.practical,
            -r.theory,
            r.entry.entered_at,
            r.entry.pk,
        )
    )
    for n, row in enumerate(rows, start=1):
        row.rank = n
    return rows
