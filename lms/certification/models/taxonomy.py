"""Occupations and the eight skill levels certificates are issued for."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.models.industries import Industry
from lms.models.names import LocalNameMixin


class SkillLevel(models.IntegerChoices):
    """The eight vocational skill levels since the 2022 reform, stored as a rank from
    1 (apprentice) to 8 (chief technician): a higher number is a higher level, so
    ``max``, ``order_by`` and ``level__gte`` read the way the ladder climbs. The
    national grade (五级 = 5 … 一级 = 1, the old stored value) is ``national_grade``;
    migration 0016 moved old values across (old grade g -> rank 7 - g)."""

    APPRENTICE = 1, pgettext_lazy("skill level", "Apprentice")
    JUNIOR_WORKER = 2, _("Level 5 / Junior worker")
    INTERMEDIATE_WORKER = 3, _("Level 4 / Intermediate worker")
    SENIOR_WORKER = 4, _("Level 3 / Senior worker")
    TECHNICIAN = 5, _("Level 2 / Technician")
    SENIOR_TECHNICIAN = 6, _("Level 1 / Senior technician")
    SPECIAL_GRADE_TECHNICIAN = 7, _("Special-grade technician")
    CHIEF_TECHNICIAN = 8, _("Chief technician")

    @property
    def national_grade(self) -> int | None:
        """五级 … 一级 as 5 … 1 (what certificate numbers and appraisal results
        write); None for the apprentice, special-grade and chief levels."""
        return 7 - self.value if 2 <= self.value <= 6 else None

    @property
    def code(self) -> str:
        """The level in exports and imports: the national grade's digit (as every
        CSV before the reform wrote it) or a word for the three new levels."""
        grade = self.national_grade
        return str(grade) if grade else LEVEL_WORD_CODES[self.value]

    @property
    def number_mark(self) -> str:
        """The level's character in a national-style certificate number: the grade
        digit, 0 for the apprentice, T (特) and C (chief) for the appointed ones."""
        grade = self.national_grade
        return str(grade) if grade else NUMBER_MARKS[self.value]

    @property
    def short_label(self) -> str:
        return str(SHORT_LABELS[self.value])

    @classmethod
    def from_grade(cls, grade: int) -> SkillLevel:
        """The level of a national grade (1 … 5, 一级 … 五级)."""
        if grade not in range(1, 6):
            raise ValueError(grade)
        return cls(7 - grade)


LEVEL_WORD_CODES = {1: "apprentice", 7: "special", 8: "chief"}
NUMBER_MARKS = {1: "0", 7: "T", 8: "C"}

# Column headings of the HR board's counts (a narrow table on a phone).
SHORT_LABELS = {
    1: pgettext_lazy("skill level", "Apprentice"),
    2: _("L5"),
    3: _("L4"),
    4: _("L3"),
    5: _("L2"),
    6: _("L1"),
    7: _("Special"),
    8: _("Chief"),
}
MIN_LEVEL, MAX_LEVEL = 1, 8


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
