import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ErasureRequest(models.Model):
    """A person asks for their data to be erased; staff decide within
    ``DAYS_TO_DECIDE`` days. The record stays after the erasure: who asked, when,
    and what was decided, by whom."""

    DAYS_TO_DECIDE = 30

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved: the data is erased")
        REFUSED = "refused", _("Refused")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="erasure_requests",
    )
    requested_at = models.DateTimeField(_("asked at"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    due_on = models.DateField(_("to decide by"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["due_on", "id"]
        constraints = [
            # A double-submitted request is one request.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="pending"),
                name="erasurerequest_one_pending_per_person",
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="erasurerequest_decided_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.requested_at:%Y-%m-%d}"

    @classmethod
    def due_for(cls, requested_at: datetime.datetime) -> datetime.date:
        return timezone.localdate(requested_at) + datetime.timedelta(
            days=cls.DAYS_TO_DECIDE
        )

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.PENDING and self.due_on < timezone.localdate()
