"""What every content page of this app shares: a summary for cards and link previews,
the image shown when the page is shared, and related-page links."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Orderable, Page
from wagtail_localize.fields import BaseTranslatableField

FIRST_YEAR = 1950
LAST_YEAR = 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class OwnPerLanguage(BaseTranslatableField):
    """A field wagtail-localize neither translates nor synchronises."""

    def __repr__(self):
        return f"<OwnPerLanguage {self.field_name}>"


def own_per_language(*names: str) -> list[BaseTranslatableField]:
    """wagtail-localize's ``override_translatable_fields`` for child relations (and
    tags) whose rows hold words but are not translatable models: each language keeps
    its own rows, written on its page, instead of a copy of the English rows at every
    sync (synchronised is wagtail-localize's default for such relations)."""
    return [OwnPerLanguage(name) for name in names]


def year_range_constraint(name: str, field: str = "year") -> models.CheckConstraint:
    """Years of honours, achievements and recognitions are plausible calendar years."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": FIRST_YEAR, f"{field}__lte": LAST_YEAR}),
        name=name,
    )


def non_negative_constraint(name: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=name,
    )


class ContentPage(Page):
    """Abstract base: a short summary used on cards, in feeds and in link previews."""

    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown on cards, in feeds and in search."),
    )

    class Meta:
        abstract = True

    def social_image(self):
        """The image shown when the page is shared (Open Graph); ``None`` if none."""
        return None

    def social_description(self) -> str:
        return self.search_description or self.summary


class RelatedPage(Orderable):
    """Abstract base: a link from a page to a related profile, studio or course."""

    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta(Orderable.Meta):
        abstract = True
