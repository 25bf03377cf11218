import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from courses.models import PracticalEvidencePhoto, PracticalSubmission
from lms.models import CertificateAttachment, Notification
from lms.roles import Role
from mentorship.models import GuidanceSessionPhoto, GuidanceSessionRevision
from tests.courses import factories as course_f
from tests.lms.certification.factories import SkillCertificateFactory
from tests.lms.factories import UserFactory
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MilestoneFactory,
)

NAME = "Wang Fang"


def png_content(name="photo.png") -> ContentFile:
    return ContentFile(course_f.png().read(), name=name)


@pytest.fixture
def person(db):
    """Wang Fang with something in every app: a profile photo, a membership, a
    message, a certificate with its scan, a course with practical evidence, and an
    agreement as apprentice with a disputed session, its photo and a signed-off
    milestone with an evidence file."""
    user = UserFactory(
        email="wang.fang@example.com",
        display_name=NAME,
        phone="+86 139 0000 0000",
        roles=[Role.LEARNER],
    )
    user.avatar = png_content("me.png")
    user.save()
    Notification.objects.create(
        recipient=user, key="k1", kind="legacy", params={"subject": "Welcome, Wang"}
    )
    certificate = SkillCertificateFactory(holder=user)
    CertificateAttachment.objects.create(
        certificate=certificate, file=png_content("scan.png")
    )

    course = course_f.course(title="Loom care")
    lesson = course_f.lesson(course=course, body=[course_f.practical_block()])
    enrollment = course_f.enrollment(user=user, course=course)
    submission = PracticalSubmission.objects.create(
        enrollment=enrollment, lesson=lesson, task_id="task1", text="I cleaned it."
    )
    PracticalEvidencePhoto.objects.create(
        submission=submission, image=png_content("evidence.png")
    )

    agreement = AgreementFactory(apprentice=user, goals="Wang learns robot welding.")
    session = GuidanceSessionFactory(
        agreement=agreement,
        notes="Wang was nervous.",
        status="disputed",
        dispute_comment="Wang says it was shorter.",
    )
    GuidanceSessionPhoto.objects.create(session=session, image=png_content("s.png"))
    GuidanceSessionRevision.objects.create(
        session=session,
        number=1,
        data={"notes": "Wang first version", "minutes": 90},
        changed_by=agreement.mentor,
    )
    milestone = MilestoneFactory(
        agreement=agreement,
        title="Wang welds a seam",
        signed_off_at=timezone.now(),
        signed_off_by=agreement.mentor,
        evidence="Wang's seam passed.",
        target_date=datetime.date.today(),
    )
    milestone.evidence_file.save("seam.pdf", ContentFile(b"%PDF-1.4 seam"))
    user.world = {
        "certificate": certificate,
        "course": course,
        "agreement": agreement,
        "session": session,
        "milestone": milestone,
    }
    return user
