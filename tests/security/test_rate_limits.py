"""Rate limits on the real (local-memory) cache: allauth's on sign-in, sign-up and
password reset (``ACCOUNT_RATE_LIMITS``), ours on certificate verification. The
per-account sign-in limit and the verification limit itself are proved in
tests/lms/test_accounts.py and tests/lms/certification/test_verify.py."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db

TOO_MANY_LOGINS = "Too many failed login attempts"


def test_the_limits_are_configured():
    limits = settings.ACCOUNT_RATE_LIMITS
    assert limits["login_failed"] == "10/m/ip,5/5m/key"
    assert limits["signup"] == "20/m/ip"
    assert limits["reset_password"] == "20/m/ip,5/m/key"


def test_failed_sign_ins_from_one_address_are_limited_across_accounts(client):
    """Ten failures a minute from one address, whichever accounts they try."""
    url = reverse("account_login")
    for i in range(10):
        response = client.post(url, {"login": f"p{i}@example.com", "password": "x"})
        assert TOO_MANY_LOGINS not in response.text
    response = client.post(url, {"login": "p99@example.com", "password": "x"})
    assert TOO_MANY_LOGINS in response.text


def test_sign_ups_from_one_address_are_limited_to_20_a_minute(client):
    url = reverse("account_signup")
    mismatched = {"email": "a@example.com", "password1": "a", "password2": "b"}
    statuses = [client.post(url, mismatched).status_code for _ in range(21)]
    assert statuses[:20] == [200] * 20  # the form again, with its errors
    assert statuses[20] == 429


def test_password_resets_for_one_address_are_limited_to_5_a_minute(client):
    UserFactory(email="fitter@example.com")
    url = reverse("account_reset_password")
    statuses = [
        client.post(url, {"email": "fitter@example.com"}).status_code for _ in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert len(mail.outbox) == 5


def test_password_resets_from_one_address_are_limited_to_20_a_minute(client):
    for i in range(21):
        UserFactory(email=f"worker{i}@example.com", verified=False)
    url = reverse("account_reset_password")
    statuses = [
        client.post(url, {"email": f"worker{i}@example.com"}).status_code
        for i in range(21)
    ]
    assert statuses[:20] == [302] * 20 and statuses[20] == 429


def test_the_verification_limit_is_per_address(client, settings):
    settings.VERIFY_RATE_LIMIT = 2
    url = reverse("certification:verify", args=["unknown-code"])
    assert [client.get(url).status_code for _ in range(3)] == [404, 404, 429]
    other = client.get(url, REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 404


def test_invitation_codes_tried_from_one_address_are_limited(client, settings):
    """Guessing invitation codes, typed or in the link, stops at JOIN_RATE_LIMIT a
    minute per address, with the reason; another address is not affected."""
    settings.JOIN_RATE_LIMIT = 3
    typed = [
        client.post(reverse("join:enter"), {"code": f"ABCD234{i}"}).status_code
        for i in range(2)
    ]
    linked = client.get(reverse("join:invitation", args=["WXYZ2345"])).status_code
    refused = client.post(reverse("join:enter"), {"code": "ABCD2349"})
    assert typed + [linked, refused.status_code] == [400, 400, 404, 429]
    assert "Too many invitation codes" in refused.text
    other = client.post(
        reverse("join:enter"), {"code": "ABCD2349"}, REMOTE_ADDR="10.0.0.2"
    )
    assert other.status_code == 400
