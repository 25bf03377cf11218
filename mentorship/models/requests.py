from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms.private_files import PrivateFileField
from lms.text import OneLineModelCharField

from .uploads import request_attachment_path


class ServiceRequest(models.Model):
    """An enterprise's technical problem: the enterprise places the order, a model
    worker accepts it, the union delivers. Each step is a ``ServiceRequestEvent``."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting union review")
        PUBLISHED = "published", _("Open for mentors")
        ASSIGNED = "assigned", _("Assigned")
        CLOSED = "closed", _("Solved, awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed by the enterprise")
        REJECTED = "rejected", _("Declined by the union")
        CANCELLED = "cancelled", _("Withdrawn")

    class Urgency(models.TextChoices):
        LOW = "low", _("Low")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("High")
        CRITICAL = "critical", _("Production stopped")

    OPEN_STATUSES = (Status.SUBMITTED, Status.PUBLISHED, Status.ASSIGNED, Status.CLOSED)
    # Days the enterprise has to confirm or reopen a closed request; after that the
    # solution counts as confirmed.
    ANSWER_DAYS = 14

    enterprise = models.ForeignKey(
        "lms.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.PROTECT,
        related_name="posted_service_requests",
    )
    title = OneLineModelCharField(_("title"), max_length=200)
    problem = models.TextField(_("technical problem"))
    occupation = models.ForeignKey(
        "lms.Occupation",
        verbose_name=_("occupation"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    site = OneLineModelCharField(_("site"), max_length=200)
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    preferred_from = models.DateField(_("preferred from"), null=True, blank=True)
    preferred_until = models.DateField(_("preferred until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    assigned_mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned mentor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_service_requests",
    )
    solution = models.TextField(_("summary of the solution"), blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    # Confirmed by the platform: the enterprise did not answer within
    # ``ANSWER_DAYS`` of the closing, so there is no rating.
    confirmed_automatically = models.BooleanField(
        _("confirmed without an answer"), default=False
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="servicerequest_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(preferred_from__isnull=True)
                | Q(preferred_until__isnull=True)
                | Q(preferred_until__gte=models.F("preferred_from")),
                name="servicerequest_preferred_dates_order",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["assigned", "closed", "confirmed"])
                | Q(assigned_mentor__isnull=False),
                name="servicerequest_assigned_has_mentor",
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed")
                | Q(rating__isnull=False)
                | Q(confirmed_automatically=True),
                name="servicerequest_confirmed_has_rating",
            ),
        ]
        indexes = [models.Index(fields=["status", "occupation"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open_for_offers(self) -> bool:
        """Published by the union: mentors of its trade may offer to take it."""
        return self.status == self.Status.PUBLISHED

    @classmethod
    def open_for_offers_q(cls) -> Q:
        return Q(status=cls.Status.PUBLISHED)


class ServiceRequestOffer(models.Model):
    """A mentor of the trade offers to take a published request."""

    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("service request"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="service_request_offers",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "mentor"], name="offer_once_per_mentor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.request}"


class ServiceRequestEvent(models.Model):
    """One recorded step of a request: who moved it from which status to which."""

    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("service request"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ServiceRequest.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=20, choices=ServiceRequest.Status.choices
    )
    # None: the platform itself (a request confirmed for want of an answer).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("service request step")
        verbose_name_plural = _("service request steps")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.request}: {self.from_status or '-'} → {self.to_status}"

    @property
    def label(self) -> str:
        """What the step was, for the request's history."""
        Status = ServiceRequest.Status
        if self.from_status == Status.CLOSED and self.to_status == Status.ASSIGNED:
            return _("Reopened: not solved")
        if self.to_status == Status.CONFIRMED and self.actor_id is None:
            return _("Confirmed without an answer within %(days)s days") % {
                "days": ServiceRequest.ANSWER_DAYS
            }
        return self.get_to_status_display()


class ServiceRequestAttachment(models.Model):
    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("service request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = PrivateFileField(_("file"), upload_to=request_attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name
