"""What visitors do at an event: a seat reserved, or a place on the waiting list, and
the check-in at the door. Plain records pointing at the session row that holds the
seats (``EventSession.canonical``)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_nonce() -> str:
    return secrets.token_hex(16)


class Reservation(models.Model):
    class Status(models.TextChoices):
        RESERVED = "reserved", _("Reserved")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.RESERVED, Status.WAITING)

    session = models.ForeignKey(
        "home.EventSession",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="reservations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("visitor"),
        on_delete=models.CASCADE,
        related_name="event_reservations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RESERVED
    )
    # The waiting list is served in this order (then by id).
    created_at = models.DateTimeField(_("made at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Part of what the ticket's code signs: a new reservation gets a new code.
    ticket_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["session", "status", "created_at"],
                name="home_reservation_queue",
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["reserved", "waiting"]),
                name="home_reservation_one_active_per_person",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status="reserved"),
                name="home_reservation_checked_in_holds_seat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
