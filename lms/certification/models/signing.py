"""The certificate authority that signs certificate PDFs when it lives in the
database (dev, test, the demo; ``PDF_SIGNING_MODE = "database"``): a root and one
signing certificate per issuing body, each private key encrypted with a key from
``PDF_SIGNING_SECRET`` (``lms.certification.signing``). Production reads its
certificate and key from files instead."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .issuers import IssuingBody


class SigningCertificate(models.Model):
    class Kind(models.TextChoices):
        ROOT = "root", _("Root certificate authority")
        BODY = "body", _("Issuing body's signing certificate")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    issuing_body = models.OneToOneField(
        IssuingBody,
        verbose_name=_("issuing body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signing_certificate",
    )
    certificate_pem = models.TextField(_("certificate (PEM)"), editable=False)
    # A Fernet token of the PKCS#8 key: never shown, exported or logged.
    encrypted_key = models.TextField(_("encrypted private key"), editable=False)
    not_after = models.DateTimeField(_("valid until"), editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=Q(kind="root"), name="signing_one_root"
            ),
            models.CheckConstraint(
                condition=Q(kind="root", issuing_body__isnull=True)
                | Q(kind="body", issuing_body__isnull=False),
                name="signing_body_iff_kind_body",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.issuing_body or ''}".rstrip(" ·")
