"""Alliances: industry groupings of innovation studios and member units (enterprises,
colleges, institutes), with their related pages. A page kind of its own beside the
studios it lists."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock
from lms.fields import optional_link
from lms.search import chinese_search_fields

from .base import ContentPage, RelatedPage, own_per_language
from .stories import RELATED_PAGE_TYPES
from .studios import InnovationStudioPage


class AlliancePage(ContentPage):
    """An alliance of innovation studios and member units, e.g. of one industry."""

    # Each language keeps its own (they are not synced from the English page).
    override_translatable_fields = own_per_language("member_units")

    industry = optional_link("lms.Industry", _("industry"))
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    founding_members = models.PositiveIntegerField(
        _("member units in the first batch"), null=True, blank=True
    )
    achievements_released = models.PositiveIntegerField(
        _("innovation achievements released"), null=True, blank=True
    )
    image = optional_link("wagtailimages.Image", _("image"))
    body = StreamField(BodyBlock(), verbose_name=_("about the alliance"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("industry"), FieldPanel("founded_on")]),
                FieldPanel("organiser"),
                FieldRowPanel(
                    [
                        FieldPanel("founding_members"),
                        FieldPanel("achievements_released"),
                    ]
                ),
            ],
            heading=_("Alliance"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("member_studios", label=_("Member studio"), heading=_("Studios")),
        InlinePanel("member_units", label=_("Member unit"), heading=_("Member units")),
        InlinePanel(
            "related_pages", label=_("Related page"), heading=_("Courses and pages")
        ),
    ]

    search_fields = chinese_search_fields(
        [
            *ContentPage.search_fields,
            index.SearchField("summary"),
            index.SearchField("organiser"),
            index.SearchField("body"),
            index.RelatedFields("member_units", [index.SearchField("name")]),
        ]
    )

    parent_page_types = ["home.StudioIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("alliance")
        verbose_name_plural = _("alliances")

    def social_image(self):
        return self.image

    def get_context(self, request, *args, **kwargs):
        from home.selectors.studios import alliance_details

        context = super().get_context(request, *args, **kwargs)
        context.update(alliance_details(alliance=self))
        return context


class AllianceMemberStudio(Orderable):
    page = ParentalKey(
        AlliancePage, on_delete=models.CASCADE, related_name="member_studios"
    )
    studio = models.ForeignKey(
        InnovationStudioPage,
        verbose_name=_("studio"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("studio")]

    class Meta(Orderable.Meta):
        verbose_name = _("member studio")
        verbose_name_plural = _("member studios")


class AllianceMemberUnit(Orderable):
    """An enterprise, college or institute that belongs to the alliance."""

    page = ParentalKey(
        AlliancePage, on_delete=models.CASCADE, related_name="member_units"
    )
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(_("region"), max_length=100, blank=True)
    enterprise = optional_link("lms.Enterprise", _("enterprise on the platform"))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("region")]), "enterprise"]

    class Meta(Orderable.Meta):
        verbose_name = _("member unit")
        verbose_name_plural = _("member units")

    def __str__(self) -> str:
        return self.name


class AllianceRelatedPage(RelatedPage):
    page = ParentalKey(
        AlliancePage, on_delete=models.CASCADE, related_name="related_pages"
    )

    panels = [PageChooserPanel("target", RELATED_PAGE_TYPES)]

    class Meta(RelatedPage.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
