"""Issue 14.5: private uploads (certificate scans, import files, practical evidence,
session photos, milestone evidence, request attachments) are stored outside the
public media folder and reach people only through views that ask lms.permissions
(the role matrix has their rows: tests/security/matrix/). Photos lose EXIF data and
are turned upright; lists get thumbnails; behind nginx the view hands the file over
with X-Accel-Redirect."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from PIL import Image

from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_submit
from lms.models import CertificateAttachment
from lms.private_files import PrivateStorage, move_to_private, thumbnail_name
from mentorship.models import GuidanceSessionPhoto, ServiceRequestAttachment
from tests.courses import factories as course_f
from tests.lms.certification.factories import (
    ImportBatchFactory,
    SkillCertificateFactory,
)
from tests.mentorship.factories import (
    GuidanceSessionFactory,
    MilestoneFactory,
    ServiceRequestFactory,
)

pytestmark = pytest.mark.django_db


def pdf(name="scan.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 private", "application/pdf")


def jpeg_with_gps_turned(size=(40, 20)) -> bytes:
    """A JPEG whose EXIF says: taken at a GPS position, display rotated 90°."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    exif[0x8825] = {1: "N", 2: (34.0, 16.0, 0.0), 3: "E", 4: (108.0, 56.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def practical_photo(learner):
    course = course_f.course()
    lesson = course_f.lesson(course=course, body=[course_f.practical_block()])
    enrollment = enrollment_create(user=learner, course=course)
    submission = practical_submit(
        enrollment=enrollment,
        lesson=lesson,
        task_id="task1",
        text="Done.",
        photos=[course_f.png()],
    )
    return submission.photos.get().image


def stored_files(learner):
    """One stored file of every private kind."""
    certificate = SkillCertificateFactory(holder=learner)
    session = GuidanceSessionFactory()
    return {
        "certificate scan": CertificateAttachment.objects.create(
            certificate=certificate, file=pdf()
        ).file,
        "import file": ImportBatchFactory().file,
        "practical photo": practical_photo(learner),
        "session photo": GuidanceSessionPhoto.objects.create(
            session=session, image=course_f.png()
        ).image,
        "milestone evidence": MilestoneFactory(
            evidence_file=pdf("e.pdf")
        ).evidence_file,
        "request attachment": ServiceRequestAttachment.objects.create(
            request=ServiceRequestFactory(), file=pdf("a.pdf"), original_name="a.pdf"
        ).file,
    }


def test_no_private_file_is_under_the_public_media_folder(settings, learner):
    """What nginx's /media/ (or Django's static serve) would answer is a 404."""
    for kind, field_file in stored_files(learner).items():
        assert isinstance(field_file.storage, PrivateStorage), kind
        assert field_file.path.startswith(settings.PRIVATE_MEDIA_ROOT), kind
        assert os.path.isfile(field_file.path), kind
        request = RequestFactory().get(f"/media/{field_file.name}")
        with pytest.raises(Http404):
            serve(request, field_file.name, document_root=settings.MEDIA_ROOT)
        with pytest.raises(ValueError):
            field_file.url  # no public address to print by mistake  # noqa: B018


def test_the_certificate_page_links_the_scan_through_its_view(client, learner):
    certificate = SkillCertificateFactory(holder=learner)
    scan = CertificateAttachment.objects.create(certificate=certificate, file=pdf())
    client.force_login(learner)
    page = client.get(reverse("certification:detail", args=[certificate.pk]))
    view = reverse("certification:attachment", args=[certificate.pk, scan.pk])
    assert view in page.content.decode()
    assert "/media/" not in page.content.decode()
    response = client.get(view)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 private"


def test_behind_nginx_the_view_answers_with_an_internal_redirect(
    client, settings, learner
):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/protected/"
    certificate = SkillCertificateFactory(holder=learner)
    scan = CertificateAttachment.objects.create(certificate=certificate, file=pdf())
    client.force_login(learner)
    response = client.get(
        reverse("certification:attachment", args=[certificate.pk, scan.pk])
    )
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{scan.file.name}"
    assert response.content == b""  # nginx sends the bytes, not Python


def test_a_photo_loses_its_exif_and_is_turned_upright(client):
    session = GuidanceSessionFactory()
    photo = GuidanceSessionPhoto.objects.create(
        session=session,
        image=SimpleUploadedFile("p.jpg", jpeg_with_gps_turned(), "image/jpeg"),
    )
    with photo.image.open("rb") as handle, Image.open(handle) as stored:
        assert stored.size == (20, 40)  # upright
        assert not stored.getexif()  # no GPS, no orientation, nothing
    client.force_login(session.agreement.apprentice)
    url = reverse("mentorship:session_photo", args=[photo.pk])
    thumb = client.get(url, {"size": "thumb"})
    assert thumb.status_code == 200
    with Image.open(io.BytesIO(b"".join(thumb.streaming_content))) as small:
        assert max(small.size) <= 192
    assert photo.image.storage.exists(thumbnail_name(photo.image.name))


def test_an_avatar_stays_public_but_loses_its_exif(learner):
    """Avatars are shown to colleagues beside the name: public, without EXIF."""
    learner.avatar = SimpleUploadedFile("me.jpg", jpeg_with_gps_turned(), "image/jpeg")
    learner.save()
    assert learner.avatar.url.startswith("/media/")
    with learner.avatar.open("rb") as handle, Image.open(handle) as stored:
        assert stored.size == (20, 40) and not stored.getexif()


def test_the_data_migration_moves_files_uploaded_before_it(settings):
    from django.apps import apps

    batch = ImportBatchFactory()
    private_path = batch.file.path
    public_path = os.path.join(settings.MEDIA_ROOT, batch.file.name)
    os.makedirs(os.path.dirname(public_path), exist_ok=True)
    os.replace(private_path, public_path)  # where it was before this change
    forwards, _backwards = move_to_private(("lms.ImportBatch", "file"))
    forwards(apps, None)
    forwards(apps, None)  # again: nothing left to move, nothing breaks
    assert os.path.isfile(private_path) and not os.path.exists(public_path)
