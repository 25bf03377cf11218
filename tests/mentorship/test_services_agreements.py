import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from lms.errors import DomainError, PermissionDenied
from lms.models import Notification
from mentorship.models import Agreement, AgreementSignature
from mentorship.services import agreements as services
from mentorship.services import milestones as milestone_services
from tests.lms.factories import (
    EnterpriseFactory,
    MembershipFactory,
    OccupationFactory,
    UserFactory,
)

from .factories import AgreementFactory, MilestoneFactory, coordinator, mentor, today

pytestmark = pytest.mark.django_db
Status = Agreement.Status


def _terms(**overrides):
    enterprise = EnterpriseFactory()
    apprentice = UserFactory()
    MembershipFactory(user=apprentice, enterprise=enterprise)
    terms = {
        "mentor": mentor(),
        "apprentice": apprentice,
        "enterprise": enterprise,
        "occupation": OccupationFactory(),
        "goals": "Solve production problems",
        "start_date": today(),
        "end_date": today() + datetime.timedelta(days=180),
        "planned_hours": Decimal("40"),
    }
    terms.update(overrides)
    return terms


def test_coordinator_creates_a_draft_agreement():
    agreement = services.agreement_create(coordinator=coordinator(), **_terms())
    assert agreement.status == Status.DRAFT


def test_a_learner_cannot_set_up_an_agreement():
    with pytest.raises(PermissionDenied):
        services.agreement_create(coordinator=UserFactory(), **_terms())
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(
    "override, code",
    [
        ({"mentor": "plain"}, "not_a_mentor"),
        ({"end_date": today() - datetime.timedelta(days=1)}, "dates"),
        ({"planned_hours": Decimal("0")}, "hours"),
        ({"goals": "  "}, "goals"),
    ],
)
def test_bad_terms_are_refused(override, code):
    if override.get("mentor") == "plain":
        override = {"mentor": UserFactory()}
    with pytest.raises(DomainError) as error:
        services.agreement_create(coordinator=coordinator(), **_terms(**override))
    assert error.value.code == code
    assert not Agreement.objects.exists()


def test_apprentice_must_work_at_the_enterprise():
    terms = _terms(enterprise=EnterpriseFactory())
    with pytest.raises(DomainError) as error:
        services.agreement_create(coordinator=coordinator(), **terms)
    assert error.value.code == "not_a_member"


def test_second_open_agreement_for_the_same_pair_is_refused():
    terms = _terms()
    services.agreement_create(coordinator=coordinator(), **terms)
    with pytest.raises(DomainError) as error:
        services.agreement_create(coordinator=coordinator(), **terms)
    assert error.value.code == "agreement_exists"
    assert Agreement.objects.count() == 1


def test_full_lifecycle_records_each_signature_and_notifies():
    agreement = AgreementFactory(status=Status.DRAFT)
    services.agreement_send_for_signature(
        agreement=agreement, actor=agreement.coordinator
    )
    assert Notification.objects.filter(recipient=agreement.mentor).count() == 1
    assert Notification.objects.filter(recipient=agreement.apprentice).count() == 1
    services.agreement_sign(agreement=agreement, user=agreement.mentor)
    services.agreement_sign(agreement=agreement, user=agreement.apprentice)
    assert Notification.objects.filter(recipient=agreement.coordinator).count() == 1
    services.agreement_approve(agreement=agreement, actor=agreement.coordinator)
    agreement.refresh_from_db()
    assert agreement.status == Status.ACTIVE
    parties = dict(agreement.signatures.values_list("party", "signer"))
    assert parties == {
        "mentor": agreement.mentor.pk,
        "apprentice": agreement.apprentice.pk,
        "witness": agreement.coordinator.pk,
    }
    services.agreement_complete(agreement=agreement, actor=agreement.mentor)
    agreement.refresh_from_db()
    assert agreement.status == Status.COMPLETED


def test_signing_twice_is_refused_and_changes_nothing():
    agreement = AgreementFactory(status=Status.AWAITING_SIGNATURES)
    services.agreement_sign(agreement=agreement, user=agreement.apprentice)
    with pytest.raises(DomainError) as error:
        services.agreement_sign(agreement=agreement, user=agreement.apprentice)
    assert error.value.code == "already_signed"
    assert agreement.signatures.count() == 1


def test_signature_is_unique_per_party_in_the_database():
    agreement = AgreementFactory(status=Status.AWAITING_SIGNATURES)
    AgreementSignature.objects.create(
        agreement=agreement, party="mentor", signer=agreement.mentor
    )
    with pytest.raises(IntegrityError):
        AgreementSignature.objects.create(
            agreement=agreement, party="mentor", signer=agreement.mentor
        )


def test_approval_needs_both_signatures():
    agreement = AgreementFactory(status=Status.AWAITING_SIGNATURES)
    services.agreement_sign(agreement=agreement, user=agreement.mentor)
    with pytest.raises(DomainError) as error:
        services.agreement_approve(agreement=agreement, actor=agreement.coordinator)
    assert error.value.code == "signatures_missing"
    agreement.refresh_from_db()
    assert agreement.status == Status.AWAITING_SIGNATURES


