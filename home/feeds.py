"""RSS and Atom feeds of a story index, served by its routes ``rss/`` and ``atom/``."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from home.selectors.stories import feed_stories


class StoryRssFeed(Feed):
    def get_object(self, request, *args, index=None, **kwargs):
        self.request = request
        return index

    def title(self, index) -> str:
        return index.title

    def link(self, index) -> str:
        return index.get_full_url(self.request)

    def description(self, index) -> str:
        return index.intro or index.title

    def items(self, index):
        return feed_stories(index=index)

    def item_title(self, story) -> str:
        return story.title

    def item_description(self, story) -> str:
        return story.summary

    def item_link(self, story) -> str:
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_author_name(self, story) -> str:
        return story.author

    def item_categories(self, story) -> list[str]:
        return [tag.name for tag in story.tags.all()]


class StoryAtomFeed(StoryRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index) -> str:
        return self.description(index)
