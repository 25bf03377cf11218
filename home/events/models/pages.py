"""Events as pages. A conference is an ``EventPage`` under the events index; its
programme is an inline list of ``EventSession`` rows (editors see the whole day on
one screen, reorder it, and publish it with the page through the workflow; a
session is not worth a page of its own). Sessions are translatable child objects:
the Chinese copy of an event keeps each session's ``translation_key``, so both
languages share one session's seats (``EventSession.canonical``)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.blocks import BodyBlock
from home.events.admin_forms import EventPageForm
from home.models.base import ContentPage
from lms.fields import optional_link
from lms.search import chinese_search_fields


class SessionKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    SUB_FORUM = "sub_forum", _("Sub-forum")
    EXHIBITION = "exhibition", _("Exhibition")
    ROADSHOW = "roadshow", _("Roadshow session")


class EventIndexPage(RoutablePageMixin, Page):
    """Conferences and exhibitions, upcoming first, with RSS and Atom feeds."""

    intro = models.TextField(_("intro"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = chinese_search_fields(
        [*Page.search_fields, index.SearchField("intro")]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1
    template = "home/events/event_index_page.html"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_context(self, request, *args, **kwargs):
        from home.events import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.events_under(index=self))
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from home.events.feeds import EventRssFeed

        return EventRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from home.events.feeds import EventAtomFeed

        return EventAtomFeed()(request, index=self)

    def feed_urls(self) -> dict[str, str]:
        base = self.url or "/"
        return {name: base + self.reverse_subpage(name) for name in ("rss", "atom")}


class EventPage(ContentPage):
    """A conference or exhibition: when, where, who organises it, its programme and
    the achievements exhibited. The page title is the event's name."""

    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    venue = models.CharField(_("venue"), max_length=200)
    city = models.CharField(_("city"), max_length=100, blank=True)
    organisers = models.TextField(
        _("organisers"), blank=True, help_text=_("One organiser per line.")
    )
    cover = optional_link("wagtailimages.Image", _("cover image"))
    body = StreamField(BodyBlock(), verbose_name=_("about the event"), blank=True)

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city")]),
                FieldPanel("organisers"),
            ],
            heading=_("Event"),
        ),
        FieldPanel("cover"),
        FieldPanel("body"),
        InlinePanel("sessions", label=_("Session"), heading=_("Programme")),
        InlinePanel(
            "exhibits", label=_("Exhibited achievement"), heading=_("Exhibition")
        ),
    ]

    search_fields = chinese_search_fields(
        [
            *ContentPage.search_fields,
            index.SearchField("summary"),
            index.SearchField("venue"),
            index.SearchField("city"),
            index.SearchField("organisers"),
            index.SearchField("body"),
            index.RelatedFields(
                "sessions", [index.SearchField("title"), index.SearchField("speakers")]
            ),
            index.FilterField("starts_on"),
        ]
    )

    base_form_class = EventPageForm
    parent_page_types = ["home.EventIndexPage"]
    subpage_types: list[str] = []
    template = "home/events/event_page.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="home_eventpage_ends_after_start",
            )
        ]

    def social_image(self):
        return self.cover

    def organiser_list(self) -> list[str]:
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from home.events import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_details(event=self, request=request))
        return context

    def serve(self, request, *args, **kwargs):
        """Seats left change with every reservation, not with a publication: the
        page is not kept in the anonymous page cache (``lms.page_cache``)."""
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, private=True)
        return response


class EventSession(TranslatableMixin, Orderable):
    """One item of the programme. ``capacity`` 0 means open entry, no reservation."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=120, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"),
        default=0,
        help_text=_(
            "Seats visitors may reserve; 0 for open entry without reservation."
        ),
    )
    speakers = models.TextField(
        _("speakers"), blank=True, help_text=_("One speaker per line.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("room"), FieldPanel("capacity")]),
        "speakers",
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="home_eventsession_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def takes_reservations(self) -> bool:
        return self.capacity > 0

    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    def canonical(self) -> EventSession:
        """The row that holds this session's seats: the first one made of its
        translations (the source language's), whichever language it is read in."""
        return (
            EventSession.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .first()
        )


class EventExhibit(Orderable):
    """An innovation achievement of a studio, exhibited at the event."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exhibits")
    achievement = models.ForeignKey(
        "home.StudioAchievement",
        verbose_name=_("achievement"),
        on_delete=models.CASCADE,
        related_name="exhibits",
    )
    stand = models.CharField(_("hall or stand"), max_length=60, blank=True)

    panels = [FieldRowPanel([FieldPanel("achievement"), FieldPanel("stand")])]

    class Meta(Orderable.Meta):
        verbose_name = _("exhibited achievement")
        verbose_name_plural = _("exhibited achievements")
