"""Judging's state changes. Each is keyword-only, runs in one transaction with the
panel row locked, and raises a ``DomainError`` a person can read; on refusal
nothing changes. Scores are written once; the chair's corrections keep the old
value, and nothing of the audit is deleted."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
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
    ScoreSheet,
    TieRule,
)
from home.events.judging.selectors import conflict_for, criteria_of, plain
from lms.errors import DomainError, PermissionDenied
from lms.permissions import user_can
from lms.services.notifications import notification_send

Status = Panel.Status
ORDER = [Status.OPEN, Status.CLOSED, Status.REVEALED, Status.SIGNED_OFF]


def _locked(panel: Panel) -> Panel:
    return Panel.objects.select_for_update().get(pk=panel.pk)


def _seat(*, user, panel: Panel) -> PanelJudge:
    if not user_can(user, "score", panel):
        raise PermissionDenied(_("You are not a judge of this panel."))
    return PanelJudge.objects.get(panel=panel, user=user)


def _value(raw, criterion: Criterion) -> Decimal:
    label = criterion.local_name
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise DomainError(
            _("%(criterion)s: enter a number.") % {"criterion": label},
            code="not_a_number",
        ) from None
    if not value.is_finite() or not (
        criterion.min_score <= value <= criterion.max_score
    ):
        raise DomainError(
            _("%(criterion)s: give a score from %(min)s to %(max)s.")
            % {
                "criterion": label,
                "min": plain(criterion.min_score),
                "max": plain(criterion.max_score),
            },
            code="out_of_range",
        )
    if value != value.quantize(Decimal("0.01")):
        raise DomainError(
            _("%(criterion)s: use at most two decimals.") % {"criterion": label},
            code="too_precise",
        )
    return value


# --- setting a panel up ------------------------------------------------------------


def sheet_create(*, name: str, criteria: list[dict], name_zh: str = "") -> ScoreSheet:
    """A sheet with its criteria (dicts of ``Criterion`` fields), in order."""
    if not criteria:
        raise DomainError(_("A score sheet needs at least one criterion."))
    with transaction.atomic():
        sheet = ScoreSheet.objects.create(name=name, name_zh=name_zh)
        for n, fields in enumerate(criteria):
            Criterion.objects.create(sheet=sheet, sort_order=n, **fields)
    return sheet


def panel_create(
    *,
    name: str,
    sheet: ScoreSheet,
    chair,
    judges: list,
    contestants: list[dict],
    bands: list[tuple] = (),
    name_zh: str = "",
    session=None,
    tie_rule: str = TieRule.MEDIAN_FIRST_ORDER,
) -> Panel:
    """A panel, open for scoring. ``judges``: users, or dicts of ``PanelJudge``
    fields; ``contestants``: dicts of ``Contestant`` fields, in presentation
    order; ``bands``: (first rank, last rank, award, award in Chinese)."""
    if session is not None and session.kind != "roadshow":
        raise DomainError(_("Only a roadshow session is judged by a panel."))
    with transaction.atomic():
        panel = Panel.objects.create(
            name=name,
            name_zh=name_zh,
            sheet=sheet,
            chair=chair,
            session=session,
            tie_rule=tie_rule,
        )
        for n, judge in enumerate(judges):
            fields = judge if isinstance(judge, dict) else {"user": judge}
            PanelJudge.objects.create(panel=panel, sort_order=n, **fields)
        for n, fields in enumerate(contestants):
            Contestant.objects.create(panel=panel, sort_order=n, **fields)
        for n, (first, last, award, award_zh) in enumerate(bands):
            if last < first or first < 1:
                raise DomainError(_("An award band runs from a rank to a later one."))
            AwardBand.objects.create(
                panel=panel,
                sort_order=n,
                first_rank=first,
                last_rank=last,
                name=award,
                name_zh=award_zh,
            )
        _tell_seated(panel)
    return panel


def _tell_seated(panel: Panel) -> None:
    """Each judge and the chair hear that they sit on the panel (once each)."""
    kind = "home.events.judging.seated"
    for seat in panel.judges.select_related("user"):
        notification_send(
            recipient=seat.user,
            key=f"{kind}:{panel.pk}:{seat.user_id}",
            kind=kind,
            params={"panel": panel.pk},
        )
    notification_send(
        recipient=panel.chair,
        key=f"{kind}:{panel.pk}:chair",
        kind=kind,
        params={"panel": panel.pk, "chair": True},
    )


# --- judges --------------------------------------------------------------------


def conflict_declare(
    *, user, contestant: Contestant, reason: str
) -> ConflictDeclaration:
    """A judge declares a conflict of interest with a contestant they have not
    scored; from then on they may not score them. Declaring twice keeps the first."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why you have a conflict of interest."), code="reason")
    with transaction.atomic():
        panel = _locked(contestant.panel)
        judge = _seat(user=user, panel=panel)
        if Score.objects.filter(judge=judge, contestant=contestant).exists():
            raise DomainError(
                _("You have scored this contestant already: ask the chair."),
                code="scored",
            )
        found, _created = ConflictDeclaration.objects.get_or_create(
            judge=judge, contestant=contestant, defaults={"reason": reason[:2000]}
        )
    return found


