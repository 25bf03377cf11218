"""Occupations and the five skill levels certificates are issued for."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.models.industries import Industry
from lms.models.names import LocalNameMixin


class SkillLevel(models.IntegerChoices):
    """The five national vocational skill levels; level 1 is the highest."""

    SENIOR_TECHNICIAN = 1, _("Level 1 · Senior technician")
    TECHNICIAN = 2, _("Level 2 · Technician")
    SENIOR_WORKER = 3, _("Level 3 · Senior worker")
    INTERMEDIATE_WORKER = 4, _("Level 4 · Intermediate worker")
    JUNIOR_WORKER = 5, _("Level 5 · Junior worker")


class Occupation(LocalNameMixin, models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_zh = models.CharField(_("Chinese name"), max_length=120, blank=True)
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        on_delete=models.PROTECT,
        related_name="occupations",
    )

    class Meta:
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name
