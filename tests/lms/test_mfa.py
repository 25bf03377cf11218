"""Two-factor sign-in is required for roles that hold other people's data."""

import pytest
from django.urls import reverse

from lms.roles import Role
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role",
    [Role.HR, Role.OFFICER, Role.EDITOR, Role.MODERATOR, Role.COORDINATOR],
)
def test_role_without_authenticator_is_sent_to_set_one_up(client, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(reverse("lms:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # The admin is behind the same gate.
    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_staff_without_authenticator_is_sent_to_set_one_up(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(reverse("lms:dashboard")).status_code == 302


def test_the_setup_pages_stay_open_so_the_gate_does_not_loop(client):
    """The gate sends to MFA setup; allauth asks for the password once more first."""
    client.force_login(UserFactory(email="new.hr@example.com", roles=[Role.HR]))
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": "pass-word-123"})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert len(response.context["form"].secret) >= 16  # a fresh secret to scan


def test_role_with_authenticator_passes(client):
    client.force_login(give_totp(UserFactory(roles=[Role.HR])))
    assert client.get(reverse("lms:dashboard")).status_code == 200


@pytest.mark.parametrize("role", [Role.LEARNER, Role.MENTOR])
def test_learners_and_mentors_need_no_second_factor(client, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("lms:dashboard")).status_code == 200


def test_requirement_can_be_switched_off_for_the_local_demo(client, settings):
    settings.LMS_REQUIRE_MFA = False
    client.force_login(UserFactory(roles=[Role.HR]))
    assert client.get(reverse("lms:dashboard")).status_code == 200
