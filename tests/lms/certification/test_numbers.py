"""Certificate numbers and national conventions: an issuing body's pattern is
itself checked (compiles, no nested repetition, only the year and level groups,
the example matches); recording or importing a number that does not fit is refused
with a message that shows the example and nothing is saved; the year and level
written in the number must agree with the certificate; a body in the national
catalogue links each certificate to the national query service by number."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from lms.certification import services
from lms.errors import DomainError
from lms.models import ImportBatch, IssuingBody, SkillCertificate
from lms.models import SkillLevel as L
from tests.lms.certification.factories import (
    IssuingBodyFactory,
    SkillCertificateFactory,
    officer,
)
from tests.lms.certification.test_imports import HEADER, upload
from tests.lms.factories import OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db
PATTERN = r"S00006161(?P<year>[0-9]{2})(?P<level>[0-5TC])[0-9]{6}"
EXAMPLE = "S00006161244000412"
QUERY = "https://zscx.osta.org.cn/?zsbh={number}"


@pytest.fixture
def body():
    return IssuingBodyFactory(
        name="Appraisal Centre",
        number_pattern=PATTERN,
        number_example=EXAMPLE,
        in_national_catalogue=True,
        query_url_template=QUERY,
    )


def record(number, *, level=L.INTERMEDIATE_WORKER, issued_on=datetime.date(2024, 3, 1)):
    return services.certificate_record(
        actor=officer(),
        holder=UserFactory(),
        occupation=OccupationFactory(),
        level=level,
        number=number,
        issuer_kind="outside",
        issuer_name="Appraisal Centre",
        issued_on=issued_on,
    )


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("S[0-9", "pattern_invalid"),
        ("(a+)+$", "pattern_nested"),
        ("(?:[0-9]{2})*X", "pattern_nested"),
        ("(?P<body>[0-9]{6})", "pattern_groups"),
        ("x" * 201, "pattern_length"),
    ],
)
def test_a_bad_pattern_is_refused_with_a_reason(pattern, code):
    body = IssuingBody(name="X", number_pattern=pattern)
    with pytest.raises(ValidationError) as caught:
        body.full_clean()
    assert caught.value.error_dict["number_pattern"][0].code == code


def test_the_example_must_follow_the_pattern_and_the_catalogue_needs_a_link():
    body = IssuingBody(name="X", number_pattern=PATTERN, number_example="S-1")
    with pytest.raises(ValidationError) as caught:
        body.full_clean()
    assert "number_example" in caught.value.error_dict
    body = IssuingBody(name="X", in_national_catalogue=True)
    with pytest.raises(ValidationError) as caught:
        body.full_clean()
    assert "query_url_template" in caught.value.error_dict
    body.query_url_template = "javascript:alert(1)//{number}"
    with pytest.raises(ValidationError):
        body.full_clean()
    body.query_url_template = QUERY
    body.full_clean()


def test_a_number_in_the_bodys_style_is_recorded(body):
    certificate = record("S00006161244000413")
    assert certificate.issuing_body == body


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("SX-2024-0413", "for example S00006161244000412"),
        ("S00006161234000413", "year as “23”, but the certificate was issued in 2024"),
        ("S00006161245000413", "marks the level as “5”, but this level is marked “4”"),
    ],
)
def test_a_number_that_does_not_fit_is_refused_and_nothing_saved(
    body, number, expected
):
    with pytest.raises(DomainError) as caught:
        record(number)
    assert caught.value.code == "number_pattern"
    assert expected in str(caught.value)
    assert not SkillCertificate.objects.exists()


def test_the_new_levels_have_their_own_marks(body):
    record("S0000616124T000001", level=L.SPECIAL_GRADE_TECHNICIAN)
    record("S0000616124C000002", level=L.CHIEF_TECHNICIAN)
    record("S00006161240000003", level=L.APPRENTICE)
    assert SkillCertificate.objects.count() == 3


def test_an_import_row_that_does_not_fit_is_an_error_of_its_row(body, setting):
    text = (
        HEADER + "\n"
        "S00006161253000001,alice@example.com,,6-18-02-04,3,2025-01-10,,\n"
        "W-2,bob@example.com,,6-18-02-04,4,2025-01-10,,\n"
    )
    batch = upload(setting, text)
    assert batch.status == ImportBatch.Status.INVALID
    [error] = batch.error_rows
    assert (error["row"], error["column"]) == (3, "number")
    assert EXAMPLE in error["message"]
    with translation.override("zh-hans"):
        assert EXAMPLE in ImportBatch.objects.get(pk=batch.pk).error_rows[0]["message"]


def test_the_certificate_and_verification_pages_link_to_the_national_query(
    body, client
):
    certificate = SkillCertificateFactory(
        issuing_body=body, number="S00006161244000412/x"
    )
    link = "https://zscx.osta.org.cn/?zsbh=S00006161244000412%2Fx"
    verify = client.get(
        reverse("certification:verify", args=[certificate.verification_code])
    )
    assert link in verify.text
    client.force_login(certificate.holder)
    detail = client.get(reverse("certification:detail", args=[certificate.pk]))
    assert link in detail.text


def test_a_body_outside_the_catalogue_gets_no_link(client):
    certificate = SkillCertificateFactory(
        issuing_body=IssuingBodyFactory(name="Local Centre", query_url_template=QUERY)
    )
    page = client.get(
        reverse("certification:verify", args=[certificate.verification_code])
    )
    assert "zscx.osta.org.cn" not in page.text
