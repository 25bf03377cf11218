"""Public verification: masked name, facts, renewals; 404 for unknown codes; 429
after the rate limit."""

import pytest
from django.urls import reverse

from lms.views.verify import mask_name
from tests.lms.cert_factories import SkillCertificateFactory
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_verification_page_shows_facts_and_a_masked_name_only(client):
    holder = UserFactory(display_name="Wang Fang", email="wang.fang@example.com")
    certificate = SkillCertificateFactory(holder=holder, score=93)
    response = client.get(
        reverse("certification:verify", args=[certificate.verification_code])
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "W*** F***" in body and "Wang Fang" not in body
    assert certificate.number in body and "Valid" in body
    assert "wang.fang@example.com" not in body and "93" not in body


def test_renewals_are_listed_on_the_verification_page(client):
    old = SkillCertificateFactory(number="OLD-1")
    new = SkillCertificateFactory(holder=old.holder, replaces=old, number="NEW-1")
    body = client.get(
        reverse("certification:verify", args=[old.verification_code])
    ).content.decode()
    assert "Superseded" in body and "NEW-1" in body and new.verification_code in body


def test_unknown_code_is_a_plain_404(client):
    response = client.get(reverse("certification:verify", args=["nope"]))
    assert response.status_code == 404


def test_form_redirects_to_the_code_page(client):
    response = client.get(reverse("certification:verify_form"), {"code": " abc "})
    assert response.status_code == 302
    assert response.url == reverse("certification:verify", args=["abc"])


def test_more_than_30_lookups_a_minute_from_one_address_get_429(client, settings):
    settings.VERIFY_RATE_LIMIT = 3
    url = reverse("certification:verify", args=["unknown-code"])
    assert [client.get(url).status_code for _ in range(4)] == [404, 404, 404, 429]
    response = client.get(url)
    assert response.status_code == 429
    assert "Too many look-ups" in response.content.decode()
    other = client.get(url, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 404


@pytest.mark.parametrize(
    ("name", "masked"),
    [("Wang Fang", "W*** F***"), ("王芳", "王*"), ("Li", "L*"), ("a@b.c", "a*")],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked
