"""RSS and Atom feeds of an events index, served by its routes ``rss/`` and
``atom/`` (shaped like the stories' feeds in ``home/feeds.py``)."""

from django.utils import formats
from django.utils.feedgenerator import Atom1Feed

from home.events import selectors
from home.feeds import StoryRssFeed


class EventRssFeed(StoryRssFeed):
    def items(self, index):
        return selectors.feed_events(index=index)

    def item_description(self, event) -> str:
        when = formats.date_format(event.starts_on, "DATE_FORMAT")
        return f"{when} · {event.venue}. {event.summary}".strip()

    def item_author_name(self, event) -> str:
        return ", ".join(event.organiser_list())

    def item_categories(self, event) -> list[str]:
        return []


class EventAtomFeed(EventRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index) -> str:
        return self.description(index)
