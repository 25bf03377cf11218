"""Import batches: one uploaded file of appraisal results and its outcome."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models.organisations import Enterprise
from lms.private_files import PrivateFileField
from lms.uploads import RandomName

from .certificates import SkillCertificate


class ImportBatch(models.Model):
    """One uploaded file of appraisal results: checked in a dry run, then committed
    all-or-nothing by a Celery task that reports its progress here."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be checked")
        CHECKING = "checking", _("Checking")
        INVALID = "invalid", _("Has errors")
        READY = "ready", _("Checked, ready to import")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="import_batches",
        help_text=_("Whose employee numbers the file uses."),
    )
    issuer_kind = models.CharField(
        _("kind of issuing body"),
        max_length=20,
        choices=SkillCertificate.IssuerKind.choices,
    )
    issuer_name = models.CharField(_("issuing body"), max_length=200)
    evidence_kind = models.CharField(
        _("evidence"),
        max_length=20,
        choices=SkillCertificate.Evidence.choices,
        default=SkillCertificate.Evidence.APPRAISAL,
    )
    file = PrivateFileField(_("file"), upload_to=RandomName("imports"))
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    new_count = models.PositiveIntegerField(_("new certificates"), default=0)
    unchanged_count = models.PositiveIntegerField(_("already imported"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    message = models.TextField(
        _("message"),
        blank=True,
        help_text=_("The outcome as text, of imports made before summaries."),
    )
    summary = models.JSONField(
        _("summary"),
        default=dict,
        blank=True,
        help_text=_("The outcome as a code and counts, said in the reader's language."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def summary_text(self) -> str:
        """The outcome in the active language."""
        from lms import stored_text
        from lms.certification import import_summaries

        if self.summary:
            return import_summaries.render(self.summary)
        return stored_text.render(self.message)

    @property
    def error_rows(self) -> list[dict]:
        """The stored row errors, each message in the active language."""
        from lms.stored_text import Text

        return [
            {
                "row": e.get("row"),
                "column": e.get("column", ""),
                "message": str(
                    Text(
                        str(e.get("text", e.get("message", ""))), e.get("params") or {}
                    )
                ),
            }
            for e in self.errors
        ]

    @property
    def progress(self) -> int:
        if not self.total_rows:
            return 100 if self.status in (self.Status.DONE, self.Status.READY) else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
