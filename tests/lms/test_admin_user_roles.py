"""Roles changed in the Wagtail admin's user forms and its "Assign role" bulk action
go through the role services: audited with who did it, and nobody changes their
own roles there. Signing up makes a learner without a "role granted" event."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lms.models import AuditEvent, User
from lms.roles import Role
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db
GRANT, REVOKE = AuditEvent.Action.ROLE_GRANT, AuditEvent.Action.ROLE_REVOKE


@pytest.fixture
def staff():
    return give_totp(UserFactory(is_staff=True, is_superuser=True))


def group(role: str) -> Group:
    return Group.objects.get_or_create(name=role)[0]


def form_data(user, *roles, **extra):
    data = {
        "email": user.email,
        "first_name": "Fang",
        "last_name": "Wang",
        "is_active": "on",
        "groups": [group(r).pk for r in roles],
    }
    data.update(extra)
    return data


def events(action, subject):
    return list(
        AuditEvent.objects.filter(action=action, subject=subject).values_list(
            "actor_id", "data__role"
        )
    )


def test_ticking_and_unticking_a_role_in_the_user_form_is_audited(client, staff):
    person = UserFactory(roles=[Role.LEARNER])
    client.force_login(staff)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    response = client.post(url, form_data(person, Role.LEARNER, Role.HR))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(person.groups.values_list("name", flat=True)) == {
        Role.LEARNER,
        Role.HR,
    }
    assert events(GRANT, person) == [(staff.pk, Role.HR)]
    client.post(url, form_data(person, Role.HR))
    assert events(REVOKE, person) == [(staff.pk, Role.LEARNER)]


def test_making_someone_an_administrator_is_audited(client, staff):
    person = UserFactory()
    client.force_login(staff)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    client.post(url, form_data(person, is_superuser="on"))
    assert User.objects.get(pk=person.pk).is_superuser
    assert events(GRANT, person) == [(staff.pk, "Administrator")]


def test_nobody_changes_their_own_roles_in_the_user_form(client, staff):
    client.force_login(staff)
    url = reverse("wagtailusers_users:edit", args=[staff.pk])
    response = client.post(url, form_data(staff, Role.OFFICER))
    assert response.status_code == 200
    assert "Nobody grants a role" in response.content.decode()
    assert not staff.groups.exists()
    assert not AuditEvent.objects.filter(subject=staff).exists()


def test_a_user_created_with_roles_has_each_grant_audited(client, staff):
    client.force_login(staff)
    data = form_data(UserFactory.build(email="new.hire@example.com"), Role.MENTOR)
    response = client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="new.hire@example.com")
    assert events(GRANT, person) == [(staff.pk, Role.MENTOR)]


def test_the_assign_role_bulk_action_grants_through_the_service(client, staff):
    """Each selected person is granted and audited; the acting person in their own
    selection is left out."""
    people = [UserFactory(), UserFactory()]
    client.force_login(staff)
    url = (
        reverse("wagtail_bulk_action", args=("lms", "user", "assign_role"))
        + "?"
        + "&".join(f"id={p.pk}" for p in [*people, staff])
    )
    response = client.post(url, {"role": group(Role.MENTOR).pk})
    assert response.status_code == 302
    for person in people:
        assert events(GRANT, person) == [(staff.pk, Role.MENTOR)]
    assert not staff.groups.filter(name=Role.MENTOR).exists()


def test_signing_up_makes_a_learner_without_a_role_granted_event(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "li.lei@example.com",
            "display_name": "Li Lei",
            "preferred_language": "en",
            "password1": "a-long-pass-phrase-7",
            "password2": "a-long-pass-phrase-7",
        },
    )
    assert response.status_code == 302
    person = User.objects.get(email="li.lei@example.com")
    assert person.groups.filter(name=Role.LEARNER).exists()
    assert not AuditEvent.objects.filter(action=GRANT).exists()
