"""Who writes and publishes pages is Wagtail's page permissions, granted once on the
root of every language tree (home/migrations/0004_editorial_permissions); the
site's own predicate (``can_edit_pages``: the userbar, the editors' dashboard panel)
agrees with them (the status every role gets on the pages and in the admin, and
whether an approval or a publication took effect, are in the one matrix:
tests/security/test_role_matrix.py)."""

import pytest

from lms import permissions
from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db

ROLE_GROUPS = {
    "learner": [Role.LEARNER],
    "mentor": [Role.MENTOR],
    "hr": [Role.HR],
    "editor": [Role.EDITOR],
    "moderator": [Role.MODERATOR],
    "coordinator": [Role.COORDINATOR],
    "officer": [Role.OFFICER],
}

# role, may write pages, may approve and publish (as in the matrix's admin rows)
MATRIX = [
    ("anonymous", False, False),
    ("learner", False, False),
    ("mentor", False, False),
    ("hr", False, False),
    ("editor", True, False),
    ("moderator", True, True),
    ("coordinator", False, False),
    ("officer", False, False),
    ("staff", True, True),
]


def make_user(role: str):
    from django.contrib.auth.models import AnonymousUser

    if role == "anonymous":
        return AnonymousUser()
    if role == "staff":
        return give_totp(UserFactory(is_staff=True, is_superuser=True))
    user = UserFactory(roles=ROLE_GROUPS[role])
    if role == "hr":
        MembershipFactory(user=user, enterprise=EnterpriseFactory(), role="hr")
    return user


@pytest.mark.parametrize(("role", "writes", "publishes"), MATRIX)
def test_content_predicates_agree_with_the_page_permissions(role, writes, publishes):
    """On the site's home page and on the course catalogue below it (no grant of
    its own), Wagtail lets each role edit and publish as the matrix says, and the
    site's predicate agrees."""
    from wagtail.models import Site

    from tests.courses import factories as course_f

    home = Site.objects.get(is_default_site=True).root_page.specific
    catalogue = course_f.catalogue()
    user = make_user(role)
    for page in (home, catalogue):
        page_permissions = page.permissions_for_user(user)
        assert page_permissions.can_edit() is writes, page
        assert page_permissions.can_publish() is publishes, page
    assert permissions.can_edit_pages(user) is writes
    assert permissions.can_view_public_content(user) is True
