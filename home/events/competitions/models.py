"""A competition, its entries and its published placings. Plain records: the
competition may point at the event page it is part of, at the course lesson whose
quiz is its theory round and at the judging panel of its practical round."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.fields import optional_link
from lms.models import SkillLevel
from lms.models.names import LocalNameMixin


class Competition(LocalNameMixin, models.Model):
    """A skills competition for one occupation. ``placings_count``: places 1..N
    count on the winners' ladders (they may apply one level up)."""

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        on_delete=models.PROTECT,
        related_name="competitions",
    )
    event = optional_link("home.EventPage", _("event"))
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.PositiveSmallIntegerField(
        _("skill level assessed"),
        choices=SkillLevel,
        default=SkillLevel.SENIOR_WORKER,
    )
    entries_open_at = models.DateTimeField(_("entries open"))
    entries_close_at = models.DateTimeField(_("entries close"))
    theory_lesson = optional_link("courses.LessonPage", _("theory round: lesson"))
    theory_quiz_id = models.CharField(
        _("theory round: quiz block id"), max_length=64, blank=True
    )
    theory_opens_at = models.DateTimeField(_("theory round opens"))
    theory_closes_at = models.DateTimeField(_("theory round closes"))
    theory_weight = models.PositiveSmallIntegerField(
        _("theory weight (%)"),
        default=30,
        help_text=_("The practical round weighs the rest."),
    )
    practical_panel = models.OneToOneField(
        "home.Panel",
        verbose_name=_("practical round: judging panel"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="competition",
    )
    placings_count = models.PositiveSmallIntegerField(
        _("placings that count on the ladder"),
        default=3,
        help_text=_("Places 1 to this number may apply one skill level up."),
    )
    published_at = models.DateTimeField(_("rankings published"), null=True, blank=True)
    published_by = optional_link(settings.AUTH_USER_MODEL, _("published by"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("skills competition")
        verbose_name_plural = _("skills competitions")
        ordering = ["-entries_open_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(theory_weight__lte=100),
                name="home_competition_weight_percent",
            ),
            models.CheckConstraint(
                condition=Q(entries_close_at__gt=F("entries_open_at")),
                name="home_competition_entries_close_after_open",
            ),
            models.CheckConstraint(
                condition=Q(theory_closes_at__gt=F("theory_opens_at")),
                name="home_competition_theory_closes_after_open",
            ),
        ]

    def __str__(self) -> str:
        return self.local_name

    @property
    def practical_weight(self) -> int:
        return 100 - self.theory_weight

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def entries_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.entries_open_at <= now < self.entries_close_at


class CompetitionEntry(models.Model):
    """A worker entered by their enterprise; one entry per worker per competition."""

    competition = models.ForeignKey(
        Competition,
        verbose_name=_("competition"),
        on_delete=models.CASCADE,
        related_name="entries",
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("worker"),
        on_delete=models.PROTECT,
        related_name="competition_entries",
    )
    enterprise = models.ForeignKey(
        "lms.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="competition_entries",
    )
    entered_by = optional_link(settings.AUTH_USER_MODEL, _("entered by"))
    entered_at = models.DateTimeField(_("entered at"), default=timezone.now)

    class Meta:
        verbose_name = _("competition entry")
        verbose_name_plural = _("competition entries")
        ordering = ["entered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "worker"],
                name="home_competition_entry_once_per_worker",
            )
        ]

    def __str__(self) -> str:
        return f"{self.worker} · {self.competition}"


class CompetitionPlacing(models.Model):
    """One entrant's published result: the scores as they stood at publication,
    the rank, and (within the competition's rule) the level they may apply for
    and their placing certificate."""

    competition = models.ForeignKey(
        Competition,
        verbose_name=_("competition"),
        on_delete=models.CASCADE,
        related_name="placings",
    )
    entry = models.OneToOneField(
        CompetitionEntry,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        related_name="placing",
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    theory_score = models.DecimalField(
        _("theory score"), max_digits=6, decimal_places=2, default=Decimal(0)
    )
    practical_score = models.DecimalField(
        _("practical score"), max_digits=6, decimal_places=2, default=Decimal(0)
    )
    combined_score = models.DecimalField(
        _("combined score"), max_digits=6, decimal_places=2
    )
    may_apply_for = models.PositiveSmallIntegerField(
        _("may apply for level"), choices=SkillLevel, null=True, blank=True
    )
    certificate = models.OneToOneField(
        "lms.SkillCertificate",
        verbose_name=_("placing certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="competition_placing",
    )

    class Meta:
        verbose_name = _("competition placing")
        verbose_name_plural = _("competition placings")
        ordering = ["competition", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "rank"], name="home_competition_rank_once"
            ),
            models.CheckConstraint(
                condition=Q(rank__gte=1), name="home_competition_rank_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank} · {self.entry}"

    @property
    def counts_on_ladder(self) -> bool:
        return self.may_apply_for is not None
