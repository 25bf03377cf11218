"""The signed-in user read in one query with roles, memberships and unread count
(lms/auth_backends.py): nothing is kept between requests, so changes, bulk ones
included, show on the next request."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lms import permissions
from lms.auth_backends import load_user
from lms.models import Membership, Notification
from lms.roles import Role
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_user_comes_with_roles_memberships_and_unread_count(
    django_assert_num_queries,
):
    user = UserFactory(roles=[Role.LEARNER, Role.MENTOR])
    enterprise = EnterpriseFactory()
    MembershipFactory(user=user, enterprise=enterprise, role="worker")
    Notification.objects.create(recipient=user, kind="x", params={})
    with django_assert_num_queries(1):
        loaded = load_user(user.pk)
        assert permissions.has_role(loaded, Role.MENTOR)
        assert not permissions.has_role(loaded, Role.HR)
        assert permissions.enterprise_ids_where(loaded, "worker") == {enterprise.pk}
        assert loaded._lms_unread == 1


def test_a_person_without_groups_or_memberships_has_none():
    user = UserFactory(roles=[])
    loaded = load_user(user.pk)
    assert loaded._lms_roles == frozenset()
    assert loaded._lms_memberships == ()
    assert loaded._lms_unread == 0


def test_a_role_taken_away_in_bulk_is_gone_on_the_next_request(client):
    """A group removed by a queryset delete (no signal) is not remembered."""
    user = UserFactory(roles=[Role.LEARNER, Role.MENTOR])
    assert permissions.has_role(load_user(user.pk), Role.MENTOR)
    user.groups.through.objects.filter(
        user=user, group=Group.objects.get(name=Role.MENTOR)
    ).delete()
    assert not permissions.has_role(load_user(user.pk), Role.MENTOR)


def test_a_membership_removed_in_bulk_is_gone_on_the_next_request():
    user = UserFactory(roles=[Role.LEARNER])
    MembershipFactory(user=user, role="worker")
    assert permissions.enterprise_ids_where(load_user(user.pk), "worker")
    Membership.objects.filter(user=user).delete()
    assert not permissions.enterprise_ids_where(load_user(user.pk), "worker")


def test_an_unknown_user_is_none():
    assert load_user(987654) is None


def test_a_signed_in_request_uses_the_one_query_user(client, learner):
    client.force_login(learner)
    response = client.get(reverse("lms:dashboard"))
    assert response.status_code == 200
    assert response.wsgi_request.user._lms_roles == {Role.LEARNER}