@pytest.mark.parametrize(
    "status, action",
    [
        (Status.DRAFT, "sign"),
        (Status.ACTIVE, "sign"),
        (Status.DRAFT, "approve"),
        (Status.DRAFT, "complete"),
        (Status.COMPLETED, "send"),
        (Status.COMPLETED, "terminate"),
        (Status.TERMINATED, "complete"),
    ],
)
def test_transitions_out_of_order_are_refused(status, action):
    agreement = AgreementFactory(status=status, termination_reason="x")
    calls = {
        "sign": lambda: services.agreement_sign(
            agreement=agreement, user=agreement.mentor
        ),
        "approve": lambda: services.agreement_approve(
            agreement=agreement, actor=agreement.coordinator
        ),
        "complete": lambda: services.agreement_complete(
            agreement=agreement, actor=agreement.coordinator
        ),
        "send": lambda: services.agreement_send_for_signature(
            agreement=agreement, actor=agreement.coordinator
        ),
        "terminate": lambda: services.agreement_terminate(
            agreement=agreement, actor=agreement.coordinator, reason="moved away"
        ),
    }
    with pytest.raises(DomainError) as error:
        calls[action]()
    assert error.value.code == "agreement_status"
    agreement.refresh_from_db()
    assert agreement.status == status


def test_termination_needs_a_reason():
    agreement = AgreementFactory()
    with pytest.raises(DomainError):
        services.agreement_terminate(
            agreement=agreement, actor=agreement.coordinator, reason=" "
        )
    services.agreement_terminate(
        agreement=agreement, actor=agreement.coordinator, reason="Changed employer"
    )
    agreement.refresh_from_db()
    assert agreement.status == Status.TERMINATED
    assert agreement.termination_reason == "Changed employer"


def test_another_coordinator_cannot_manage_the_agreement():
    agreement = AgreementFactory(status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.agreement_send_for_signature(agreement=agreement, actor=coordinator())


def test_terms_change_only_while_draft():
    agreement = AgreementFactory(status=Status.DRAFT)
    services.agreement_update(
        agreement=agreement, actor=agreement.coordinator, planned_hours=Decimal("60")
    )
    agreement.refresh_from_db()
    assert agreement.planned_hours == Decimal("60")
    agreement.status = Status.ACTIVE
    agreement.save()
    with pytest.raises(DomainError):
        services.agreement_update(
            agreement=agreement, actor=agreement.coordinator, planned_hours=Decimal("1")
        )


# --- milestones ----------------------------------------------------------------


def test_mentor_adds_a_milestone_within_the_agreement():
    agreement = AgreementFactory()
    milestone = milestone_services.milestone_add(
        agreement=agreement,
        actor=agreement.mentor,
        title="Operate the welding robot",
        target_date=today() + datetime.timedelta(days=10),
        skill_level=3,
    )
    assert milestone.occupation == agreement.occupation


def test_milestone_target_outside_the_agreement_is_refused():
    agreement = AgreementFactory()
    with pytest.raises(DomainError) as error:
        milestone_services.milestone_add(
            agreement=agreement,
            actor=agreement.mentor,
            title="Too late",
            target_date=agreement.end_date + datetime.timedelta(days=1),
            skill_level=3,
        )
    assert error.value.code == "target_date"


def test_sign_off_with_evidence_and_file_and_not_twice():
    milestone = MilestoneFactory()
    mentor_user = milestone.agreement.mentor
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4 test", "application/pdf")
    milestone_services.milestone_sign_off(
        milestone=milestone,
        mentor=mentor_user,
        evidence="Welded 10 seams",
        evidence_file=pdf,
    )
    milestone.refresh_from_db()
    assert milestone.is_done and milestone.evidence_file
    with pytest.raises(DomainError) as error:
        milestone_services.milestone_sign_off(
            milestone=milestone, mentor=mentor_user, evidence="x"
        )
    assert error.value.code == "already_signed_off"


def test_sign_off_refuses_a_fake_pdf_and_the_apprentice():
    milestone = MilestoneFactory()
    fake = SimpleUploadedFile("report.pdf", b"MZ not a pdf", "application/pdf")
    with pytest.raises(DomainError):
        milestone_services.milestone_sign_off(
            milestone=milestone,
            mentor=milestone.agreement.mentor,
            evidence="ok",
            evidence_file=fake,
        )
    with pytest.raises(PermissionDenied):
        milestone_services.milestone_sign_off(
            milestone=milestone, mentor=milestone.agreement.apprentice, evidence="ok"
        )
    milestone.refresh_from_db()
    assert not milestone.is_done


def test_overdue_milestones_notify_once():
    milestone = MilestoneFactory(target_date=today() - datetime.timedelta(days=2))
    MilestoneFactory(agreement=milestone.agreement)  # not due yet
    assert milestone.is_overdue
    assert milestone_services.milestones_notify_overdue() == 1
    assert milestone_services.milestones_notify_overdue() == 1
    assert Notification.objects.filter(key__contains=":overdue").count() == 2


def test_only_mentor_or_coordinator_change_linked_courses():
    milestone = MilestoneFactory()
    with pytest.raises(PermissionDenied):
        milestone_services.milestone_set_courses(
            milestone=milestone, actor=milestone.agreement.apprentice, courses=[]
        )
    milestone_services.milestone_set_courses(
        milestone=milestone, actor=milestone.agreement.mentor, courses=[]
    )
