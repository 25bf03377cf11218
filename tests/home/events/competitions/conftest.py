import pytest

from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

from .factories import CompetitionFactory


@pytest.fixture
def competition(db):
    return CompetitionFactory()


@pytest.fixture
def workers(enterprise):
    """Three workers of ``enterprise`` (whose HR is ``hr_user``)."""
    return [
        MembershipFactory(
            enterprise=enterprise, user=UserFactory(roles=[Role.LEARNER])
        ).user
        for _ in range(3)
    ]


@pytest.fixture
def other_worker(db):
    """A worker of another enterprise."""
    return MembershipFactory(enterprise=EnterpriseFactory()).user


@pytest.fixture
def other_hr(db):
    user = UserFactory(roles=[Role.HR])
    MembershipFactory(user=user, enterprise=EnterpriseFactory(), role="hr")
    return give_totp(user)
