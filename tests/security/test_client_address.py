"""Rate limits behind the proxy: with ``TRUSTED_PROXY_COUNT = 1`` every request comes
from the proxy's address (REMOTE_ADDR) and the client's is the last entry of
X-Forwarded-For. Limits are kept per client, not one bucket for everyone; without
trusted proxies the header is ignored (it could be forged)."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from lms.client_ip import client_ip
from tests.lms.certification.factories import SkillCertificateFactory
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"
TOO_MANY_LOGINS = "Too many failed login attempts"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def via_proxy(n: int) -> dict:
    """Request headers as nginx sends them for client number ``n``."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"}


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),  # no trusted proxy: the header is ignored
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the first is forgeable
        (2, "198.51.100.1, 203.0.113.9", "198.51.100.1"),
        (1, "", PROXY),  # reached directly: the connection's address
        (1, "not-an-address", PROXY),
    ],
)
def test_client_address_counts_trusted_proxies_from_the_right(
    settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_ip(request) == expected


def test_bad_logins_of_many_clients_do_not_lock_out_another_person(
    client, behind_proxy
):
    """12 failed sign-ins from 12 clients, then a 13th person's right password."""
    UserFactory(email="fitter@example.com")
    url = reverse("account_login")
    for n in range(12):
        response = client.post(
            url, {"login": f"p{n}@example.com", "password": "x"}, **via_proxy(n)
        )
        assert TOO_MANY_LOGINS not in response.text
    response = client.post(
        url,
        {"login": "fitter@example.com", "password": "pass-word-123"},
        **via_proxy(99),
    )
    assert response.status_code == 302
    assert TOO_MANY_LOGINS not in response.text


def test_one_client_behind_the_proxy_is_still_limited(client, behind_proxy):
    url = reverse("account_login")
    for n in range(10):
        client.post(
            url, {"login": f"p{n}@example.com", "password": "x"}, **via_proxy(7)
        )
    response = client.post(
        url, {"login": "p99@example.com", "password": "x"}, **via_proxy(7)
    )
    assert TOO_MANY_LOGINS in response.text


def test_unknown_codes_of_many_clients_do_not_block_a_genuine_verification(
    client, behind_proxy
):
    certificate = SkillCertificateFactory()
    for n in range(35):
        url = reverse("certification:verify", args=[f"unknown-{n}"])
        assert client.get(url, **via_proxy(n % 35)).status_code == 404
    url = reverse("certification:verify", args=[certificate.verification_code])
    assert client.get(url, **via_proxy(200)).status_code == 200


def test_one_client_behind_the_proxy_is_still_limited_on_verification(
    client, behind_proxy
):
    url = reverse("certification:verify", args=["unknown"])
    statuses = [client.get(url, **via_proxy(5)).status_code for _ in range(31)]
    assert statuses == [404] * 30 + [429]


def test_a_forged_header_without_trusted_proxies_does_not_escape_the_limit(
    client, settings
):
    settings.VERIFY_RATE_LIMIT = 2
    url = reverse("certification:verify", args=["unknown"])
    statuses = [client.get(url, **via_proxy(n)).status_code for n in range(3)]
    assert statuses == [404, 404, 429]
