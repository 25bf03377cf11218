"""Rate limits through the real nginx of the production layout, with one trusted
proxy (TRUSTED_PROXY_COUNT=1): each client connects from its own loopback address,
nginx passes it in X-Forwarded-For, and the limits are kept per client — other
people's failures do not lock anyone out, one client is still limited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.lms.certification.factories import SkillCertificateFactory
from tests.lms.factories import UserFactory
from tests.services import learners as build
from tests.services.webserver import Browser

pytestmark = pytest.mark.services

TOO_MANY_LOGINS = "Too many failed login attempts"


def client(server, n: int) -> Browser:
    """Visitor ``n``, connecting from 127.0.1.<n>."""
    return Browser(server.base_url, source=f"127.0.1.{n}")


def bad_login(browser: Browser, email: str):
    assert browser.get(reverse("account_login")).status == 200
    return browser.post(reverse("account_login"), {"login": email, "password": "x"})


@pytest.fixture
def site(start_site, monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "1")  # read by production_env
    return start_site(workers=1, celery=False, nginx=True)


def test_bad_logins_of_twelve_clients_do_not_lock_out_a_thirteenth(site):
    person = UserFactory(email="fitter@example.com")
    build.give_real_password(person)
    for n in range(1, 13):
        answer = bad_login(client(site, n), f"p{n}@example.com")
        assert TOO_MANY_LOGINS not in answer.body, n
    build.log_in_through_form(client(site, 99), person.email)


def test_one_client_is_still_limited_through_the_proxy(site):
    browser = client(site, 50)
    answers = [bad_login(browser, f"p{n}@example.com") for n in range(11)]
    assert all(TOO_MANY_LOGINS not in a.body for a in answers[:10])
    assert TOO_MANY_LOGINS in answers[10].body


def test_unknown_codes_of_many_clients_do_not_block_a_genuine_verification(site):
    certificate = SkillCertificateFactory()
    for n in range(1, 36):
        url = reverse("certification:verify", args=[f"unknown-{n}"])
        assert client(site, n).get(url).status == 404, n
    genuine = reverse("certification:verify", args=[certificate.verification_code])
    assert client(site, 200).get(genuine).status == 200
    same = client(site, 7)
    statuses = [
        same.get(reverse("certification:verify", args=[f"x-{n}"])).status
        for n in range(31)
    ]
    assert statuses[-1] == 429 and 429 not in statuses[:29]
