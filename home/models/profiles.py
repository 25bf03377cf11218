from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock, QuotesBlock
from lms.fields import optional_link
from lms.search import chinese_search_fields

from .base import (
    YEAR_VALIDATORS,
    ContentPage,
    non_negative_constraint,
    own_per_language,
    year_range_constraint,
)


class ProfileIndexPage(Page):
    """The list of role models: model workers and master craftsmen."""

    intro = models.TextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro")]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CraftsmanProfilePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("role model index")
        verbose_name_plural = _("role model indexes")

    def get_context(self, request, *args, **kwargs):
        from home.selectors.profiles import profiles_under
        from home.selectors.shared import paginate

        context = super().get_context(request, *args, **kwargs)
        context["profiles"] = paginate(request, profiles_under(index=self), per_page=12)
        return context


class CraftsmanProfilePage(ContentPage):
    """A role model: a model worker or master craftsman, what they did and teach.
    The page title is the person's name."""

    # Each language keeps its own (they are not synced from the English page).
    override_translatable_fields = own_per_language("honours", "achievements")

    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set the focal point on the face so crops keep it."),
    )
    occupation = optional_link("lms.Occupation", _("occupation"))
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    in_trade_since = models.PositiveSmallIntegerField(
        _("in the trade since (year)"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
    )
    biography = StreamField(BodyBlock(), verbose_name=_("biography"), blank=True)
    quotes = StreamField(QuotesBlock(), verbose_name=_("quotes"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("platform account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="craftsman_profiles",
        limit_choices_to={"groups__name": "Mentor"},
        help_text=_(
            "Link the mentor's account to show live mentoring figures and courses."
        ),
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("portrait"),
        MultiFieldPanel(
            [
                FieldPanel("occupation"),
                FieldRowPanel([FieldPanel("employer"), FieldPanel("region")]),
                FieldPanel("in_trade_since"),
                FieldPanel("user"),
            ],
            heading=_("Trade and workplace"),
        ),
        InlinePanel("honours", label=_("Honour"), heading=_("Honours")),
        FieldPanel("biography"),
        FieldPanel("quotes"),
        InlinePanel(
            "achievements", label=_("Key achievement"), heading=_("Key achievements")
        ),
    ]

    search_fields = chinese_search_fields(
        [
            *ContentPage.search_fields,
            index.SearchField("summary"),
            index.SearchField("employer"),
            index.SearchField("region"),
            index.SearchField("biography"),
            index.SearchField("quotes"),
            index.RelatedFields("honours", [index.SearchField("title")]),
            index.RelatedFields("achievements", [index.SearchField("title")]),
            index.FilterField("user"),
        ]
    )

    parent_page_types = ["home.ProfileIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("role-model profile")
        verbose_name_plural = _("role-model profiles")

    @property
    def years_in_trade(self) -> int | None:
        if not self.in_trade_since:
            return None
        return max(timezone.localdate().year - self.in_trade_since, 0)

    def social_image(self):
        return self.portrait

    def get_context(self, request, *args, **kwargs):
        from home.selectors.profiles import profile_details

        context = super().get_context(request, *args, **kwargs)
        context.update(profile_details(profile=self))
        return context


class Honour(models.TextChoices):
    NATIONAL_MODEL_WORKER = "national_model_worker", _("National model worker")
    PROVINCIAL_MODEL_WORKER = "provincial_model_worker", _("Provincial model worker")
    GREAT_COUNTRY_CRAFTSMAN = "great_country_craftsman", _("Great country craftsman")
    WOMENS_PACESETTER = "womens_pacesetter", _("National women's pacesetter")
    MASTER_CRAFTSMAN = "master_craftsman", _("National master craftsman")
    TECHNICAL_EXPERT = "technical_expert", _("National technical expert")
    MAY_DAY_MEDAL = "may_day_medal", _("National May Day Labour Medal")
    OTHER = "other", _("Other honour")


class ProfileHonour(Orderable):
    """An honour awarded to the person, with the year."""

    page = ParentalKey(
        CraftsmanProfilePage, on_delete=models.CASCADE, related_name="honours"
    )
    kind = models.CharField(_("honour"), max_length=40, choices=Honour.choices)
    title = models.CharField(
        _("wording"),
        max_length=200,
        blank=True,
        help_text=_("Optional, e.g. “first national master craftswoman from Zhuzhou”."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]), "title"]

    class Meta(Orderable.Meta):
        verbose_name = _("honour")
        verbose_name_plural = _("honours")
        constraints = [year_range_constraint("home_profilehonour_year_range")]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()


class ProfileAchievement(Orderable):
    """A key achievement of the person: what, when, and what it brought."""

    page = ParentalKey(
        CraftsmanProfilePage, on_delete=models.CASCADE, related_name="achievements"
    )
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    description = models.TextField(_("description"), blank=True)
    patents = models.PositiveIntegerField(_("patents"), default=0)
    benefit_yuan = models.DecimalField(
        _("benefit (yuan)"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    panels = [
        "title",
        FieldRowPanel([FieldPanel("year"), FieldPanel("patents")]),
        "benefit_yuan",
        "description",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("key achievement")
        verbose_name_plural = _("key achievements")
        constraints = [
            year_range_constraint("home_profileachievement_year_range"),
            non_negative_constraint("home_profileachievement_benefit", "benefit_yuan"),
        ]

    def __str__(self) -> str:
        return self.title
