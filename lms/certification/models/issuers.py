"""The bodies that issue skill certificates: their names in both languages and the
seal printed on the certificate."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.names import LocalNameMixin
from lms.uploads import RandomName
from lms.validators import validate_image_file


class IssuingBody(LocalNameMixin, models.Model):
    """An issuing body as master data. Certificates keep ``issuer_name`` as written
    at issue (it is part of their number's uniqueness) and point here for the
    bilingual name and the seal."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    seal = models.ImageField(
        _("seal or logo"),
        upload_to=RandomName("seals"),
        blank=True,
        validators=[validate_image_file],
        help_text=_("Printed on the certificate: a PNG with a transparent background."),
    )

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name
