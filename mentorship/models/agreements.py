from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import SkillLevel
from lms.private_files import PrivateFileField
from lms.text import OneLineModelCharField

from .uploads import evidence_path


class MentorTrade(models.Model):
    """An occupation a mentor teaches; service requests of it are offered to them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="mentor_trades",
    )
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        on_delete=models.CASCADE,
        related_name="mentor_trades",
    )

    class Meta:
        verbose_name = _("mentor's trade")
        verbose_name_plural = _("mentors' trades")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "occupation"], name="mentortrade_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.occupation}"


class Agreement(models.Model):
    """A mentorship agreement between a mentor and an apprentice, witnessed by a union
    coordinator. Its status only moves through ``mentorship.services``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_SIGNATURES = "awaiting", _("Awaiting signatures")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        TERMINATED = "terminated", _("Terminated")

    class Cadence(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        FORTNIGHTLY = "fortnightly", _("Every two weeks")
        MONTHLY = "monthly", _("Monthly")

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="mentor_agreements",
    )
    apprentice = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("apprentice"),
        on_delete=models.PROTECT,
        related_name="apprentice_agreements",
    )
    enterprise = models.ForeignKey(
        "lms.Enterprise",
        verbose_name=_("apprentice's enterprise"),
        on_delete=models.PROTECT,
        related_name="mentorship_agreements",
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("union coordinator (witness)"),
        on_delete=models.PROTECT,
        related_name="witnessed_agreements",
    )
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        on_delete=models.PROTECT,
        related_name="mentorship_agreements",
    )
    goals = models.TextField(_("goals"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    cadence = models.CharField(
        _("planned meetings"),
        max_length=20,
        choices=Cadence.choices,
        default=Cadence.WEEKLY,
    )
    planned_hours = models.DecimalField(
        _("planned hours"), max_digits=6, decimal_places=1
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentorship agreement")
        verbose_name_plural = _("mentorship agreements")
        ordering = ["-start_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="agreement_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(mentor=models.F("apprentice")),
                name="agreement_mentor_not_apprentice",
            ),
            models.CheckConstraint(
                condition=Q(planned_hours__gt=0),
                name="agreement_planned_hours_positive",
            ),
            models.CheckConstraint(
                condition=~Q(status="terminated") | ~Q(termination_reason=""),
                name="agreement_terminated_has_reason",
            ),
            # One open agreement per pair: a double-submitted form makes one, not two.
            models.UniqueConstraint(
                fields=["mentor", "apprentice"],
                condition=Q(status__in=["draft", "awaiting", "active"]),
                name="agreement_one_open_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["status", "end_date"])]

    def __str__(self) -> str:
        return _("%(mentor)s mentors %(apprentice)s") % {
            "mentor": self.mentor,
            "apprentice": self.apprentice,
        }

    @property
    def is_open(self) -> bool:
        return self.status in (
            self.Status.DRAFT,
            self.Status.AWAITING_SIGNATURES,
            self.Status.ACTIVE,
        )


class AgreementSignature(models.Model):
    """Who signed the agreement for which party, and when; the witness's signature is
    the coordinator's approval."""

    class Party(models.TextChoices):
        MENTOR = "mentor", _("Mentor")
        APPRENTICE = "apprentice", _("Apprentice")
        WITNESS = "witness", _("Union coordinator (witness)")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )
    party = models.CharField(_("party"), max_length=20, choices=Party.choices)
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "party"], name="signature_once_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_party_display()}: {self.signer}"


class Milestone(models.Model):
    """A step of the agreement toward an occupation and level, done when the mentor
    signs it off with evidence."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = OneLineModelCharField(_("title"), max_length=200)
    target_date = models.DateField(_("target date"))
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    skill_level = models.PositiveSmallIntegerField(
        _("skill level"), choices=SkillLevel.choices
    )
    courses = models.ManyToManyField(
        "courses.CoursePage",
        verbose_name=_("linked courses"),
        blank=True,
        related_name="mentorship_milestones",
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = PrivateFileField(
        _("evidence file"), upload_to=evidence_path, blank=True
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["target_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(skill_level__gte=1, skill_level__lte=8),
                name="milestone_level_1_to_8",
            ),
            models.CheckConstraint(
                condition=Q(signed_off_at__isnull=True)
                | (Q(signed_off_by__isnull=False) & ~Q(evidence="")),
                name="milestone_signoff_has_evidence",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.signed_off_at is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.target_date < timezone.localdate()


def hours(minutes: int | None) -> Decimal:
    """Minutes as hours with one decimal, the unit every page and export shows."""
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.1"))
