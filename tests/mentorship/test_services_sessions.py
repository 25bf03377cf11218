import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from lms.errors import DomainError, PermissionDenied
from lms.models import Notification
from mentorship.models import Agreement, GuidanceSession
from mentorship.services import sessions as services

from .factories import AgreementFactory, GuidanceSessionFactory, today

pytestmark = pytest.mark.django_db
T = datetime.time
YESTERDAY = today() - datetime.timedelta(days=1)


def png(name="photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def log(agreement, **overrides):
    kwargs = {
        "agreement": agreement,
        "mentor": agreement.mentor,
        "date": YESTERDAY,
        "start_time": T(9, 0),
        "end_time": T(10, 30),
    }
    kwargs.update(overrides)
    return services.guidance_session_log(**kwargs)


def test_mentor_logs_a_session_with_photo_and_the_apprentice_is_asked():
    agreement = AgreementFactory()
    session = log(agreement, workstation="Robot cell 4", photos=[png()])
    assert session.minutes == 90 and session.status == GuidanceSession.Status.PENDING
    assert session.photos.count() == 1
    assert Notification.objects.filter(
        recipient=agreement.apprentice, key__contains=":confirm:"
    ).exists()


@pytest.mark.parametrize(
    "overrides, code",
    [
        ({"date": today() + datetime.timedelta(days=1)}, "future"),
        ({"end_time": T(9, 4)}, "too_short"),
        ({"start_time": T(6, 0), "end_time": T(18, 1)}, "too_long"),
        ({"start_time": T(10, 0), "end_time": T(9, 0)}, "times"),
        ({"date": today() - datetime.timedelta(days=400)}, "outside_agreement"),
    ],
)
def test_bad_sessions_are_refused(overrides, code):
    agreement = AgreementFactory()
    with pytest.raises(DomainError) as error:
        log(agreement, **overrides)
    assert error.value.code == code
    assert not GuidanceSession.objects.exists()


def test_a_session_later_today_is_in_the_future(monkeypatch):
    """At 10:00, a session from 10:00 to 11:00 today has not taken place yet (the clock
    is set, so the test means the same at any hour of the day)."""
    agreement = AgreementFactory()
    morning = timezone.make_aware(datetime.datetime.combine(today(), T(10, 0)))
    monkeypatch.setattr(timezone, "now", lambda: morning)
    with pytest.raises(DomainError) as error:
        log(agreement, date=today(), start_time=T(10, 0), end_time=T(11, 0))
    assert error.value.code == "future"
    assert not GuidanceSession.objects.exists()


@pytest.mark.parametrize("status", [Agreement.Status.DRAFT, Agreement.Status.COMPLETED])
def test_sessions_only_on_active_agreements(status):
    agreement = AgreementFactory(status=status)
    with pytest.raises(DomainError) as error:
        log(agreement)
    assert error.value.code == "agreement_not_active"


def test_the_apprentice_cannot_log_a_session():
    agreement = AgreementFactory()
    with pytest.raises(PermissionDenied):
        log(agreement, mentor=agreement.apprentice)
    assert not GuidanceSession.objects.exists()


def test_a_not_image_photo_is_refused_and_nothing_saved():
    agreement = AgreementFactory()
    fake = SimpleUploadedFile("x.png", b"not an image", "image/png")
    with pytest.raises(DomainError):
        log(agreement, photos=[fake])
    assert not GuidanceSession.objects.exists()


def test_database_refuses_end_before_start():
    agreement = AgreementFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        GuidanceSessionFactory(
            agreement=agreement, start_time=T(10, 0), end_time=T(9, 0), minutes=60
        )


def test_confirm_then_confirm_again_is_refused():
    session = GuidanceSessionFactory()
    apprentice = session.agreement.apprentice
    services.guidance_session_confirm(session=session, apprentice=apprentice)
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.CONFIRMED
    with pytest.raises(DomainError) as error:
        services.guidance_session_confirm(session=session, apprentice=apprentice)
    assert error.value.code == "already_confirmed"


def test_only_the_apprentice_confirms():
    session = GuidanceSessionFactory()
    with pytest.raises(PermissionDenied):
        services.guidance_session_confirm(session=session, apprentice=session.mentor)


def test_dispute_needs_a_comment_and_tells_the_mentor():
    session = GuidanceSessionFactory()
    apprentice = session.agreement.apprentice
    with pytest.raises(DomainError):
        services.guidance_session_dispute(
            session=session, apprentice=apprentice, comment=""
        )
    services.guidance_session_dispute(
        session=session, apprentice=apprentice, comment="We stopped at 10:00"
    )
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.DISPUTED
    assert Notification.objects.filter(recipient=session.mentor).exists()


def test_a_change_after_confirmation_keeps_the_earlier_version():
    session = GuidanceSessionFactory()
    agreement = session.agreement
    services.guidance_session_confirm(session=session, apprentice=agreement.apprentice)
    services.guidance_session_update(
        session=session,
        mentor=agreement.mentor,
        date=session.date,
        start_time=T(9, 0),
        end_time=T(10, 0),
        topics="Corrected",
    )
    session.refresh_from_db()
    assert session.minutes == 60 and session.status == GuidanceSession.Status.PENDING
    revision = session.revisions.get()
    assert revision.data["minutes"] == 90
    assert revision.data["status"] == "confirmed"
    assert revision.data["topics"] == "Weld seam porosity"
    assert Notification.objects.filter(
        recipient=agreement.apprentice, key__endswith=":confirm:1"
    ).exists()


def test_another_mentor_cannot_change_a_session():
    session = GuidanceSessionFactory()
    other = AgreementFactory().mentor
    with pytest.raises(PermissionDenied):
        services.guidance_session_update(
            session=session,
            mentor=other,
            date=session.date,
            start_time=T(9, 0),
            end_time=T(10, 0),
        )
    assert not session.revisions.exists()
