import pytest

from lms.models import CertificateEvent, SkillCertificate
from lms.services.certificates import platform_certificate_issue
from tests.lms.factories import OccupationFactory, UserFactory

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
