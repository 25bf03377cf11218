"""What the Wagtail admin and its userbar show around the pages: no avatar from
outside the site, and the userbar only for people who edit pages."""

import pytest
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

from lms.roles import Role
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db

USERBAR = "wagtail-userbar"


def test_admin_avatars_never_come_from_gravatar():
    """Gravatar is blocked in mainland China and would get e-mail hashes."""
    user = UserFactory(email="worker@example.com")
    assert "gravatar" not in avatar_url(user)


def test_the_admin_dashboard_fetches_nothing_from_gravatar(client):
    client.force_login(give_totp(UserFactory(roles=[Role.EDITOR])))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html


@pytest.mark.parametrize("role", [Role.EDITOR, Role.MODERATOR])
def test_people_who_edit_pages_get_the_userbar(client, loom_course, role):
    client.force_login(give_totp(UserFactory(roles=[role])))
    assert USERBAR in client.get(loom_course.url).content.decode()


def test_hr_gets_no_userbar_though_they_use_the_admin(client, loom_course, hr_user):
    client.force_login(hr_user)
    assert USERBAR not in client.get(loom_course.url).content.decode()


def test_learners_get_no_userbar(client, loom_course, learner):
    client.force_login(learner)
    assert USERBAR not in client.get(loom_course.url).content.decode()
