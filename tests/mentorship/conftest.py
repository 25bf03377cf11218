"""Fixtures the mentorship tests share."""

import pytest

from tests.lms.factories import MembershipFactory, UserFactory


@pytest.fixture
def manager():
    """A manager of an enterprise (who places and answers its service requests)."""
    user = UserFactory()
    MembershipFactory(user=user, role="manager")
    return user
