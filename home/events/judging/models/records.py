"""What judges and the chair did: conflicts declared, scores submitted, corrections.
Append-only: a score is never deleted or edited in place except through a
``ScoreCorrection`` that keeps the old value, who changed it, when and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .setup import SCORE_DIGITS, Contestant, Criterion, Panel, PanelJudge


class ConflictDeclaration(models.Model):
    """A judge's declared conflict of interest with a contestant: they may not score
    them."""

    judge = models.ForeignKey(
        PanelJudge,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        related_name="conflicts",
    )
    contestant = models.ForeignKey(
        Contestant,
        verbose_name=_("contestant"),
        on_delete=models.PROTECT,
        related_name="conflicts",
    )
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "contestant"], name="home_conflict_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.judge} · {self.contestant}"


class Score(models.Model):
    """One judge's score of one contestant, locked once submitted."""

    panel = models.ForeignKey(
        Panel, verbose_name=_("panel"), on_delete=models.PROTECT, related_name="scores"
    )
    judge = models.ForeignKey(
        PanelJudge,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    contestant = models.ForeignKey(
        Contestant,
        verbose_name=_("contestant"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "contestant"], name="home_score_once_per_judge"
            )
        ]

    def __str__(self) -> str:
        return f"{self.judge} · {self.contestant}"


class ScoreItem(models.Model):
    """The value given on one criterion (its current value, after corrections)."""

    score = models.ForeignKey(
        Score, on_delete=models.PROTECT, related_name="items", verbose_name=_("score")
    )
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("criterion"),
    )
    value = models.DecimalField(_("value"), **SCORE_DIGITS)

    class Meta:
        verbose_name = _("score item")
        verbose_name_plural = _("score items")
        constraints = [
            models.UniqueConstraint(
                fields=["score", "criterion"], name="home_scoreitem_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class ScoreCorrection(models.Model):
    """A change of a submitted value by the panel's chair, with the reason."""

    score = models.ForeignKey(
        Score,
        verbose_name=_("score"),
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    criterion = models.ForeignKey(
        Criterion,
        verbose_name=_("criterion"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    old_value = models.DecimalField(_("old value"), **SCORE_DIGITS)
    new_value = models.DecimalField(_("new value"), **SCORE_DIGITS)
    reason = models.TextField(_("reason"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)

    class Meta:
        verbose_name = _("score correction")
        verbose_name_plural = _("score corrections")
        ordering = ["corrected_at", "pk"]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.old_value} → {self.new_value}"
