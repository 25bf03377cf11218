import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.text import OneLineModelCharField

from .organisations import Membership

# No 0/O, 1/I/L: a code read aloud or copied from paper is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def clean_invitation_code(raw: str) -> str:
    """What a person typed, as stored: capitals, no spaces or hyphens."""
    return "".join(c for c in (raw or "").upper() if c.isalnum())


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            uses__lt=F("max_uses"),
        )


class Invitation(models.Model):
    """HR's invitation to join their enterprise, with the membership it gives (role,
    employee number): a link or a short code, good until it expires, is revoked or
    has been used ``max_uses`` times. Changed only by ``lms.services.invitations``."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        USED = "used", _("Used")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    enterprise = models.ForeignKey(
        "lms.Enterprise",
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    code = models.CharField(_("code"), max_length=16, unique=True)
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Membership.Role.choices,
        default=Membership.Role.WORKER,
    )
    employee_number = OneLineModelCharField(
        _("employee number"), max_length=40, blank=True
    )
    invitee = OneLineModelCharField(
        _("for"),
        max_length=80,
        blank=True,
        help_text=_("Who it is for, so that you know it in the list."),
    )
    max_uses = models.PositiveIntegerField(_("may be used"), default=1)
    uses = models.PositiveIntegerField(_("used"), default=0)
    accepted_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("joined"),
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_uses__gte=1) & Q(uses__lte=F("max_uses")),
                name="invitation_uses_within_max",
            ),
            models.CheckConstraint(
                condition=Q(employee_number="") | Q(max_uses=1),
                name="invitation_employee_number_one_use",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} · {self.enterprise}"

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        if self.uses >= self.max_uses:
            return self.Status.USED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
