"""Courses' role rules beyond the status codes (the status every role gets on every
page and action is in the one matrix: tests/security/test_role_matrix.py)."""

import pytest
from django.urls import reverse

from courses.services.enrollment import enrollment_create
from lms.roles import Role
from tests.courses import factories as f
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp


@pytest.fixture
def world(db):
    """A learner of enterprise A enrolled in a course; HR of A and of B."""
    enterprise_a, enterprise_b = EnterpriseFactory(), EnterpriseFactory()
    learner = UserFactory(roles=[Role.LEARNER])
    MembershipFactory(user=learner, enterprise=enterprise_a)
    users = {"learner": learner}
    for key, enterprise in (("hr_a", enterprise_a), ("hr_b", enterprise_b)):
        users[key] = give_totp(UserFactory(roles=[Role.HR]))
        MembershipFactory(user=users[key], enterprise=enterprise, role="hr")
    enrollment_create(user=learner, course=f.course(index=f.catalogue()))
    return users


def test_hr_sees_only_their_enterprise_in_the_report(client, world):
    url = reverse("courses_report")
    client.force_login(world["hr_b"])
    assert str(world["learner"]) not in client.get(url).content.decode()
    client.force_login(world["hr_a"])
    assert str(world["learner"]) in client.get(url).content.decode()
