"""Events built with factories: an event page (live, under the events index that
``conftest.py`` provides) and sessions of its programme."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.events.commendations.models import Commendation
from home.events.models import EventExhibit, EventPage, EventSession, SessionKind


def soon(days: int = 7, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Craftsman conference {n}")
    summary = "Forums, an exhibition and a roadshow."
    starts_on = factory.LazyFunction(lambda: soon().date())
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=2))
    venue = "Exhibition centre"
    city = "Beijing"
    organisers = (
        "All-China Federation of Trade Unions\nBeijing Federation of Trade Unions"
    )


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    page = factory.SubFactory(EventPageFactory)
    kind = SessionKind.FORUM
    title = factory.Sequence(lambda n: f"Forum {n}")
    starts_at = factory.LazyFunction(soon)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    room = "Hall A"
    capacity = 2


class EventExhibitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventExhibit

    page = factory.SubFactory(EventPageFactory)
    stand = "A1-01"


class CommendationFactory(factory.django.DjangoModelFactory):
    """Taking nominations: the window opened a day ago and closes in a week."""

    class Meta:
        model = Commendation
        skip_postgeneration_save = True

    title = factory.Sequence(
        lambda n: f"{n + 3}rd Beijing Great Craftsman Commendation"
    )
    title_zh = factory.Sequence(lambda n: f"第{n + 3}届北京大工匠选树")
    year = 2023
    places = 28
    nominations_open_at = factory.LazyFunction(lambda: soon(days=-1))
    nominations_close_at = factory.LazyFunction(lambda: soon(days=7))

    @factory.post_generation
    def committee(self, create, extracted, **kwargs):
        if create and extracted:
            self.committee.add(*extracted)


def ballot_with_options(event, *, names=("Li Wei", "Wang Fang"), opens=-1, closes=1):
    """A ballot of ``event`` open from ``opens`` hours until ``closes`` hours from
    now, with one option per name (``name_zh`` = the name in Chinese letters)."""
    from home.events.voting.models import Ballot, VoteOption

    now = timezone.now().replace(second=0, microsecond=0)  # as the admin form has it
    ballot = Ballot.objects.create(
        event=event,
        title="Audience award",
        title_zh="观众最喜爱奖",
        opens_at=now + datetime.timedelta(hours=opens),
        closes_at=now + datetime.timedelta(hours=closes),
    )
    for n, name in enumerate(names):
        VoteOption.objects.create(
            ballot=ballot, sort_order=n, name=name, name_zh=f"选手{n + 1}"
        )
    return ballot
