"""Industries: what enterprises work in, occupations belong to and courses and
profiles are filed under."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .names import LocalNameMixin


class Industry(LocalNameMixin, models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name
