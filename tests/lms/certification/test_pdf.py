"""The certificate PDF as a document: its font embedded, both languages with the
holder's first, the name recorded at issue, the issuer's names and seal, the
verification link, and a status mark on certificates that no longer stand."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from lms.certification.pdf import certificate_pdf
from lms.fonts import FontMissing
from tests.lms.certification.factories import (
    IssuingBodyFactory,
    SkillCertificateFactory,
)
from tests.lms.factories import OccupationFactory, UserFactory
from tests.lms.helpers import pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def chinese_certificate(**kwargs):
    holder = UserFactory(display_name="王芳", preferred_language="zh-hans")
    occupation = OccupationFactory(name="Welder", name_zh="焊工", code="6-18-02-04")
    return SkillCertificateFactory(
        holder=holder,
        occupation=occupation,
        number="SX-2026-0042",
        issuing_body=IssuingBodyFactory(),
        issued_on=datetime.date(2026, 12, 2),
        valid_until=datetime.date(2099, 12, 2),
        **kwargs,
    )


def test_every_font_of_the_certificate_pdf_is_embedded(tmp_path):
    rows = pdf_fonts(certificate_pdf(chinese_certificate()), tmp_path)
    assert rows, "the PDF has no font at all"
    # Columns end with: emb sub uni object-number generation.
    assert all(row[-5] == "yes" for row in rows), rows
    assert not any("Helvetica" in row[0] or "STSong" in row[0] for row in rows)


def test_chinese_holder_gets_chinese_first_with_english_alongside():
    text = pdf_text(certificate_pdf(chinese_certificate()))
    for expected in (
        "技能证书",
        "Skill certificate",
        "王芳",
        "陕西省职业技能鉴定中心",
        "Shaanxi Vocational Skill Appraisal Centre",
        "焊工 (6-18-02-04)",
        "Welder (6-18-02-04)",
        "SX-2026-0042",
        "2026年12月2日",
        "2 Dec 2026",
    ):
        assert expected in text, expected
    assert text.index("技能证书") < text.index("Skill certificate")
    assert text.index("陕西省职业技能鉴定中心") < text.index("Shaanxi Vocational")


def test_english_holder_gets_english_first():
    certificate = chinese_certificate()
    certificate.holder.preferred_language = "en"
    certificate.holder.save()
    text = pdf_text(certificate_pdf(certificate))
    assert text.index("Skill certificate") < text.index("技能证书")
    assert text.index("Shaanxi Vocational") < text.index("陕西省职业技能鉴定中心")


def test_latin_text_and_middle_dot_are_extracted_intact():
    """The old CID font split Latin words ("W elder") and lost "·"."""
    certificate = chinese_certificate(evidence_detail="Welding · robot basics")
    text = pdf_text(certificate_pdf(certificate))
    assert "Welding · robot basics" in text
    assert "W elder" not in text


def test_the_pdf_links_to_the_verification_page_from_site_url(settings):
    settings.SITE_URL = "https://skills.example.cn"
    certificate = chinese_certificate()
    text = pdf_text(certificate_pdf(certificate))
    assert f"https://skills.example.cn/verify/{certificate.verification_code}/" in text


@pytest.mark.parametrize(
    ("fields", "chinese", "english"),
    [
        ({"revoked": True}, "已撤销", "REVOKED"),
        ({"suspended": True}, "已暂停", "SUSPENDED"),
        ({"superseded": True}, "已被替代", "SUPERSEDED"),
        (
            {
                "issued_on": TODAY - datetime.timedelta(days=900),
                "valid_until": TODAY - datetime.timedelta(days=1),
            },
            "已过期",
            "EXPIRED",
        ),
    ],
)
def test_a_certificate_that_no_longer_stands_carries_its_status(
    fields, chinese, english
):
    certificate = SkillCertificateFactory(
        holder=UserFactory(preferred_language="zh-hans"), **fields
    )
    text = pdf_text(certificate_pdf(certificate))
    assert chinese in text and english in text


def test_a_valid_certificate_has_no_status_mark():
    text = pdf_text(certificate_pdf(chinese_certificate()))
    for mark in ("已撤销", "已暂停", "已被替代", "已过期", "REVOKED", "EXPIRED"):
        assert mark not in text


def test_the_issuing_body_seal_is_printed():
    certificate = chinese_certificate()
    assert not PdfReader(io.BytesIO(certificate_pdf(certificate))).pages[0].images
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 40), (200, 0, 0, 180)).save(buffer, "PNG")
    body = certificate.issuing_body
    body.seal = SimpleUploadedFile("seal.png", buffer.getvalue())
    body.save()
    page = PdfReader(io.BytesIO(certificate_pdf(certificate))).pages[0]
    assert len(page.images) == 1


def test_a_missing_font_is_an_error_not_a_fallback(settings):
    settings.PDF_FONT_PATH = "/nonexistent/font.ttc"
    with pytest.raises(FontMissing, match="fonts-wqy-microhei"):
        certificate_pdf(chinese_certificate())


def test_renaming_oneself_changes_neither_the_pdf_nor_the_verification_page(client):
    certificate = chinese_certificate()
    holder = certificate.holder
    holder.display_name = "王小芳"
    holder.save()
    client.force_login(holder)
    response = client.get(reverse("certification:pdf", args=[certificate.pk]))
    text = pdf_text(response.content)
    assert "王芳" in text and "王小芳" not in text
    page = client.get(
        reverse("certification:verify", args=[certificate.verification_code])
    )
    assert page.context["holder_name"] == "王*"
