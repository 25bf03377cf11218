"""Markup a person types into a text that others see is shown as text: display
names, session notes, service requests, practical evidence, milestone titles,
agreement goals and certificate import rows. No page of ours carries the payload as
live markup, and the PDFs built from the same texts still render."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import PracticalSubmission
from lms.certification.services import imports
from lms.models import ImportBatch
from tests.courses import factories as course_f
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, OccupationFactory
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MilestoneFactory,
    ServiceRequestFactory,
    coordinator,
)

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "attribute": '"><img src=x onerror=alert(1)>',
}
LIVE_MARKUP = ("<script>alert(1)", "<img src=x onerror", "onerror=alert(1)>")


def assert_escaped(html: str, where: str) -> None:
    for raw in LIVE_MARKUP:
        assert raw not in html, f"{raw!r} unescaped on {where}"


def build(payload: str, capture) -> dict:
    """Every text field a person writes for others, holding the payload."""
    enterprise = EnterpriseFactory()
    occupation = OccupationFactory(code="6-18-02-04")
    worker = worker_of(
        enterprise, "E-1", email="w@example.com", display_name=f"Wang {payload}"
    )
    SkillCertificateFactory(holder=worker, occupation=occupation)

    teacher = course_f.mentor()
    course = course_f.course(title="Welding", instructors=[teacher])
    lesson = course_f.lesson(course=course, body=[course_f.practical_block()])
    submission = PracticalSubmission.objects.create(
        enrollment=course_f.enrollment(user=worker, course=course),
        lesson=lesson,
        task_id="task1",
        text=f"I welded {payload}",
    )

    witness = coordinator()
    agreement = AgreementFactory(
        apprentice=worker,
        enterprise=enterprise,
        coordinator=witness,
        goals=f"Goals {payload}",
        membership=False,
    )
    MilestoneFactory(agreement=agreement, title=f"Milestone {payload}")
    GuidanceSessionFactory(
        agreement=agreement, notes=f"Notes {payload}", topics=f"Topics {payload}"
    )
    request = ServiceRequestFactory(
        enterprise=enterprise,
        posted_by=hr_of(enterprise),
        title=f"Request {payload}",
        problem=f"Problem {payload}",
        site=f"Site {payload}",
    )

    officer_user = officer()
    cell = '"' + payload.replace('"', '""') + '"'
    row = f"{cell},w@example.com,{cell},6-18-02-04,3,2024-01-01,{cell}\n"
    # The same number twice: the row error quotes it on the import page.
    csv = "number,email,name,occupation_code,level,issued_on,detail\n" + row * 2
    with capture(execute=True):
        batch = imports.import_batch_create(
            actor=officer_user,
            upload=SimpleUploadedFile(f"{payload}.csv", csv.encode()),
            issuer_kind="outside",
            issuer_name=f"Centre {payload}",
            enterprise=enterprise,
        )
    return {
        "worker": worker,
        "teacher": teacher,
        "submission": submission,
        "agreement": agreement,
        "mentor": agreement.mentor,
        "coordinator": witness,
        "request": request,
        "hr": hr_of(enterprise),
        "officer": officer_user,
        "batch": ImportBatch.objects.get(pk=batch.pk),
    }


def pages(w: dict) -> list[tuple[object, str]]:
    agreement = w["agreement"].pk
    return [
        (w["mentor"], reverse("mentorship:mentor_dashboard")),
        (w["mentor"], reverse("mentorship:agreement_detail", args=[agreement])),
        (w["mentor"], reverse("mentorship:agreement_progress", args=[agreement])),
        (w["mentor"], reverse("mentorship:agreement_print", args=[agreement])),
        (w["coordinator"], reverse("mentorship:agreement_list")),
        (w["coordinator"], reverse("mentorship:request_list")),
        (
            w["coordinator"],
            reverse("mentorship:request_detail", args=[w["request"].pk]),
        ),
        (w["teacher"], reverse("courses:practical_reviews")),
        (
            w["teacher"],
            reverse("courses:practical_review", args=[w["submission"].pk]),
        ),
        (w["hr"], reverse("certification:board")),
        (w["hr"], reverse("certification:worker", args=[w["worker"].pk])),
        (w["officer"], reverse("certification:imports")),
        (w["officer"], reverse("certification:import_detail", args=[w["batch"].pk])),
    ]


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_pages_show_what_people_typed_as_text(
    client, payload, django_capture_on_commit_callbacks
):
    world = build(payload, django_capture_on_commit_callbacks)
    assert world["batch"].status == ImportBatch.Status.INVALID
    seen_escaped = 0
    for viewer, url in pages(world):
        client.force_login(viewer)
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_escaped(html, url)
        seen_escaped += "alert(1)" in html
    assert seen_escaped >= len(pages(world)) - 1  # the payloads are on the pages


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_pdfs_built_from_the_same_texts_still_render(
    client, payload, django_capture_on_commit_callbacks
):
    """The PDF libraries read markup in paragraphs: a payload must not break them."""
    world = build(payload, django_capture_on_commit_callbacks)
    client.force_login(world["mentor"])
    response = client.get(
        reverse("mentorship:agreement_pdf", args=[world["agreement"].pk])
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    certificate = world["worker"].skill_certificates.get()
    client.force_login(world["worker"])
    response = client.get(reverse("certification:pdf", args=[certificate.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