def score_submit(*, user, contestant: Contestant, values: dict) -> Score:
    """The judge's score of ``contestant``: ``values`` maps each criterion id to its
    value. Refused (nothing saved) outside the sheet's ranges, with a criterion
    missing, for a second score, for a conflicted contestant, or when the panel is
    not open."""
    with transaction.atomic():
        panel = _locked(contestant.panel)
        judge = _seat(user=user, panel=panel)
        if panel.status != Status.OPEN:
            raise DomainError(
                _("Scoring is closed for this panel."), code="panel_not_open"
            )
        if Score.objects.filter(judge=judge, contestant=contestant).exists():
            raise DomainError(
                _(
                    "You have scored %(name)s already; a submitted score is locked. "
                    "Ask the chair for a correction."
                )
                % {"name": contestant.display_name},
                code="second_score",
            )
        conflict = conflict_for(judge, contestant)
        if conflict is not None:
            raise DomainError(conflict.message, code="conflicted")
        criteria = criteria_of(panel)
        checked = {}
        for criterion in criteria:
            raw = values.get(criterion.pk, values.get(str(criterion.pk)))
            if raw in (None, ""):
                raise DomainError(
                    _("%(criterion)s: give a score.")
                    % {"criterion": criterion.local_name},
                    code="missing",
                )
            checked[criterion] = _value(raw, criterion)
        try:
            with transaction.atomic():
                score = Score.objects.create(
                    panel=panel, judge=judge, contestant=contestant
                )
        except IntegrityError:
            raise DomainError(
                _("You have scored this contestant already."), code="second_score"
            ) from None
        ScoreItem.objects.bulk_create(
            ScoreItem(score=score, criterion=criterion, value=value)
            for criterion, value in checked.items()
        )
    return score


# --- the chair -------------------------------------------------------------------


def score_correct(
    *, user, score: Score, criterion: Criterion, value, reason: str
) -> ScoreCorrection:
    """The chair changes one value of a submitted score, with a reason; the old value
    is kept in the correction. Refused after sign-off."""
    reason = (reason or "").strip()
    with transaction.atomic():
        panel = _locked(score.panel)
        if not user_can(user, "chair", panel):
            raise PermissionDenied(
                _("Only the chair of this panel corrects scores."), code="not_chair"
            )
        if panel.status in (Status.SIGNED_OFF, Status.PUBLISHED):
            raise DomainError(
                _("The results are signed off: scores can no longer change."),
                code="signed_off",
            )
        if not reason:
            raise DomainError(_("Give the reason for the correction."), code="reason")
        item = (
            ScoreItem.objects.select_for_update()
            .filter(score=score, criterion=criterion)
            .first()
        )
        if item is None:
            raise DomainError(_("This criterion is not on the score."))
        new = _value(value, criterion)
        if new == item.value:
            raise DomainError(
                _("The new value is the same as the old one."), code="unchanged"
            )
        correction = ScoreCorrection.objects.create(
            score=score,
            criterion=criterion,
            old_value=item.value,
            new_value=new,
            reason=reason[:2000],
            corrected_by=user,
        )
        item.value = new
        item.save(update_fields=["value"])
    return correction


def _advance(*, user, panel: Panel, action: str, to: str, stamp: str) -> Panel:
    with transaction.atomic():
        panel = _locked(panel)
        if not user_can(user, action, panel):
            raise PermissionDenied(
                _("Only the chair of this panel may do this."), code="not_chair"
            )
        if panel.status == to:
            return panel  # sent twice: done already
        expected = ORDER[ORDER.index(to) - 1]
        if panel.status != expected:
            raise DomainError(
                _("The panel is “%(status)s”: this step comes after “%(expected)s”.")
                % {
                    "status": panel.get_status_display(),
                    "expected": Status(expected).label,
                },
                code="wrong_status",
            )
        panel.status = to
        setattr(panel, stamp, timezone.now())
        panel.save(update_fields=["status", stamp])
    return panel


def panel_close(*, user, panel: Panel) -> Panel:
    """Scoring ends: no more scores are taken."""
    return _advance(
        user=user, panel=panel, action="close", to=Status.CLOSED, stamp="closed_at"
    )


def panel_reveal(*, user, panel: Panel) -> Panel:
    """The chair shows the ranking on the hall's screen."""
    return _advance(
        user=user, panel=panel, action="chair", to=Status.REVEALED, stamp="revealed_at"
    )


def panel_sign_off(*, user, panel: Panel) -> Panel:
    """The chair signs the results off: from now on nothing of them changes."""
    return _advance(
        user=user,
        panel=panel,
        action="chair",
        to=Status.SIGNED_OFF,
        stamp="signed_off_at",
    )


def panel_publish(*, user, panel: Panel) -> Panel:
    """The winners and awards go on the public event page (after the sign-off)."""
    with transaction.atomic():
        panel = _locked(panel)
        if not user_can(user, "publish", panel):
            raise PermissionDenied(
                _("Only the chair or an event organiser publishes results.")
            )
        if panel.status == Status.PUBLISHED:
            return panel
        if panel.status != Status.SIGNED_OFF:
            raise DomainError(
                _("The chair signs the results off before they are published."),
                code="not_signed_off",
            )
        panel.status = Status.PUBLISHED
        panel.published_at = timezone.now()
        panel.published_by = user
        panel.save(update_fields=["status", "published_at", "published_by"])
    return panel
