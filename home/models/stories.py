from urllib.parse import urlencode

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from lms.fields import optional_link
from lms.search import chinese_search_fields

from .base import ContentPage, RelatedPage, own_per_language

# A story may point at these page types; a missing app simply drops out.
RELATED_PAGE_TYPES = [
    "home.CraftsmanProfilePage",
    "home.InnovationStudioPage",
    "home.AlliancePage",
    "courses.CoursePage",
]


class StoryIndexPage(RoutablePageMixin, Page):
    """News and features, newest first, with a tag filter and RSS and Atom feeds."""

    intro = models.TextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro")]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index")
        verbose_name_plural = _("story indexes")

    def get_context(self, request, *args, **kwargs):
        from home.selectors.shared import paginate
        from home.selectors.stories import stories_under, story_tags

        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "")[:100].strip()
        context["tag"] = tag
        context["tags"] = story_tags(index=self)
        context["stories"] = paginate(
            request, stories_under(index=self, tag=tag), per_page=10
        )
        context["query_string"] = urlencode({"tag": tag}) if tag else ""
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from home.feeds import StoryRssFeed

        return StoryRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from home.feeds import StoryAtomFeed

        return StoryAtomFeed()(request, index=self)

    def feed_urls(self) -> dict[str, str]:
        base = self.url or "/"
        return {name: base + self.reverse_subpage(name) for name in ("rss", "atom")}


class StoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.StoryPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class StoryPage(ContentPage):
    """A news story or feature about the craftsmen, their studios and their work."""

    # Each language keeps its own (they are not synced from the English page).
    override_translatable_fields = own_per_language("tags", "tagged_items")

    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
    lead_image = optional_link("wagtailimages.Image", _("lead image"))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=StoryPageTag, blank=True
    )

    content_panels = ContentPage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "related_pages",
            label=_("Related page"),
            heading=_("Related profiles, studios and courses"),
        ),
    ]

    search_fields = chinese_search_fields(
        [
            *ContentPage.search_fields,
            index.SearchField("summary"),
            index.SearchField("author"),
            index.SearchField("body"),
            index.RelatedFields("tags", [index.SearchField("name")]),
            index.FilterField("date"),
        ]
    )

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def social_image(self):
        return self.lead_image

    def get_context(self, request, *args, **kwargs):
        from home.selectors.shared import related_pages

        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_pages(page=self, locale=self.locale)
        return context


class StoryRelatedPage(RelatedPage):
    page = ParentalKey(
        StoryPage, on_delete=models.CASCADE, related_name="related_pages"
    )

    panels = [PageChooserPanel("target", RELATED_PAGE_TYPES)]

    class Meta(RelatedPage.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
