"""Open Badges credentials: the issuing bodies' signing keys (private halves
encrypted at rest) and one record per credential issued, holding its place in
the issuer's status lists. The signed document itself is made when downloaded."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .issuers import IssuingBody

# Entries per status list: the Bitstring Status List's minimum (16 KiB of bits),
# large enough that a credential's index says nothing about who holds it.
STATUS_LIST_SIZE = 131_072


class IssuerKey(models.Model):
    """An Ed25519 key pair of an issuing body. One is active (signs new
    credentials); rotated-out keys stay published so what they signed verifies."""

    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="credential_keys",
    )
    public_key = models.CharField(
        _("public key (multibase)"), max_length=64, unique=True, editable=False
    )
    # Fernet token of the 32-byte private key; the Fernet key comes from the
    # environment (CREDENTIAL_KEYS_SECRET), never from the database.
    private_key_encrypted = models.BinaryField(editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    class Meta:
        verbose_name = _("credential signing key")
        verbose_name_plural = _("credential signing keys")
        ordering = ["issuing_body", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_body"],
                condition=Q(retired_at__isnull=True),
                name="issuer_key_one_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuing_body_id} · {self.public_key[:12]}…"

    def __repr__(self) -> str:  # never the key material, not even encrypted
        return f"<IssuerKey {self.pk} {self.public_key}>"


class IssuedCredential(models.Model):
    """One Open Badges credential: for a skill certificate, or for a course
    completion that gives no certificate (``achievement`` holds its names)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="credentials",
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="credentials",
    )
    certificate = models.OneToOneField(
        "lms.SkillCertificate",
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="credential",
    )
    source_key = models.CharField(_("source key"), max_length=200, blank=True)
    achievement = models.JSONField(_("achievement"), default=dict, blank=True)
    issued_on = models.DateField(_("issued on"))
    status_list = models.PositiveIntegerField(_("status list"), default=0)
    status_index = models.PositiveIntegerField(_("index in the status list"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("issued credential")
        verbose_name_plural = _("issued credentials")
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_body", "status_list", "status_index"],
                name="credential_status_index_once",
            ),
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~Q(source_key=""),
                name="credential_source_key_once",
            ),
            models.CheckConstraint(
                condition=Q(status_index__lt=STATUS_LIST_SIZE),
                name="credential_status_index_in_list",
            ),
        ]

    def __str__(self) -> str:
        return f"urn:uuid:{self.uuid}"
