import pytest

from home.events.models import EventIndexPage
from lms.roles import Role
from tests.home.conftest import _section
from tests.home.factories import CraftsmanProfilePageFactory
from tests.lms.certification.factories import worker_of
from tests.lms.factories import EnterpriseFactory, TradeUnionFactory, UserFactory
from tests.lms.helpers import give_totp

from .factories import (
    CommendationFactory,
    EventPageFactory,
    EventSessionFactory,
    ballot_with_options,
)


@pytest.fixture
def events_index(home):
    return _section(home, EventIndexPage, "events", "活动")


@pytest.fixture
def event(events_index):
    return EventPageFactory(parent=events_index["en"])


@pytest.fixture
def session(event):
    """Two seats."""
    return EventSessionFactory(page=event, capacity=2)


@pytest.fixture
def steward(db):
    return UserFactory(roles=[Role.STEWARD])


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[Role.ORGANISER])


@pytest.fixture
def visitors(db):
    return [UserFactory(roles=[Role.LEARNER]) for _ in range(4)]


@pytest.fixture
def ballot(event):
    """Open for another hour, two options."""
    return ballot_with_options(event)


# --- commendations: a union with one enterprise and its worker (a craftsman with a
# role-model profile), the union's coordinator, a worker of another union's
# enterprise, a committee member, and the commendation taking nominations.


@pytest.fixture
def union(db):
    return TradeUnionFactory(name="Beijing Federation of Trade Unions")


@pytest.fixture
def craftsman(union):
    return worker_of(
        EnterpriseFactory(union=union), display_name="Han Liping", roles=[Role.MENTOR]
    )


@pytest.fixture
def outsider(db):
    """A worker of an enterprise of another union."""
    return worker_of(EnterpriseFactory(union=TradeUnionFactory()))


@pytest.fixture
def coordinator(union):
    user = give_totp(UserFactory(roles=[Role.COORDINATOR]))
    union.coordinators.add(user)
    return user


@pytest.fixture
def member(db):
    """A member of the committee (no platform role needed)."""
    return UserFactory(display_name="Committee Member")


@pytest.fixture
def commendation(member):
    return CommendationFactory(committee=[member], places=2)


@pytest.fixture
def profile(profile_index, craftsman):
    """The craftsman's role-model page, in English and Chinese."""
    english = CraftsmanProfilePageFactory(
        parent=profile_index["en"], title="Han Liping", user=craftsman
    )
    chinese = english.copy_for_translation(profile_index["zh"].locale)
    chinese.title = "韩利萍"
    chinese.save_revision().publish()
    return {"en": english, "zh": chinese.specific_class.objects.get(pk=chinese.pk)}
