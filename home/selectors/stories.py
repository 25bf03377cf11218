"""Stories: the listing with its tag filter, the tags in use and the RSS feed."""

from __future__ import annotations

from django.db.models import QuerySet

from home.models import StoryIndexPage, StoryPage
from home.selectors.shared import with_image


def stories_under(*, index, tag: str = "") -> QuerySet[StoryPage]:
    stories = StoryPage.objects.child_of(index).live().public()
    if tag:
        stories = stories.filter(tags__name=tag)
    return stories.order_by("-date", "-first_published_at").prefetch_related(
        with_image("lead_image"), "tags"
    )


def story_tags(*, index) -> list[str]:
    from taggit.models import Tag

    return list(
        Tag.objects.filter(
            home_storypagetag_items__content_object__in=StoryPage.objects.child_of(
                index
            ).live()
        )
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)
    )


def feed_stories(*, index: StoryIndexPage, limit: int = 20) -> list[StoryPage]:
    return list(stories_under(index=index)[:limit])
