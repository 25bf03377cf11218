"""The bodies that issue skill certificates: their names in both languages, the
seal printed on the certificate, the pattern of their certificate numbers and their
link to the national query service."""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.names import LocalNameMixin
from lms.uploads import RandomName
from lms.validators import validate_image_file

from ..numbers import (
    number_problem,
    validate_number_pattern,
    validate_query_url_template,
)


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

    number_pattern = models.CharField(
        _("certificate number pattern"),
        max_length=200,
        blank=True,
        validators=[validate_number_pattern],
        help_text=_(
            "A regular expression the whole number must match, checked when a "
            "certificate is recorded or imported. Optional named groups: “year” (two "
            "digits, checked against the issue date) and “level” (0 apprentice, 5 … 1 "
            "the national grades, T special-grade, C chief technician)."
        ),
    )
    number_example = models.CharField(
        _("example number"),
        max_length=64,
        blank=True,
        help_text=_("A number that follows the pattern, shown when one does not."),
    )
    in_national_catalogue = models.BooleanField(
        _("in the national catalogue"),
        default=False,
        help_text=_(
            "Listed in the national catalogue of evaluation bodies: its certificates "
            "link to the national public query service."
        ),
    )
    query_url_template = models.CharField(
        _("national query link"),
        max_length=300,
        blank=True,
        validators=[validate_query_url_template],
        help_text=_(
            "The national query service's address for one certificate, with "
            "{number} where the certificate number goes. Only linked, never fetched."
        ),
    )

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name

    def clean(self) -> None:
        super().clean()
        if self.number_example and not self.number_pattern:
            raise ValidationError(
                {"number_pattern": _("Give the pattern the example follows.")}
            )
        if self.number_pattern and self.number_example:
            try:
                validate_number_pattern(self.number_pattern)
            except ValidationError:
                return  # the field's own error says why
            if number_problem(
                pattern=self.number_pattern,
                example="",
                number=self.number_example,
            ):
                raise ValidationError(
                    {"number_example": _("The example does not match the pattern.")}
                )
        if self.in_national_catalogue and not self.query_url_template:
            raise ValidationError(
                {
                    "query_url_template": _(
                        "A body in the national catalogue needs its query link."
                    )
                }
            )

    def query_url(self, number: str) -> str:
        """The national query service's page for this number ("" when the body is
        not in the catalogue)."""
        if not (self.in_national_catalogue and self.query_url_template):
            return ""
        return self.query_url_template.replace("{number}", quote(number, safe=""))
