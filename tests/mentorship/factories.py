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


class GuidanceSessionFactory(factory.django.DjangoModelFactory):
    """A 90-minute session yesterday, awaiting confirmation."""

    class Meta:
        model = GuidanceSession

    agreement = factory.SubFactory(AgreementFactory)
    mentor = factory.SelfAttribute("agreement.mentor")
    date = factory.LazyFunction(lambda: today() - datetime.timedelta(days=1))
    start_time = datetime.time(9, 0)
    end_time = datetime.time(10, 30)
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
