"""A certificate's history reads as sentences in the reader's language: who changed
what from what to what, and why; never field names or raw values."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import formats, translation

from lms.certification.services import certificates as services
from tests.lms.certification.factories import SkillCertificateFactory, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def history():
    """A 四级 certificate an officer corrected to 三级, then suspended,
    reinstated and revoked, each with a reason."""
    wang = officer()
    wang.display_name = "王芳"
    wang.save()
    certificate = SkillCertificateFactory(level=3, valid_until=None)  # 四级
    services.certificate_edit(
        actor=wang,
        certificate=certificate,
        reason="Typo in the appraisal sheet",
        level=4,  # 三级
        valid_until=datetime.date(2030, 5, 1),
    )
    services.certificate_suspend(actor=wang, certificate=certificate, reason="Audit")
    services.certificate_reinstate(actor=wang, certificate=certificate)
    services.certificate_revoke(actor=wang, certificate=certificate, reason="Fraud")
    return certificate, wang


def sentences(certificate, language):
    with translation.override(language):
        return [e.description for e in certificate.events.select_related("actor")]


def test_the_history_reads_as_english_sentences(history):
    certificate, _wang = history
    edit, suspend, reinstate, revoke = sentences(certificate, "en")
    with translation.override("en"):  # the locale's date style, whatever it is
        may_1 = formats.date_format(datetime.date(2030, 5, 1), "DATE_FORMAT")
    assert edit == (
        "Skill level changed from Level 4 / Intermediate worker to Level 3 / Senior "
        f"worker; Valid until changed from (none) to {may_1} by 王芳; "
        "reason: Typo in the appraisal sheet."
    )
    assert "by 王芳; reason: Typo in the appraisal sheet." in edit
    assert suspend == "Suspended by 王芳; reason: Audit."
    assert reinstate == "Reinstated by 王芳."
    assert revoke == "Revoked by 王芳; reason: Fraud."


def test_the_history_reads_in_chinese_with_no_field_names_or_raw_values(history):
    certificate, _wang = history
    text = " ".join(sentences(certificate, "zh-hans"))
    assert "王芳" in text and "Fraud" in text
    for raw in ("[False, True]", "level", "valid_until", "suspended", "revoked"):
        assert raw not in text
    without_reasons = text.replace("Typo in the appraisal sheet", "")
    without_reasons = re.sub(r"Audit|Fraud", "", without_reasons)
    assert not re.search(r"[A-Za-z]{3,}", without_reasons), without_reasons


def test_the_certificate_page_shows_the_sentences(history, client):
    certificate, wang = history
    client.force_login(wang)
    with translation.override("zh-hans"):
        url = reverse("certification:detail", args=[certificate.pk])
    html = client.get(url).content.decode()
    assert "[False, True]" not in html and "valid_until" not in html
    with translation.override("zh-hans"):
        assert certificate.events.last().description in html
