"""A ballot, its options and the votes cast. Names are kept in both languages
(``name``/``name_zh``, shown in the reader's language); a vote points at its ballot
and its option, and the database keeps one vote per person per ballot."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from lms.models.names import reads_chinese


def _local(english: str, chinese: str) -> str:
    if reads_chinese():
        return chinese or english
    return english or chinese


class Ballot(ClusterableModel):
    """An audience vote at an event, open from ``opens_at`` until ``closes_at``."""

    event = models.ForeignKey(
        "home.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="ballots",
    )
    title = models.CharField(_("title"), max_length=200)
    title_zh = models.CharField(_("title in Chinese"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_zh = models.TextField(_("introduction in Chinese"), blank=True)
    opens_at = models.DateTimeField(_("voting opens at"))
    closes_at = models.DateTimeField(
        _("voting closes at"),
        help_text=_("The totals are published at this time, not before."),
    )

    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_zh")]),
        FieldRowPanel([FieldPanel("intro"), FieldPanel("intro_zh")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        InlinePanel("options", label=_("Option"), heading=_("Options"), min_num=2),
    ]

    class Meta:
        verbose_name = _("audience vote")
        verbose_name_plural = _("audience votes")
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="home_ballot_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.local_title

    @property
    def local_title(self) -> str:
        return _local(self.title, self.title_zh)

    @property
    def local_intro(self) -> str:
        return _local(self.intro, self.intro_zh)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        """Closed: the totals are published."""
        return (now or timezone.now()) >= self.closes_at


class VoteOption(Orderable):
    """A craftsman or an achievement the audience may vote for."""

    ballot = ParentalKey(Ballot, on_delete=models.CASCADE, related_name="options")
    name = models.CharField(_("display name"), max_length=200)
    name_zh = models.CharField(_("display name in Chinese"), max_length=200, blank=True)
    profile = models.ForeignKey(
        "home.CraftsmanProfilePage",
        verbose_name=_("role-model profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    achievement = models.ForeignKey(
        "home.StudioAchievement",
        verbose_name=_("studio achievement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_zh")]),
        FieldRowPanel([FieldPanel("profile"), FieldPanel("achievement")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        return _local(self.name, self.name_zh)


class Vote(models.Model):
    """One person's vote. The voter is emptied when their data is erased: the vote
    still counts, anonymously."""

    ballot = models.ForeignKey(
        Ballot,
        verbose_name=_("audience vote"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    # RESTRICT: an option with votes goes only with its whole ballot.
    option = models.ForeignKey(
        VoteOption,
        verbose_name=_("option"),
        on_delete=models.RESTRICT,
        related_name="votes",
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voter"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="event_votes",
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)

    class Meta:
        verbose_name = _("vote cast")
        verbose_name_plural = _("votes cast")
        indexes = [models.Index(fields=["ballot", "option"], name="home_vote_count")]
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "voter"], name="home_vote_one_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.voter} · {self.ballot}"
