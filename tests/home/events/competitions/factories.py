"""Competitions built with factories: one open for entries now, its theory round
open now, organised by an event organiser."""

import datetime

import factory
from django.utils import timezone

from home.events.competitions.models import Competition, CompetitionEntry
from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory


def hours(n: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=n)


class CompetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competition

    name = factory.Sequence(lambda n: f"Textile skills competition {n}")
    name_zh = factory.Sequence(lambda n: f"纺织技能竞赛{n}")
    occupation = factory.SubFactory(OccupationFactory)
    organiser = factory.SubFactory(UserFactory, roles=[Role.ORGANISER])
    entries_open_at = factory.LazyFunction(lambda: hours(-24))
    entries_close_at = factory.LazyFunction(lambda: hours(24))
    theory_opens_at = factory.LazyFunction(lambda: hours(-24))
    theory_closes_at = factory.LazyFunction(lambda: hours(48))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetitionEntry

    competition = factory.SubFactory(CompetitionFactory)
    worker = factory.SubFactory(UserFactory)
    enterprise = factory.SubFactory(EnterpriseFactory)
