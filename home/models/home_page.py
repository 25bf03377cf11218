from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms.search import chinese_search_fields


class HomePage(Page):
    """The site root: what the platform offers, in the visitor's language."""

    intro = models.CharField(_("intro"), max_length=250, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "featured_profiles",
            label=_("Featured role models"),
            heading=_("Featured role models"),
            max_num=6,
        ),
    ]

    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    )

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    # The sections below the home page; home names the course catalogue, never
    # the other way round (courses imports nothing of home).
    subpage_types = [
        "home.ProfileIndexPage",
        "home.StoryIndexPage",
        "home.StudioIndexPage",
        "home.EventIndexPage",
        "courses.CourseIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template caches these blocks, so on a cache hit nothing is read.
        context["featured_profiles"] = partial(selectors.featured_profiles, home=self)
        context["latest_stories"] = selectors.latest_stories(locale=self.locale)
        context["popular_courses"] = selectors.popular_courses
        context["platform_figures"] = selectors.platform_figures
        context["content_version"] = selectors.content_version()
        if request.user.is_authenticated:
            # The person's next step leads the page (lms.dashboard, each app's own).
            from lms.dashboard import next_step_for

            context["next_step"] = partial(next_step_for, request.user)
        return context


class HomeFeaturedProfile(Orderable):
    """A role model an editor puts on the home page, in the order they choose."""

    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_profiles"
    )
    profile = models.ForeignKey(
        "home.CraftsmanProfilePage",
        verbose_name=_("profile"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("profile")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured role model")
        verbose_name_plural = _("featured role models")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "profile"], name="home_featured_profile_once"
            )
        ]
