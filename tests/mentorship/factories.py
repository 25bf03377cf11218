import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from lms.roles import Role
from mentorship.models import (
    Agreement,
    GuidanceSession,
    MentorTrade,
    Milestone,
    ServiceRequest,
)
from tests.lms.factories import (
    EnterpriseFactory,
    MembershipFactory,
    OccupationFactory,
    UserFactory,
)
from tests.lms.helpers import give_totp


def today() -> datetime.date:
    return timezone.localdate()


def mentor(**kwargs):
    return UserFactory(roles=[Role.MENTOR, Role.LEARNER], **kwargs)


def coordinator(**kwargs):
    return give_totp(UserFactory(roles=[Role.COORDINATOR], **kwargs))


class AgreementFactory(factory.django.DjangoModelFactory):
    """An active agreement by default (built directly, not through the services);
    the apprentice works at the enterprise."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    mentor = factory.LazyFunction(mentor)
    apprentice = factory.SubFactory(UserFactory, roles=[Role.LEARNER])
    enterprise = factory.SubFactory(EnterpriseFactory)
    coordinator = factory.LazyFunction(coordinator)
    occupation = factory.SubFactory(OccupationFactory)
    goals = "Solve production problems, then welding-robot operation."
    start_date = factory.LazyFunction(lambda: today() - datetime.timedelta(days=60))
    end_date = factory.LazyFunction(lambda: today() + datetime.timedelta(days=120))
    planned_hours = Decimal("40.0")
    status = Agreement.Status.ACTIVE

    @factory.post_generation
    def membership(self, create, extracted, **kwargs):
        if create and extracted is not False:
            MembershipFactory(user=self.apprentice, enterprise=self.enterprise)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    agreement = factory.SubFactory(AgreementFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    target_date = factory.LazyFunction(lambda: today() + datetime.timedelta(days=30))
    occupation = factory.SelfAttribute("agreement.occupation")
    skill_level = 4


# 90-minute slots from 09:00 to 22:30, then from midnight: the order free slots are
# taken in, so that the first session of a day starts at nine.
SESSION_SLOTS = [
    datetime.time(h // 60, h % 60)
    for h in [*range(9 * 60, 21 * 60 + 1, 90), *range(0, 7 * 60 + 31, 90)]
]


def free_session_start(session) -> datetime.time:
    """The first 90-minute slot of the session's day that its mentor has free: a
    mentor's sessions never overlap (the service refuses it, and on PostgreSQL an
    exclusion constraint does)."""
    taken = list(
        GuidanceSession.objects.filter(
            mentor=session.mentor, date=session.date
        ).values_list("start_time", "end_time")
    )
    for start in SESSION_SLOTS:
        end = (datetime.datetime.combine(session.date, start) + SESSION_LENGTH).time()
        if all(not (s < end and start < e) for s, e in taken):
            return start
    raise ValueError(f"no free 90-minute slot left on {session.date}")


SESSION_LENGTH = datetime.timedelta(minutes=90)


class GuidanceSessionFactory(factory.django.DjangoModelFactory):
    """A 90-minute session yesterday (from 09:00, or the mentor's next free slot),
    awaiting confirmation."""

    class Meta:
        model = GuidanceSession

    agreement = factory.SubFactory(AgreementFactory)
    mentor = factory.SelfAttribute("agreement.mentor")
    date = factory.LazyFunction(lambda: today() - datetime.timedelta(days=1))
    start_time = factory.LazyAttribute(free_session_start)
    end_time = factory.LazyAttribute(
        lambda o: (
            datetime.datetime.combine(o.date, o.start_time) + SESSION_LENGTH
        ).time()
    )
    minutes = 90
    topics = "Weld seam porosity"


class MentorTradeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorTrade

    user = factory.LazyFunction(mentor)
    occupation = factory.SubFactory(OccupationFactory)


class ServiceRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceRequest

    enterprise = factory.SubFactory(EnterpriseFactory)
    posted_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Vibration in winding machine {n}")
    problem = "High-speed winding machines vibrate above 8,000 rpm."
    occupation = factory.SubFactory(OccupationFactory)
    site = "Workshop 3"
    status = ServiceRequest.Status.SUBMITTED
