from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.text import OneLineModelCharField
from lms.validators import validate_credit_code

from .industries import Industry
from .names import LocalNameMixin


class TradeUnion(LocalNameMixin, models.Model):
    class Kind(models.TextChoices):
        FEDERATION = "federation", _("Federation")
        BRANCH = "branch", _("Branch")

    name = OneLineModelCharField(_("name"), max_length=200, unique=True)
    name_zh = OneLineModelCharField(_("Chinese name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent federation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="branches",
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_unions",
    )

    class Meta:
        verbose_name = _("trade union")
        verbose_name_plural = _("trade unions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name


class Enterprise(LocalNameMixin, models.Model):
    name = OneLineModelCharField(_("name"), max_length=200)
    name_zh = OneLineModelCharField(_("Chinese name"), max_length=200, blank=True)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
    )
    industry = models.ForeignKey(
        Industry,
        verbose_name=_("industry"),
        on_delete=models.PROTECT,
        related_name="enterprises",
    )
    region = models.CharField(_("region"), max_length=100)
    union = models.ForeignKey(
        TradeUnion,
        verbose_name=_("trade union"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enterprises",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="enterprises"
    )

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.local_name


class Membership(models.Model):
    """A person's place in an enterprise: a worker, its HR officer or a manager."""

    class Role(models.TextChoices):
        WORKER = "worker", _("Worker")
        HR = "hr", _("HR")
        MANAGER = "manager", _("Manager")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    enterprise = models.ForeignKey(
        Enterprise,
        verbose_name=_("enterprise"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.WORKER
    )
    employee_number = OneLineModelCharField(
        _("employee number"), max_length=40, blank=True
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "enterprise"], name="membership_unique_person"
            ),
            models.UniqueConstraint(
                fields=["enterprise", "employee_number"],
                condition=~models.Q(employee_number=""),
                name="membership_unique_employee_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.enterprise} ({self.get_role_display()})"
