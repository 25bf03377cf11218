"""Board exports: an HR officer's spreadsheet of the board as filtered, written by a
Celery task into private storage and downloadable by its requester only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.private_files import PrivateFileField
from lms.uploads import RandomName


class BoardExport(models.Model):
    """One requested XLSX export: its filters, progress (rows done of the total),
    outcome (the file, or a message saying why not). At most one waiting or
    running export per person and filter set (a double submit finds it)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to start")
        RUNNING = "running", _("Writing")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    OPEN = (Status.PENDING, Status.RUNNING)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    filters_key = models.CharField(_("filters key"), max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    file = PrivateFileField(_("file"), upload_to=RandomName("exports"), blank=True)
    error = models.JSONField(
        _("error"),
        default=dict,
        blank=True,
        help_text=_("Why it failed, said in the reader's language."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("board export")
        verbose_name_plural = _("board exports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["requested_by", "filters_key"],
                condition=Q(status__in=["pending", "running"]),
                name="lms_board_export_one_open_per_filters",
            )
        ]
        indexes = [models.Index(fields=["created_at"], name="lms_board_export_created")]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def progress(self) -> int:
        """Percent of rows written (100 once done)."""
        if self.status == self.Status.DONE:
            return 100
        if not self.rows_total:
            return 0
        return min(99, 100 * self.rows_done // self.rows_total)

    @property
    def error_text(self) -> str:
        from lms.stored_text import Text

        return str(Text.from_json(self.error)) if self.error else ""
