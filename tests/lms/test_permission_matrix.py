"""Core role rules beyond the status codes (the statuses of every page, for every
role, are in the one matrix: tests/security/test_role_matrix.py)."""

import pytest

from lms import permissions
from lms.models import Membership
from tests.lms.factories import EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_hr_membership_role_alone_does_not_make_a_platform_hr():
    """An enterprise membership as HR without the HR group grants no admin."""
    user = UserFactory()
    Membership.objects.create(user=user, enterprise=EnterpriseFactory(), role="hr")
    assert permissions.hr_enterprise_ids(user) == frozenset()
    assert not permissions.can_access_admin(user)
