"""The skill-level ladder: what a worker needs to apply for each level of an
occupation (years at the level below, training hours, courses, a mentor's
sign-off)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .taxonomy import MAX_LEVEL, MIN_LEVEL, Occupation, SkillLevel


class LevelRequirement(models.Model):
    """What a worker needs to apply for one skill level of one occupation."""

    occupation = models.ForeignKey(
        Occupation,
        verbose_name=_("occupation"),
        on_delete=models.CASCADE,
        related_name="level_requirements",
    )
    level = models.PositiveSmallIntegerField(_("skill level"), choices=SkillLevel)
    years_at_level_below = models.PositiveSmallIntegerField(
        _("years holding the level below"), default=0
    )
    training_hours = models.PositiveIntegerField(_("training hours"), default=0)
    required_courses = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("required courses"),
        blank=True,
        related_name="+",
    )
    mentor_signoff = models.BooleanField(_("mentor's sign-off required"), default=False)

    class Meta:
        verbose_name = _("skill-level requirement")
        verbose_name_plural = _("skill-level requirements")
        ordering = ["occupation__name", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "level"], name="level_requirement_once"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=MIN_LEVEL, level__lte=MAX_LEVEL),
                name="level_requirement_level_1_8",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation} · {self.get_level_display()}"
