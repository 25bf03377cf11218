from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.private_files import PrivatePhotoField
from lms.text import OneLineModelCharField

from .agreements import Agreement, hours
from .uploads import session_photo_path

MIN_SESSION_MINUTES = 5
MAX_SESSION_MINUTES = 12 * 60
# The fields a mentor fills in about a session; kept in a revision when they change.
SESSION_DETAIL_FIELDS = (
    "workshop",
    "line",
    "workstation",
    "topics",
    "problem",
    "skills",
    "notes",
)


class GuidanceSession(models.Model):
    """A session the mentor logged: guidance under an agreement, or a visit for a
    service request. Confirmed sessions count toward the hours."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DISPUTED = "disputed", _("Disputed")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    service_request = models.ForeignKey(
        "mentorship.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="visits",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="logged_sessions",
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"))
    minutes = models.PositiveIntegerField(_("minutes"))
    workshop = OneLineModelCharField(_("workshop"), max_length=120, blank=True)
    line = OneLineModelCharField(_("line"), max_length=120, blank=True)
    workstation = OneLineModelCharField(_("workstation"), max_length=120, blank=True)
    topics = models.TextField(_("topics"), blank=True)
    problem = models.TextField(_("production problem worked on"), blank=True)
    skills = models.TextField(_("skills practised"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    dispute_comment = models.TextField(_("comment on the dispute"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("guidance session")
        verbose_name_plural = _("guidance sessions")
        ordering = ["-date", "-start_time", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="session_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(
                    minutes__gte=MIN_SESSION_MINUTES, minutes__lte=MAX_SESSION_MINUTES
                ),
                name="session_length_5min_to_12h",
            ),
            models.CheckConstraint(
                condition=Q(agreement__isnull=False, service_request__isnull=True)
                | Q(agreement__isnull=True, service_request__isnull=False),
                name="session_agreement_or_request",
            ),
            models.CheckConstraint(
                condition=~Q(status="disputed") | ~Q(dispute_comment=""),
                name="session_dispute_has_comment",
            ),
        ]
        indexes = [
            models.Index(fields=["agreement", "status"]),
            models.Index(fields=["mentor", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def hours(self):
        return hours(self.minutes)

    @property
    def place(self) -> str:
        return " · ".join(p for p in (self.workshop, self.line, self.workstation) if p)


class GuidanceSessionPhoto(models.Model):
    session = models.ForeignKey(
        GuidanceSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = PrivatePhotoField(_("photo"), upload_to=session_photo_path)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session photo")
        verbose_name_plural = _("session photos")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.image.name


class GuidanceSessionRevision(models.Model):
    """The session as it stood before a change: confirmed records are never
    silently rewritten."""

    session = models.ForeignKey(
        GuidanceSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    number = models.PositiveIntegerField(_("revision"))
    data = models.JSONField(_("earlier version"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("session revision")
        verbose_name_plural = _("session revisions")
        ordering = ["session", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "number"], name="session_revision_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} #{self.number}"
