"""Names: a certificate keeps its holder's name as it was on the day of issue (only
an officer's correction with a reason changes it, in the history); enterprises,
unions and issuing bodies are named in the reader's language; avatars without a
photo show the first character of a Chinese name."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from lms.certification.services import certificates as services
from lms.errors import DomainError
from lms.models import CertificateEvent, IssuingBody
from lms.services.personal_data import personal_data_erase
from tests.lms.certification.factories import (
    IssuingBodyFactory,
    SkillCertificateFactory,
    officer,
)
from tests.lms.factories import (
    EnterpriseFactory,
    OccupationFactory,
    TradeUnionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_platform_issue_records_the_holders_name_and_issuing_body():
    holder = UserFactory(display_name="易冉")
    certificate = services.platform_certificate_issue(
        holder=holder,
        occupation=OccupationFactory(),
        level=5,
        course_title="Welding robot operation basics",
        source_key="course-completion:7",
    )
    holder.display_name = "Yi Ran"
    holder.save()
    certificate.refresh_from_db()
    assert certificate.holder_name == "易冉"
    assert certificate.holder_display_name == "易冉"
    assert certificate.issuing_body.name == services.platform_issuer_name()
    assert certificate.issuing_body.name_zh == "匠心技能"


def test_recording_by_hand_links_an_issuing_body_known_by_its_chinese_name():
    body = IssuingBodyFactory()
    certificate = services.certificate_record(
        actor=officer(),
        holder=UserFactory(display_name="韩利萍"),
        occupation=OccupationFactory(),
        level=3,
        number="SX-1",
        issuer_kind="outside",
        issuer_name="陕西省职业技能鉴定中心",
        issued_on=datetime.date(2025, 3, 1),
    )
    assert certificate.issuing_body == body
    assert certificate.holder_name == "韩利萍"
    assert IssuingBody.objects.count() == 1


def test_an_officer_corrects_the_name_with_a_reason_kept_in_the_history(client):
    certificate = SkillCertificateFactory(holder=UserFactory(display_name="王芳"))
    client.force_login(officer())
    url = reverse("certification:edit", args=[certificate.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        occupation=certificate.occupation.pk,
        issued_on=certificate.issued_on.isoformat(),
        valid_until=certificate.valid_until.isoformat(),
        holder_name="汪芳",
        reason="Misspelt at issue; ID card checked.",
    )
    assert client.post(url, data).status_code == 302
    certificate.refresh_from_db()
    assert certificate.holder_name == "汪芳"
    event = certificate.events.get(action=CertificateEvent.Action.EDIT)
    assert event.changes == {"holder_name": ["王芳", "汪芳"]}
    assert event.reason == "Misspelt at issue; ID card checked."


def test_a_name_correction_without_a_reason_or_to_nothing_changes_nothing():
    certificate = SkillCertificateFactory(holder=UserFactory(display_name="王芳"))
    with pytest.raises(DomainError):
        services.certificate_edit(
            actor=officer(), certificate=certificate, reason="", holder_name="X"
        )
    with pytest.raises(DomainError):
        services.certificate_edit(
            actor=officer(), certificate=certificate, reason="typo", holder_name=" "
        )
    certificate.refresh_from_db()
    assert certificate.holder_name == "王芳"
    assert not certificate.events.exists()


def test_the_holder_cannot_correct_their_own_name():
    certificate = SkillCertificateFactory()
    with pytest.raises(DomainError):
        services.certificate_edit(
            actor=certificate.holder,
            certificate=certificate,
            reason="I prefer this",
            holder_name="Someone else",
        )


def test_erasure_removes_the_name_recorded_on_certificates():
    certificate = SkillCertificateFactory(holder=UserFactory(display_name="张兆宏"))
    personal_data_erase(user=certificate.holder, actor=None)
    certificate.refresh_from_db()
    assert certificate.holder_name == ""
    assert certificate.holder_display_name == "Former member"


@pytest.mark.parametrize(
    "factory", [EnterpriseFactory, TradeUnionFactory, IssuingBodyFactory]
)
def test_master_data_is_named_in_the_readers_language_with_fallback(factory):
    named = factory(name="Qinchuan Machinery", name_zh="秦川机床")
    english_only = factory(name="Xi'an Textile Mill", name_zh="")
    with translation.override("zh-hans"):
        assert str(named) == "秦川机床" and named.other_name == "Qinchuan Machinery"
        assert str(english_only) == "Xi'an Textile Mill"
    with translation.override("en"):
        assert str(named) == "Qinchuan Machinery" and named.other_name == "秦川机床"


def test_the_certificate_page_shows_the_issuer_in_the_readers_language(client):
    certificate = SkillCertificateFactory(issuing_body=IssuingBodyFactory())
    client.force_login(certificate.holder)
    for language, issuer in (
        ("zh-hans", "陕西省职业技能鉴定中心"),
        ("en", "Shaanxi Vocational Skill Appraisal Centre"),
    ):
        with translation.override(language):
            url = reverse("certification:detail", args=[certificate.pk])
        assert issuer in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("display_name", "initials"),
    [("王建国", "王"), ("Wang Fang", "WF"), ("li", "L"), ("", "P")],
)
def test_avatar_without_a_photo_shows_the_first_chinese_character_or_initials(
    display_name, initials
):
    user = UserFactory(display_name=display_name, email="person@example.com")
    assert user.avatar_initials == initials
