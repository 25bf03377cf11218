"""Sign-up, verification, sign-in and the language a person sees, through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from lms.models import User
from lms.roles import Role
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "welder@example.com",
    "display_name": "Li Junle",
    "preferred_language": "zh-hans",
    "password1": "strong-pass-4431",
    "password2": "strong-pass-4431",
}


def test_signup_creates_a_learner_and_sends_a_verification_link(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="welder@example.com")
    assert user.display_name == "Li Junle"
    assert user.preferred_language == "zh-hans"
    assert user.groups.filter(name=Role.LEARNER).exists()
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_unverified_address_cannot_sign_in_until_the_link_is_followed(client):
    client.post(reverse("account_signup"), SIGNUP)
    client.logout()
    login = {"login": "welder@example.com", "password": "strong-pass-4431"}
    client.post(reverse("account_login"), login)
    assert client.get(reverse("lms:dashboard")).status_code == 302

    link = re.search(r"https?://[^/]+(/\S*confirm-email/\S+/)", mail.outbox[-1].body)
    client.post(link.group(1))
    assert EmailAddress.objects.get(email="welder@example.com").verified
    response = client.post(reverse("account_login"), login)
    assert response.status_code == 302
    # Signed in and sent to their pages in their own language.
    assert response["Location"].startswith("/zh-hans/")
    assert client.get("/zh-hans/me/").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"display_name": "x" * 81}, "display_name"),
        ({"display_name": ""}, "display_name"),
        ({"password2": "different-pass-1"}, "password2"),
    ],
)
def test_bad_signup_shows_the_field_error_and_saves_nothing(client, change, field):
    """(A taken address is no error on the page: tests/lms/test_enumeration.py.)"""
    before = User.objects.count()
    response = client.post(reverse("account_signup"), {**SIGNUP, **change})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert User.objects.count() == before
    assert mail.outbox == []


def test_password_reset_mails_a_link_to_a_known_address(client):
    UserFactory(email="fitter@example.com")
    response = client.post(
        reverse("account_reset_password"), {"email": "fitter@example.com"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "password/reset/key/" in mail.outbox[0].body


def test_failed_logins_are_rate_limited(client):
    UserFactory(email="target@example.com")
    responses = [
        client.post(
            reverse("account_login"),
            {"login": "target@example.com", "password": f"wrong-{i}"},
        )
        for i in range(7)
    ]
    assert "Too many failed login attempts" not in responses[0].content.decode()
    assert "Too many failed login attempts" in responses[-1].content.decode()
    # Even the right password is refused while the limit holds.
    response = client.post(
        reverse("account_login"),
        {"login": "target@example.com", "password": "pass-word-123"},
    )
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_out_ends_the_session(client, learner):
    client.force_login(learner)
    client.post(reverse("account_logout"))
    assert client.get(reverse("lms:dashboard")).status_code == 302


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=/admin/" in response["Location"]


def test_signup_on_the_chinese_pages_offers_chinese_first(client):
    form = client.get("/zh-hans/accounts/signup/").context["form"]
    assert form.fields["preferred_language"].initial == "zh-hans"
    form = client.get("/accounts/signup/").context["form"]
    assert form.fields["preferred_language"].initial == "en"
