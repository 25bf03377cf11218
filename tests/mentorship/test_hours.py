import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms import providers
from lms.spreadsheets import spreadsheet_response
from mentorship import hours, selectors
from mentorship.models import ServiceRequest

from .factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    MilestoneFactory,
    ServiceRequestFactory,
    today,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def no_courses(monkeypatch):
    monkeypatch.setattr(hours, "completed_course_hours", lambda user: [])


def test_only_confirmed_sessions_count_for_the_apprentice(no_courses):
    agreement = AgreementFactory()
    GuidanceSessionFactory(agreement=agreement, status="confirmed")
    GuidanceSessionFactory(agreement=agreement, status="pending")
    GuidanceSessionFactory(agreement=agreement, status="disputed", dispute_comment="x")
    entries = hours.hours_entries(user=agreement.apprentice)
    assert [(e.category, e.hours) for e in entries] == [("guidance", Decimal("1.5"))]
    assert hours.hours_entries(user=agreement.mentor) == []


def test_record_joins_guidance_visits_and_courses_by_month(monkeypatch):
    agreement = AgreementFactory()
    last_month = today().replace(day=1) - DAY
    GuidanceSessionFactory(agreement=agreement, status="confirmed", date=last_month)
    monkeypatch.setattr(
        hours,
        "completed_course_hours",
        lambda user: [(today(), Decimal("12"), "Welding robots")],
    )
    entries = hours.hours_entries(user=agreement.apprentice)
    summary = hours.hours_summary(entries)
    assert summary["total"] == Decimal("13.5")
    assert [row["month"] for row in summary["rows"]] == [
        today().replace(day=1),
        last_month.replace(day=1),
    ]
    assert summary["rows"][0]["cells"] == [0, 0, Decimal("12")]


def test_confirmed_visits_count_for_the_mentor(no_courses):
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        status=ServiceRequest.Status.CONFIRMED,
        occupation=trade.occupation,
        assigned_mentor=trade.user,
        rating=5,
    )
    GuidanceSessionFactory(
        agreement=None, service_request=request, mentor=trade.user, status="confirmed"
    )
    entries = hours.hours_entries(user=trade.user)
    assert [e.category for e in entries] == ["visits"]
    figures = selectors.mentor_figures(user=trade.user)
    assert figures["service_requests_solved"] == 1
    assert figures["guidance_hours"] == Decimal("1.5")


def test_csv_and_xlsx_neutralise_formulas():
    entries = [
        hours.HoursEntry(today(), "courses", Decimal(2), '=HYPERLINK("http://x")'),
        hours.HoursEntry(today(), "courses", Decimal(1), "+SUM(A1)"),
    ]
    csv_file = spreadsheet_response(hours.export_rows(entries), fmt="csv", filename="h")
    text = b"".join(csv_file.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+SUM(A1)" in text
    xlsx = spreadsheet_response(hours.export_rows(entries), fmt="xlsx", filename="h")
    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert '\'=HYPERLINK("http://x")' in values and "'+SUM(A1)" in values
    assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in values)


def test_export_downloads_for_someone_who_may_see(client, no_courses):
    session = GuidanceSessionFactory(status="confirmed")
    client.force_login(session.agreement.mentor)
    apprentice = session.agreement.apprentice
    csv_response = client.get(
        reverse("mentorship:hours_export", args=(apprentice.pk, "csv"))
    )
    assert csv_response.status_code == 200
    assert "attachment" in csv_response["Content-Disposition"]
    xlsx = client.get(reverse("mentorship:hours_export", args=(apprentice.pk, "xlsx")))
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"
    bad = client.get(reverse("mentorship:hours_export", args=(apprentice.pk, "exe")))
    assert bad.status_code == 404


def test_providers_report_hours_and_signoffs(no_courses):
    milestone = MilestoneFactory(skill_level=3)
    apprentice = milestone.agreement.apprentice
    GuidanceSessionFactory(agreement=milestone.agreement, status="confirmed")
    assert providers.mentor_signoffs(apprentice) == set()
    milestone.signed_off_at = milestone.agreement.created_at
    milestone.signed_off_by = milestone.agreement.mentor
    milestone.evidence = "Done"
    milestone.save()
    assert providers.mentor_signoffs(apprentice) == {(milestone.occupation_id, 3)}
    assert providers.training_hours(apprentice) == Decimal("1.5")


def test_platform_figures_count_active_mentorships():
    AgreementFactory()
    AgreementFactory(status="completed")
    assert selectors.platform_mentorship_figures()["active_mentorships"] == 1
