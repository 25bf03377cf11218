import pytest

from home.events.models import EventIndexPage
from lms.roles import Role
from tests.home.conftest import _section
from tests.lms.factories import UserFactory

from .factories import EventPageFactory, EventSessionFactory, ballot_with_options


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
