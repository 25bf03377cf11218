"""Public verification: masked name, facts, renewals; 404 for unknown codes; 429
after the rate limit."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from lms.certification.views.verify import mask_name
from tests.lms.certification.factories import (
    IssuingBodyFactory,
    SkillCertificateFactory,
)
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
    # The score is a fact for HR, not the public (a random CSRF token may hold "93").
    assert "wang.fang@example.com" not in body and not re.search(r"\b93\b", body)


def test_renewals_are_listed_on_the_verification_page(client):
    old = SkillCertificateFactory(number="OLD-1")
    new = SkillCertificateFactory(holder=old.holder, replaces=old, number="NEW-1")
    body = client.get(
        reverse("certification:verify", args=[old.verification_code])
    ).content.decode()
    assert "Superseded" in body and "NEW-1" in body and new.verification_code in body


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "No certificate has this code"), ("zh-hans", "没有证书使用此查验码")],
)
def test_an_unknown_code_gets_its_own_page_with_the_code_and_a_box(
    client, language, heading
):
    with translation.override(language):
        url = reverse("certification:verify", args=["<b>AbC-12"])
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 404
    assert heading in body
    assert "&lt;b&gt;AbC-12" in body and "<b>AbC-12" not in body
    assert 'name="code"' in body


def test_the_issuer_shows_in_the_readers_language(client):
    certificate = SkillCertificateFactory(issuing_body=IssuingBodyFactory())
    with translation.override("zh-hans"):
        url = reverse("certification:verify", args=[certificate.verification_code])
    assert "陕西省职业技能鉴定中心" in client.get(url).content.decode()


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
