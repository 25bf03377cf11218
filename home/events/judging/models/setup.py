"""The records of judging. A ``ScoreSheet`` of weighted ``Criterion`` rows is reused
by many panels; a ``Panel`` has its judges, contestants and award bands inline (set
up in the Wagtail admin). Scores are written once and only changed through a
``ScoreCorrection`` that keeps the old value: nothing of the audit is deleted
(``PROTECT`` from every score upwards)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from lms.fields import optional_link
from lms.models.names import LocalNameMixin, reads_chinese

SCORE_DIGITS = {"max_digits": 7, "decimal_places": 2}


class ScoreSheet(LocalNameMixin, ClusterableModel):
    """A reusable sheet of weighted criteria (e.g. innovation, value created, spread,
    presentation)."""

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        InlinePanel("criteria", label=_("Criterion"), heading=_("Criteria"), min_num=1),
    ]

    class Meta:
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")

    def __str__(self) -> str:
        return self.local_name


class Criterion(LocalNameMixin, Orderable):
    sheet = ParentalKey(ScoreSheet, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("label"), max_length=120)
    name_zh = models.CharField(_("Chinese label"), max_length=120, blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    min_score = models.DecimalField(
        _("lowest score"), default=Decimal(0), **SCORE_DIGITS
    )
    max_score = models.DecimalField(
        _("highest score"), default=Decimal(10), **SCORE_DIGITS
    )
    step = models.DecimalField(
        _("step between values"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        FieldRowPanel(
            [
                FieldPanel("weight"),
                FieldPanel("min_score"),
                FieldPanel("max_score"),
                FieldPanel("step"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_score__gt=F("min_score")),
                name="home_criterion_range",
            ),
            models.CheckConstraint(
                condition=Q(weight__gt=0), name="home_criterion_weight_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.local_name


class TieRule(models.TextChoices):
    """How equal results are ordered; the label is the rule as written for people."""

    MEDIAN_FIRST_ORDER = (
        "median_first_order",
        _(
            "Higher median, then higher score on the first criterion, then earlier "
            "presentation order"
        ),
    )
    FIRST_MEDIAN_ORDER = (
        "first_median_order",
        _(
            "Higher score on the first criterion, then higher median, then earlier "
            "presentation order"
        ),
    )


class Panel(LocalNameMixin, ClusterableModel):
    """What is judged, by whom, on which sheet; its status only moves forward."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for scoring")
        CLOSED = "closed", _("Scoring closed")
        REVEALED = "revealed", _("Results revealed")
        SIGNED_OFF = "signed_off", _("Results signed off")
        PUBLISHED = "published", _("Published")

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    sheet = models.ForeignKey(
        ScoreSheet,
        verbose_name=_("score sheet"),
        on_delete=models.PROTECT,
        related_name="judging_panels",
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        related_name="chaired_panels",
        limit_choices_to={"groups__name": "Chair"},
    )
    session = models.ForeignKey(
        "home.EventSession",
        verbose_name=_("roadshow session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="judging_panels",
        limit_choices_to={"kind": "roadshow"},
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    tie_rule = models.CharField(
        _("tie rule"),
        max_length=30,
        choices=TieRule.choices,
        default=TieRule.MEDIAN_FIRST_ORDER,
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    revealed_at = models.DateTimeField(_("revealed at"), null=True, blank=True)
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = optional_link(settings.AUTH_USER_MODEL, _("published by"))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        FieldRowPanel([FieldPanel("sheet"), FieldPanel("chair")]),
        FieldRowPanel([FieldPanel("session"), FieldPanel("tie_rule")]),
        InlinePanel("judges", label=_("Judge"), heading=_("Judges")),
        InlinePanel("contestants", label=_("Contestant"), heading=_("Contestants")),
        InlinePanel("bands", label=_("Award band"), heading=_("Award bands")),
    ]

    class Meta:
        verbose_name = _("judging panel")
        verbose_name_plural = _("judging panels")

    def __str__(self) -> str:
        return self.local_name

    @property
    def results_shown(self) -> bool:
        """The hall screen shows the ranking from the chair's reveal on."""
        return self.status in (
            self.Status.REVEALED,
            self.Status.SIGNED_OFF,
            self.Status.PUBLISHED,
        )


class PanelJudge(Orderable):
    """A judge of a panel. The enterprise and studio the judge belongs to (besides
    their memberships) make automatic conflicts with contestants of the same."""

    panel = ParentalKey(Panel, on_delete=models.CASCADE, related_name="judges")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("judge"),
        on_delete=models.PROTECT,
        related_name="panel_seats",
        limit_choices_to={"groups__name": "Judge"},
    )
    title = models.CharField(
        _("title"),
        max_length=120,
        blank=True,
        help_text=_("For example: national craftsman, professor."),
    )
    enterprise = optional_link("lms.Enterprise", _("enterprise"))
    studio = optional_link("home.InnovationStudioPage", _("studio"))

    panels = [
        FieldRowPanel([FieldPanel("user"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("enterprise"), FieldPanel("studio")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("panel judge")
        verbose_name_plural = _("panel judges")
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "user"], name="home_paneljudge_once_per_panel"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)


class Contestant(Orderable):
    """A person judged by a panel (a roadshow's presenter, a competition's worker),
    in presentation order (``sort_order``)."""

    panel = ParentalKey(Panel, on_delete=models.CASCADE, related_name="contestants")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contests",
        help_text=_("Their account, when they have one."),
    )
    display_name = models.CharField(_("name"), max_length=120)
    enterprise = optional_link("lms.Enterprise", _("enterprise"))
    studio = optional_link("home.InnovationStudioPage", _("studio"))
    achievement = optional_link("home.StudioAchievement", _("achievement presented"))
    title = models.CharField(_("what is presented"), max_length=200, blank=True)
    title_zh = models.CharField(
        _("what is presented (Chinese)"), max_length=200, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("display_name"), FieldPanel("person")]),
        FieldRowPanel([FieldPanel("enterprise"), FieldPanel("studio")]),
        FieldPanel("achievement"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_zh")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("contestant")
        verbose_name_plural = _("contestants")

    def __str__(self) -> str:
        return self.display_name

    @property
    def local_title(self) -> str:
        if reads_chinese():
            return self.title_zh or self.title
        return self.title or self.title_zh


class AwardBand(LocalNameMixin, Orderable):
    """Ranks ``first_rank``..``last_rank`` get the award ``name``."""

    panel = ParentalKey(Panel, on_delete=models.CASCADE, related_name="bands")
    first_rank = models.PositiveSmallIntegerField(
        _("from rank"), validators=[MinValueValidator(1)]
    )
    last_rank = models.PositiveSmallIntegerField(
        _("to rank"), validators=[MinValueValidator(1)]
    )
    name = models.CharField(_("award"), max_length=120)
    name_zh = models.CharField(_("award (Chinese)"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("first_rank"), FieldPanel("last_rank")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("award band")
        verbose_name_plural = _("award bands")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_rank__gte=F("first_rank")) & Q(first_rank__gte=1),
                name="home_awardband_ranks",
            )
        ]

    def __str__(self) -> str:
        return self.local_name
