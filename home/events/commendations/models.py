"""A commendation, its nominations, the committee's reviews and the audit trail of
who did what when. Nothing is deleted once published: rows are protected, and the
services refuse changes after publication."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models.base import YEAR_VALIDATORS
from lms.models.names import reads_chinese

STATEMENT_MAX = 4000
LINKS_MAX = 5


class Commendation(models.Model):
    class Status(models.TextChoices):
        NOMINATING = "nominating", _("Taking nominations")
        REVIEWING = "reviewing", _("Under review")
        SELECTED = "selected", _("Selection made")
        PUBLISHED = "published", _("Published")

    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("For example “3rd Beijing Great Craftsman Commendation”."),
    )
    title_zh = models.CharField(_("Chinese title"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=YEAR_VALIDATORS, help_text=_("The year of the honour.")
    )
    event = models.ForeignKey(
        "home.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    places = models.PositiveSmallIntegerField(_("number of places"), default=28)
    committee = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("committee members"),
        blank=True,
        related_name="commendation_committees",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NOMINATING,
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominations_close_at__gt=F("nominations_open_at")),
                name="home_commendation_window_order",
            ),
            models.CheckConstraint(
                condition=Q(places__gte=1), name="home_commendation_places_positive"
            ),
        ]

    def __str__(self) -> str:
        return self.local_title

    @property
    def local_title(self) -> str:
        if reads_chinese():
            return self.title_zh or self.title
        return self.title or self.title_zh

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def window_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.nominations_open_at <= now < self.nominations_close_at


class Recommendation(models.TextChoices):
    SELECT = "select", _("Select")
    RESERVE = "reserve", _("Reserve")
    DECLINE = "decline", _("Do not select")


class Nomination(models.Model):
    """A union's nomination of one craftsman (one per craftsman per commendation)."""

    commendation = models.ForeignKey(
        Commendation,
        verbose_name=_("commendation"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    craftsman = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("craftsman"),
        on_delete=models.PROTECT,
        related_name="commendation_nominations",
    )
    profile = models.ForeignKey(
        "home.CraftsmanProfilePage",
        verbose_name=_("role-model profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    union = models.ForeignKey(
        "lms.TradeUnion",
        verbose_name=_("nominating union"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    statement = models.TextField(_("statement"), max_length=STATEMENT_MAX)
    links = models.TextField(
        _("achievement links"),
        blank=True,
        help_text=_("Up to five web addresses, one a line."),
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominated_at = models.DateTimeField(_("nominated at"), default=timezone.now)
    selected = models.BooleanField(_("selected"), default=False)
    selected_at = models.DateTimeField(_("selected at"), null=True, blank=True)
    selected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("selected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["nominated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["commendation", "craftsman"],
                name="home_nomination_one_per_craftsman",
            ),
        ]

    def __str__(self) -> str:
        return str(self.craftsman)

    @property
    def link_list(self) -> list[str]:
        return [line for line in self.links.splitlines() if line.strip()]


class NominationReview(models.Model):
    """One committee member's notes and recommendation on a nomination."""

    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices
    )
    notes = models.TextField(_("notes"), blank=True, max_length=STATEMENT_MAX)
    reviewed_at = models.DateTimeField(_("reviewed at"), default=timezone.now)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "reviewer"],
                name="home_nominationreview_one_per_reviewer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.get_recommendation_display()}"


class CommendationEvent(models.Model):
    """The audit trail: who nominated, reviewed, selected and published, and when.
    Only ever added to."""

    class Action(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        REVIEWED = "reviewed", _("Reviewed")
        SELECTED = "selected", _("Selected")
        UNSELECTED = "unselected", _("Taken out of the selection")
        CLOSED = "closed", _("Nominations closed")
        PUBLISHED = "published", _("Published")

    commendation = models.ForeignKey(
        Commendation,
        verbose_name=_("commendation"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("commendation event")
        verbose_name_plural = _("commendation events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.actor}"
