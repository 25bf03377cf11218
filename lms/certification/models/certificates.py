"""Skill certificates, their scans and their append-only history."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models.organisations import Enterprise
from lms.private_files import PrivateFileField
from lms.text import OneLineModelCharField
from lms.uploads import RandomName
from lms.validators import validate_upload

from .issuers import IssuingBody
from .status import (
    STATUS_BADGES,
    CertificateStatus,
    SkillCertificateQuerySet,
    q_matches,
    status_rules,
)
from .taxonomy import MAX_LEVEL, MIN_LEVEL, Occupation, SkillLevel


def new_verification_code() -> str:
    """120 random bits, URL-safe: a code nobody can guess."""
    return secrets.token_urlsafe(15)


class SkillCertificate(models.Model):
    """A person's vocational skill certificate for one occupation at one level.
    Renewal makes a new record that ``replaces`` the old one; nothing is overwritten."""

    class IssuerKind(models.TextChoices):
        PLATFORM = "platform", _("This platform")
        ENTERPRISE = "enterprise", _("Enterprise skill appraisal")
        OUTSIDE = "outside", _("Outside certification body")

    class Kind(models.TextChoices):
        LEVEL = "level", _("Skill level certificate")
        # A placing in a skills competition: evidence for the ladder, not a level
        # held (the ladder and the board count only LEVEL certificates).
        PLACING = "placing", _("Competition placing certificate")

    class Evidence(models.TextChoices):
        COURSE = "course", _("Course completion")
        APPRAISAL = "appraisal", _("Appraisal score")
        PRACTICAL = "practical", _("Practical assessment")
        COMPETITION = "competition", _("Competition result")

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="skill_certificates",
    )
    occupation = models.ForeignKey(
        Occupation,
        verbose_name=_("occupation"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    # The name as it stood on the day of issue: renaming one's account changes no
    # certificate; only an officer's correction (with a reason, in the history) does.
    holder_name = OneLineModelCharField(
        _("holder's name on the certificate"), max_length=200, blank=True
    )
    kind = models.CharField(
        _("kind of certificate"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.LEVEL,
        db_default=Kind.LEVEL,
    )
    level = models.PositiveSmallIntegerField(_("skill level"), choices=SkillLevel)
    number = models.CharField(_("certificate number"), max_length=64)
    issuer_kind = models.CharField(
        _("kind of issuing body"), max_length=20, choices=IssuerKind.choices
    )
    issuer_name = models.CharField(_("issuing body"), max_length=200)
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name=_("issuing body (master data)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    issuer_enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("appraising enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_certificates",
    )
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    evidence_kind = models.CharField(
        _("evidence"), max_length=20, choices=Evidence.choices
    )
    evidence_detail = models.CharField(_("evidence detail"), max_length=255, blank=True)
    score = models.DecimalField(
        _("score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    verification_code = models.CharField(
        _("verification code"),
        max_length=32,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    # Stored, not computed: set by the certificate services in the transaction that
    # records the renewal (``replaces``), so the board filters on a plain column.
    superseded = models.BooleanField(
        _("superseded"),
        default=False,
        db_default=False,
        editable=False,
        help_text=_("A renewal has replaced this certificate."),
    )
    suspended = models.BooleanField(_("suspended"), default=False)
    suspension_reason = models.TextField(_("reason for suspension"), blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    # Makes an automatic issue (a course completion, an import row) happen once.
    source_key = models.CharField(_("source key"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    import_batch = models.ForeignKey(
        "lms.ImportBatch",
        verbose_name=_("import batch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = SkillCertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("skill certificate")
        verbose_name_plural = _("skill certificates")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer_kind", "issuer_name", "number"],
                name="certificate_number_unique_per_issuer",
            ),
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~Q(source_key=""),
                name="certificate_source_key_once",
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("issued_on")),
                name="certificate_valid_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(level__gte=MIN_LEVEL, level__lte=MAX_LEVEL),
                name="certificate_level_1_8",
            ),
            models.CheckConstraint(
                condition=~Q(number=""), name="certificate_number_present"
            ),
        ]
        indexes = [
            # The board's counts and the ladder: per holder, everything the status
            # needs in the index itself (an index-only scan, no table reads).
            models.Index(
                fields=["holder", "occupation", "level"],
                include=[
                    "valid_until",
                    "issued_on",
                    "revoked",
                    "suspended",
                    "superseded",
                ],
                name="cert_holder_occ_level",
            ),
            models.Index(fields=["occupation", "level"], name="cert_occ_level"),
            # Expiring and expired are date comparisons on current certificates
            # (the reminders, the "expiring within" filter).
            models.Index(
                fields=["valid_until"],
                condition=Q(revoked=False, suspended=False, superseded=False),
                name="cert_current_valid_until",
            ),
            models.Index(fields=["number"], name="cert_number"),
            # The board's search by number (``number__iexact``).
            models.Index(Upper("number"), name="cert_number_upper"),
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.occupation} · {self.get_level_display()}"

    @property
    def holder_display_name(self) -> str:
        """The name printed on the certificate (as recorded at issue)."""
        if self.holder_name and not self.holder.is_erased:
            return self.holder_name
        return self.holder.get_full_name()

    @property
    def issuer_local_name(self) -> str:
        """The issuing body in the reader's language."""
        if self.issuing_body_id:
            return self.issuing_body.local_name
        return self.issuer_name

    @property
    def national_query_url(self) -> str:
        """The national public query service's page for this number, when the
        issuing body is in the national catalogue (a link; nothing is fetched)."""
        if not self.issuing_body_id:
            return ""
        return self.issuing_body.query_url(self.number)

    def status_on(self, today: datetime.date) -> str:
        values = {
            "revoked": self.revoked,
            "suspended": self.suspended,
            "superseded": self.superseded,
            "valid_until": self.valid_until,
        }
        for status, q in status_rules(today):
            if q_matches(q, values):
                return str(status)
        return str(CertificateStatus.VALID)

    @property
    def status(self) -> str:
        annotated = self.__dict__.get("status_value")
        if annotated is not None:
            return annotated
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES[self.status]


MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def validate_attachment(upload) -> None:
    """A scan: an image or a PDF whose contents match, at most 10 MB, through the
    one upload check (``lms.validators.validate_upload``). Kept here by name: the
    migrations refer to it."""
    validate_upload(
        upload,
        max_bytes=MAX_ATTACHMENT_BYTES,
        documents=frozenset({".pdf"}),
        refusal=_("Attach a PDF or a scanned image (JPEG, PNG, GIF or WebP)."),
    )


class CertificateAttachment(models.Model):
    """A scan (image) or PDF of a certificate recorded by hand."""

    certificate = models.ForeignKey(
        SkillCertificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = PrivateFileField(
        _("file"),
        upload_to=RandomName("certificates"),
        validators=[validate_attachment],
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("certificate attachment")
        verbose_name_plural = _("certificate attachments")

    def __str__(self) -> str:
        return self.file.name


class CertificateEvent(models.Model):
    """Append-only history of a certificate: written by services, never changed."""

    class Action(models.TextChoices):
        ISSUE = "issue", _("Issued")
        EDIT = "edit", _("Edited")
        SUSPEND = "suspend", _("Suspended")
        REINSTATE = "reinstate", _("Reinstated")
        REVOKE = "revoke", _("Revoked")
        RENEW = "renew", _("Renewed")

    certificate = models.ForeignKey(
        SkillCertificate,
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d}"

    @property
    def description(self) -> str:
        """What happened, as a sentence in the active language."""
        from lms.certification.history import describe

        return describe(self)
