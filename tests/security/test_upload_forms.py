"""Every upload form, sent bad files (random bytes, truncated images, a
decompression bomb, markup named as an image): a 4xx page that says what is wrong
(never a 500), and nothing saved."""

import datetime

import pytest
from django.urls import reverse

from courses.models import PracticalSubmission
from lms.models import ImportBatch, SkillCertificate
from mentorship.models import GuidanceSession, ServiceRequest
from tests.courses import factories as course_f
from tests.lms.certification.factories import hr_of, officer
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory
from tests.mentorship.factories import AgreementFactory, MilestoneFactory

from .uploads import BAD_FILES, image_bytes, upload

pytestmark = pytest.mark.django_db

CASES = {**BAD_FILES, "gif-html-polyglot": ("evil.html", image_bytes("GIF"))}


def files(case: str):
    name, data = CASES[case]
    return upload(data, name)


MESSAGES = (
    "not an image we can read",
    "megapixels",
    "Attach a",
    "do not match",
)


def shows_an_error(response) -> bool:
    """The page names the problem in words (the validators' messages)."""
    html = response.content.decode()
    return any(message in html for message in MESSAGES)


@pytest.mark.parametrize("case", CASES)
def test_avatar(client, learner, case):
    client.force_login(learner)
    response = client.post(
        reverse("lms:profile"),
        {"display_name": "Li", "preferred_language": "en", "avatar": files(case)},
    )
    assert response.status_code == 200 and response.context["form"].errors["avatar"]
    learner.refresh_from_db()
    assert not learner.avatar


@pytest.mark.parametrize("case", CASES)
def test_practical_evidence(client, learner, case):
    course = course_f.course()
    lesson = course_f.lesson(course=course, body=[course_f.practical_block()])
    course_f.enrollment(user=learner, course=course)
    client.force_login(learner)
    response = client.post(
        reverse("courses:practical_submit", args=[lesson.pk, "task1"]),
        {"text": "Cleaned", "photos": [files(case)]},
    )
    assert 400 <= response.status_code < 500 and shows_an_error(response)
    assert not PracticalSubmission.objects.exists()


@pytest.mark.parametrize("case", CASES)
def test_session_photos(client, case):
    agreement = AgreementFactory()
    client.force_login(agreement.mentor)
    response = client.post(
        reverse("mentorship:session_log", args=[agreement.pk]),
        {
            "date": (datetime.date.today() - datetime.timedelta(days=1)).isoformat(),
            "start_time": "09:00",
            "end_time": "10:00",
            "topics": "Seams",
            "photos": [files(case)],
        },
    )
    assert 400 <= response.status_code < 500 and shows_an_error(response)
    assert not GuidanceSession.objects.exists()


@pytest.mark.parametrize("case", CASES)
def test_milestone_evidence_file(client, case):
    milestone = MilestoneFactory()
    client.force_login(milestone.agreement.mentor)
    response = client.post(
        reverse("mentorship:milestone_sign_off", args=[milestone.pk]),
        {"evidence": "Welded", "evidence_file": files(case)},
    )
    assert 400 <= response.status_code < 500 and shows_an_error(response)
    milestone.refresh_from_db()
    assert milestone.signed_off_at is None and not milestone.evidence_file


@pytest.mark.parametrize("case", CASES)
def test_service_request_attachments(client, case):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    client.force_login(hr)
    response = client.post(
        reverse("mentorship:request_create"),
        {
            "enterprise": enterprise.pk,
            "title": "Vibration",
            "problem": "The winder shakes.",
            "occupation": OccupationFactory().pk,
            "site": "Workshop 3",
            "urgency": "normal",
            "attachments": [files(case)],
        },
    )
    assert 400 <= response.status_code < 500 and shows_an_error(response)
    assert not ServiceRequest.objects.exists()


@pytest.mark.parametrize("case", CASES)
def test_certificate_scan(client, case):
    holder = UserFactory(email="holder@example.com")
    client.force_login(officer())
    response = client.post(
        reverse("certification:record"),
        {
            "holder_email": holder.email,
            "occupation": OccupationFactory().pk,
            "level": 3,
            "number": "N-1",
            "issuer_kind": "outside",
            "issuer_name": "Centre",
            "issued_on": "2024-01-01",
            "evidence_kind": "appraisal",
            "attachment": files(case),
        },
    )
    assert 400 <= response.status_code < 500 or response.status_code == 200
    assert response.context["form"].errors["attachment"]
    assert not SkillCertificate.objects.exists()


def test_a_certificate_scan_that_is_a_pdf_named_html_is_refused(client):
    client.force_login(officer())
    response = client.post(
        reverse("certification:record"),
        {"attachment": upload(b"%PDF-1.4 <script>alert(1)</script>", "scan.html")},
    )
    assert response.context["form"].errors["attachment"]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("results.csv", bytes(range(256)) * 8),
        ("results.xlsx", b"PK\x03\x04" + bytes(range(256)) * 4),
        ("results.csv", b"number,level\n\x00\x00,9\n"),
        ("results.png", image_bytes("PNG")),
    ],
    ids=["binary-csv", "broken-xlsx", "nul-csv", "image"],
)
def test_certificate_import_file(
    client, django_capture_on_commit_callbacks, name, data
):
    """Refused by the form (type) or checked by the task: never a 500, and a batch
    that reads as invalid or failed with its reason."""
    user = officer()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("certification:import_upload"),
            {
                "file": upload(data, name),
                "issuer_kind": "outside",
                "issuer_name": "Centre",
                "evidence_kind": "appraisal",
            },
        )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert response.context["form"].errors
        return
    batch = ImportBatch.objects.get()
    assert batch.status in (ImportBatch.Status.INVALID, ImportBatch.Status.FAILED)
    assert batch.summary or batch.errors
    assert client.get(response.url).status_code == 200
