"""Certificate pages: the board's scope, filters and fixed query count; streamed
exports with formulas neutralised; bulk look-up; recording by hand; the PDF."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.models import SkillCertificate
from tests.lms.certification.factories import (
    SkillCertificateFactory,
    hr_of,
    officer,
    worker_of,
)
from tests.lms.factories import EnterpriseFactory, OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    enterprise = EnterpriseFactory()
    hr = hr_of(enterprise)
    client.force_login(hr)
    soon = datetime.date.today() + datetime.timedelta(days=20)
    mine = SkillCertificateFactory(
        holder=worker_of(enterprise, "E-1", display_name="=HYPERLINK(evil)"),
        valid_until=soon,
        number="-NUM-1",
    )
    other = SkillCertificateFactory(holder=worker_of(EnterpriseFactory(), "E-1"))
    return {"client": client, "enterprise": enterprise, "mine": mine, "other": other}


def test_board_shows_only_the_hr_enterprise_workers(board):
    body = board["client"].get(reverse("certification:board")).content.decode()
    assert board["mine"].number in body
    assert board["other"].number not in body


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"status": "expiring"}, True),
        ({"status": "valid"}, False),
        ({"expiring": "30"}, True),
        ({"level": "4"}, True),
        ({"level": "2"}, False),
        ({"q": "E-1"}, True),
        ({"q": "nobody"}, False),
    ],
)
def test_board_filters(board, params, found):
    body = board["client"].get(reverse("certification:board"), params).content
    assert (board["mine"].number.encode() in body) is found


def count_queries(fn) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        fn()
    return len(context.captured_queries)


def test_board_costs_the_same_queries_for_1_or_many_rows(board):
    """Counted with every cache cold (cleared) and warm: the same for one row or
    many, and the warm page skips at least the GROUP BY and the occupations."""
    from django.core.cache import cache

    def page():
        assert board["client"].get(reverse("certification:board")).status_code == 200

    page()  # warm the session and role caches
    cache.clear()
    cold = count_queries(page)
    warm = count_queries(page)
    for _ in range(15):
        SkillCertificateFactory(
            holder=worker_of(board["enterprise"]), occupation=OccupationFactory()
        )
    cache.clear()
    assert count_queries(page) == cold <= 15  # 15: the inbox's unread count
    assert count_queries(page) == warm <= cold - 2


def test_csv_export_streams_and_neutralises_formulas(board):
    response = board["client"].get(reverse("certification:export_csv"))
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in text and "'-NUM-1" in text
    assert board["other"].number not in text


def test_export_query_count_is_fixed(board):
    def export():
        response = board["client"].get(reverse("certification:export_csv"))
        b"".join(response.streaming_content)

    export()
    one = count_queries(export)
    for _ in range(10):
        SkillCertificateFactory(holder=worker_of(board["enterprise"]))
    export()  # new occupations changed the content version: shared caches refill
    assert count_queries(export) == one <= 10


def test_bulk_lookup_reports_outsiders_as_not_found(board):
    outsider = board["other"].holder
    response = board["client"].post(
        reverse("certification:lookup"),
        {"identifiers": f"E-1\n{outsider.email}\nE-404"},
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[1].startswith("E-1,found")
    assert lines[2].startswith(f"{outsider.email},not found")
    assert lines[3].startswith("E-404,not found")


def test_officer_records_a_certificate_with_a_pdf_scan(client):
    client.force_login(officer())
    holder = UserFactory()
    response = client.post(
        reverse("certification:record"),
        {
            "holder_email": holder.email,
            "occupation": OccupationFactory().pk,
            "level": 3,
            "number": "OUT-1",
            "issuer_kind": "outside",
            "issuer_name": "Appraisal Centre",
            "issued_on": "2025-01-01",
            "valid_until": "2028-01-01",
            "evidence_kind": "appraisal",
            "attachment": SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scan"),
        },
    )
    certificate = SkillCertificate.objects.get()
    assert response.status_code == 302
    assert certificate.attachments.count() == 1


def test_record_refuses_a_fake_scan_and_an_unknown_holder(client):
    client.force_login(officer())
    response = client.post(
        reverse("certification:record"),
        {
            "holder_email": "ghost@example.com",
            "attachment": SimpleUploadedFile("scan.png", b"not an image"),
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "holder_email" in form.errors and "attachment" in form.errors
    assert not SkillCertificate.objects.exists()


def test_holder_downloads_a_pdf_with_a_qr_code(client):
    certificate = SkillCertificateFactory()
    client.force_login(certificate.holder)
    response = client.get(reverse("certification:pdf", args=[certificate.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_revoke_without_reason_answers_400_and_changes_nothing(client):
    certificate = SkillCertificateFactory()
    client.force_login(officer())
    url = reverse("certification:change_status", args=[certificate.pk, "revoke"])
    assert client.post(url, {"reason": ""}).status_code == 400
    certificate.refresh_from_db()
    assert not certificate.revoked
