"""Model fields declared the same way across the apps."""

from django.db import models


def optional_link(to, verbose_name) -> models.ForeignKey:
    """A link that may be empty, emptied when its target is deleted, with no reverse
    accessor (a record that only remembers who or what it concerned)."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
