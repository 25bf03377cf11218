"""Every role against every page of the core: the table in docs/roles.md."""

import pytest

from lms.models import Membership
from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "learner": [Role.LEARNER],
    "mentor": [Role.MENTOR],
    "hr_a": [Role.HR],
    "hr_b": [Role.HR],
    "editor": [Role.EDITOR],
    "moderator": [Role.MODERATOR],
    "coordinator": [Role.COORDINATOR],
    "officer": [Role.OFFICER],
    "staff": "staff",
}


def make_user(key):
    roles = ROLES[key]
    if roles is None:
        return None
    if roles == "staff":
        return give_totp(UserFactory(is_staff=True, is_superuser=True))
    user = give_totp(UserFactory(roles=roles))
    if key.startswith("hr_"):
        MembershipFactory(user=user, enterprise=EnterpriseFactory(), role="hr")
    return user


# page: {role: expected status}; 302 for the anonymous means "sent to sign in".
EXPECTED = {
    "/": dict.fromkeys(ROLES, 200),
    "/me/": {**dict.fromkeys(ROLES, 200), "anonymous": 302},
    "/me/profile/": {**dict.fromkeys(ROLES, 200), "anonymous": 302},
    "/me/inbox/": {**dict.fromkeys(ROLES, 200), "anonymous": 302},
    "/admin/": {
        "anonymous": 302,
        "learner": 302,
        "mentor": 302,
        "hr_a": 200,
        "hr_b": 200,
        "editor": 200,
        "moderator": 200,
        "coordinator": 200,
        "officer": 200,
        "staff": 200,
    },
}
CASES = [
    (url, role, status) for url, row in EXPECTED.items() for role, status in row.items()
]


@pytest.mark.parametrize(("url", "role", "status"), CASES)
def test_role_gets_the_expected_answer(client, url, role, status):
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    assert response.status_code == status, (url, role)
    if status == 302 and role in ("anonymous",):
        assert "/accounts/login/" in response["Location"]


def test_hr_membership_role_alone_does_not_make_a_platform_hr():
    """An enterprise membership as HR without the HR group grants no admin."""
    from lms import permissions

    user = UserFactory()
    Membership.objects.create(user=user, enterprise=EnterpriseFactory(), role="hr")
    assert permissions.hr_enterprise_ids(user) == frozenset()
    assert not permissions.can_access_admin(user)
