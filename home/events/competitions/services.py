"""Competition state changes: an enterprise enters a worker, the organiser
publishes the rankings (placings, ladder evidence, placing certificates). Each is
atomic and refuses with a readable message, changing nothing."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from home.events.competitions import selectors
from home.events.competitions.models import (
    Competition,
    CompetitionEntry,
    CompetitionPlacing,
)
from lms.certification.selectors import ladders_for, next_level_after
from lms.certification.services import placing_certificate_issue
from lms.errors import DomainError, PermissionDenied
from lms.models import Membership
from lms.permissions import hr_enterprise_ids, is_staff, user_can


def competition_entry_create(
    *, user, competition: Competition, worker
) -> CompetitionEntry:
    """``user`` (HR of an enterprise) enters ``worker``, one of that enterprise's
    workers, while entries are open. A worker enters a competition once."""
    if not user_can(user, "enter", competition):
        raise PermissionDenied(_("Only an enterprise's HR may enter its workers."))
    if not competition.entries_open():
        raise DomainError(
            _("Entries to this competition are closed."), code="entries_closed"
        )
    allowed = hr_enterprise_ids(user)
    membership = (
        Membership.objects.filter(user=worker, role=Membership.Role.WORKER)
        .filter(**({} if is_staff(user) else {"enterprise_id__in": allowed}))
        .select_related("enterprise")
        .order_by("pk")
        .first()
    )
    if membership is None:
        raise PermissionDenied(
            _("%(name)s is not a worker of your enterprise.")
            % {"name": worker.get_full_name()}
        )
    duplicate = DomainError(
        _("%(name)s is already entered in this competition.")
        % {"name": worker.get_full_name()},
        code="duplicate_entry",
    )
    if CompetitionEntry.objects.filter(competition=competition, worker=worker).exists():
        raise duplicate
    try:
        with transaction.atomic():
            return CompetitionEntry.objects.create(
                competition=competition,
                worker=worker,
                enterprise=membership.enterprise,
                entered_by=user,
            )
    except IntegrityError:  # the same worker entered by a concurrent request
        raise duplicate from None


@transaction.atomic
def competition_practical_panel_create(
    *, user, competition: Competition, sheet, chair, judges: list
):
    """The organiser sets up the practical round: a judging panel (``sheet``,
    ``chair``, ``judges``) whose contestants are the entries, in entry order.
    Its contestants are fixed, so setting it up closes the entries."""
    from home.events.judging import services as judging

    if not user_can(user, "manage", competition):
        raise PermissionDenied(_("Only the competition's organiser may do this."))
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if competition.practical_panel_id is not None:
        raise DomainError(
            _("The practical round already has its panel."), code="panel_exists"
        )
    entries = selectors.entries_of(competition=competition)
    if not entries:
        raise DomainError(_("Nobody is entered in this competition."), code="empty")
    panel = judging.panel_create(
        name=_("%(competition)s — practical round") % {"competition": competition.name},
        name_zh=f"{competition.name_zh or competition.name} — 实操比赛",
        sheet=sheet,
        chair=chair,
        judges=judges,
        contestants=[
            {
                "person": entry.worker,
                "display_name": entry.worker.get_full_name(),
                "enterprise": entry.enterprise,
            }
            for entry in entries
        ],
    )
    competition.practical_panel = panel
    competition.entries_close_at = min(competition.entries_close_at, timezone.now())
    competition.save(update_fields=["practical_panel", "entries_close_at"])
    return panel


def _placing_text(rank: int, competition: Competition) -> str:
    """The certificate's evidence line, stored once: English, then Chinese."""
    lines = []
    for language in ("en", "zh-hans"):
        with override(language):
            lines.append(
                _("%(place)s, %(competition)s")
                % {"place": selectors.place_label(rank), "competition": competition}
            )
    return " · ".join(dict.fromkeys(lines))


@transaction.atomic
def competition_publish(*, user, competition: Competition) -> list[CompetitionPlacing]:
    """Publishes the rankings once the practical panel is signed off: every
    entrant's placing with the scores as they stand, the level places 1..N may
    apply for (one above the level they hold), and those places' certificates."""
    if not user_can(user, "manage", competition):
        raise PermissionDenied(_("Only the competition's organiser may publish."))
    competition = Competition.objects.select_for_update().get(pk=competition.pk)
    if competition.is_published:
        raise DomainError(
            _("The rankings are already published."), code="already_published"
        )
    if not selectors.practical_signed_off(competition=competition):
        raise DomainError(
            _(
                "The practical round's panel has not signed off its results: the "
                "rankings cannot be published yet."
            ),
            code="not_signed_off",
        )
    ranked = selectors.standings(competition=competition)
    if not ranked:
        raise DomainError(_("Nobody is entered in this competition."), code="empty")
    winners = [r.entry.worker for r in ranked[: competition.placings_count]]
    ladders = ladders_for(people=winners)
    placings = []
    for row in ranked:
        placing = CompetitionPlacing.objects.create(
            competition=competition,
            entry=row.entry,
            rank=row.rank,
            theory_score=row.theory,
            practical_score=row.practical,
            combined_score=row.combined,
        )
        if row.rank <= competition.placings_count:
            step = next(
                (
                    s
                    for s in ladders[row.entry.worker_id]
                    if s.occupation.pk == competition.occupation_id
                ),
                None,
            )
            placing.may_apply_for = step.next_level if step else next_level_after(None)
            placing.certificate = placing_certificate_issue(
                holder=row.entry.worker,
                occupation=competition.occupation,
                level=competition.level,
                placing=_placing_text(row.rank, competition),
                score=row.combined,
                source_key=f"competition-placing:{competition.pk}:{row.entry.pk}",
            )
            placing.save(update_fields=["may_apply_for", "certificate"])
        placings.append(placing)
    competition.published_at = timezone.now()
    competition.published_by = user
    competition.entries_close_at = min(competition.entries_close_at, timezone.now())
    competition.save(update_fields=["published_at", "published_by", "entries_close_at"])
    return placings
