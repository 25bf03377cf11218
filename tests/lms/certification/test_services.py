import datetime

import pytest
from django.core import mail

from lms.certification.services import certificates as services
from lms.certification.services.certificates import platform_certificate_issue
from lms.errors import DomainError
from lms.models import CertificateEvent, Notification, SkillCertificate
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_platform_certificate_issue_is_idempotent_per_source_key():
    """A second call with the same source key returns the first certificate and
    writes nothing more."""
    holder = UserFactory()
    occupation = OccupationFactory()
    first = platform_certificate_issue(
        holder=holder,
        occupation=occupation,
        level=4,
        course_title="AI + Textile",
        source_key="course-completion:1",
    )
    second = platform_certificate_issue(
        holder=holder,
        occupation=occupation,
        level=4,
        course_title="AI + Textile",
        source_key="course-completion:1",
    )
    assert first.pk == second.pk
    assert SkillCertificate.objects.count() == 1
    assert CertificateEvent.objects.filter(certificate=first).count() == 1
    assert first.issuer_kind == SkillCertificate.IssuerKind.PLATFORM
    assert first.evidence_detail == "AI + Textile"
    assert first.status == "valid"
    assert len(first.verification_code) >= 20


# --- recording by hand, renewals and the history -----------------------------------

TODAY = datetime.date(2026, 6, 1)


def record(actor, holder, **overrides):
    kwargs = {
        "actor": actor,
        "holder": holder,
        "occupation": OccupationFactory(),
        "level": 3,
        "number": "SX-1",
        "issuer_kind": "outside",
        "issuer_name": "Appraisal Centre",
        "issued_on": TODAY,
        "valid_until": TODAY + datetime.timedelta(days=1000),
    }
    kwargs.update(overrides)
    return services.certificate_record(**kwargs)


def test_officer_records_an_outside_certificate_with_an_issue_event():
    actor = officer()
    certificate = record(actor, UserFactory())
    event = certificate.events.get()
    assert event.action == "issue" and event.actor == actor
    assert certificate.recorded_by == actor


def test_a_learner_cannot_record_a_certificate():
    with pytest.raises(DomainError):
        record(UserFactory(), UserFactory())
    assert not SkillCertificate.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"level": 9}, "level"),
        ({"number": "  "}, "number"),
        ({"issuer_name": ""}, "issuer_name"),
        ({"valid_until": TODAY - datetime.timedelta(days=1)}, "dates"),
        ({"issuer_kind": "bogus"}, "issuer_kind"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_saves_nothing(overrides, code):
    with pytest.raises(DomainError) as error:
        record(officer(), UserFactory(), **overrides)
    assert error.value.code == code
    assert not SkillCertificate.objects.exists()


def test_the_same_number_of_the_same_body_is_refused_twice():
    actor = officer()
    record(actor, UserFactory())
    with pytest.raises(DomainError) as error:
        record(actor, UserFactory())
    assert error.value.code == "duplicate_number"


def test_renewal_is_a_new_record_and_the_old_one_becomes_superseded():
    actor = officer()
    old = SkillCertificateFactory(valid_until=datetime.date.today())
    new = services.certificate_renew(
        actor=actor,
        certificate=old,
        number="RENEWED-1",
        issued_on=datetime.date.today(),
        valid_until=datetime.date.today() + datetime.timedelta(days=1500),
    )
    old.refresh_from_db()
    assert new.replaces == old and new.pk != old.pk
    assert old.status == "superseded" and new.status == "valid"
    assert old.valid_until == datetime.date.today()  # nothing overwritten
    assert list(old.events.values_list("action", flat=True)) == ["renew"]
    with pytest.raises(DomainError):
        services.certificate_renew(
            actor=actor,
            certificate=old,
            number="RENEWED-2",
            issued_on=datetime.date.today(),
            valid_until=None,
        )


def test_edit_records_old_and_new_values_and_requires_a_reason():
    actor = officer()
    certificate = SkillCertificateFactory(level=4)
    with pytest.raises(DomainError):
        services.certificate_edit(
            actor=actor, certificate=certificate, reason=" ", level=3
        )
    services.certificate_edit(
        actor=actor, certificate=certificate, reason="Typo in the scan", level=3
    )
    event = certificate.events.get()
    assert event.action == "edit"
    assert event.changes == {"level": [4, 3]}
    assert event.reason == "Typo in the scan"


def test_suspend_reinstate_revoke_each_leave_an_event_and_double_submit_is_harmless():
    actor = officer()
    certificate = SkillCertificateFactory()
    services.certificate_suspend(actor=actor, certificate=certificate, reason="Audit")
    services.certificate_suspend(actor=actor, certificate=certificate, reason="Audit")
    certificate.refresh_from_db()
    assert certificate.status == "suspended"
    services.certificate_reinstate(actor=actor, certificate=certificate)
    services.certificate_revoke(actor=actor, certificate=certificate, reason="Fraud")
    services.certificate_revoke(actor=actor, certificate=certificate, reason="Fraud")
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert certificate.revocation_reason == "Fraud"
    assert list(certificate.events.values_list("action", flat=True)) == [
        "suspend",
        "reinstate",
        "revoke",
    ]


def test_revoking_needs_a_reason_and_an_officer():
    certificate = SkillCertificateFactory()
    with pytest.raises(DomainError):
        services.certificate_revoke(actor=officer(), certificate=certificate, reason="")
    with pytest.raises(DomainError):
        services.certificate_revoke(
            actor=certificate.holder, certificate=certificate, reason="mine"
        )


# --- expiry reminders ---------------------------------------------------------------


def test_expiry_reminders_go_to_holder_and_their_hr_once_per_threshold(
    django_capture_on_commit_callbacks,
):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    other_hr = hr_of(EnterpriseFactory())
    holder = worker_of(enterprise)
    today = datetime.date(2026, 6, 1)
    certificate = SkillCertificateFactory(
        holder=holder,
        issued_on=today - datetime.timedelta(days=700),
        valid_until=today + datetime.timedelta(days=85),
    )
    SkillCertificateFactory(valid_until=today + datetime.timedelta(days=200))
    assert services.certificate_expiry_reminders_send(today=today) == 2
    assert services.certificate_expiry_reminders_send(today=today) == 0
    keys = set(Notification.objects.values_list("recipient_id", "key"))
    assert keys == {
        (holder.pk, f"cert-expiry:{certificate.pk}:90"),
        (hr.pk, f"cert-expiry:{certificate.pk}:90"),
    }
    assert not Notification.objects.filter(recipient=other_hr).exists()
    # 28 days left: the 30-day reminder, once.
    later = today + datetime.timedelta(days=57)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificate_expiry_reminders_send(today=later) == 2
    assert services.certificate_expiry_reminders_send(today=later) == 0
    assert len(mail.outbox) == 2
    assert "expires on" in mail.outbox[0].subject


def test_no_reminder_for_revoked_or_renewed_certificates():
    today = datetime.date(2026, 6, 1)
    soon = today + datetime.timedelta(days=6)
    SkillCertificateFactory(valid_until=soon, revoked=True)
    old = SkillCertificateFactory(valid_until=soon)
    SkillCertificateFactory(holder=old.holder, replaces=old)
    assert services.certificate_expiry_reminders_send(today=today) == 0
