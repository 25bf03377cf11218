import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.roles import Role
from mentorship.models import Agreement, GuidanceSession, Milestone, ServiceRequest
from tests.lms.factories import MembershipFactory, OccupationFactory, UserFactory
from tests.lms.helpers import give_totp, pdf_fonts, pdf_text

from .factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    ServiceRequestFactory,
    coordinator,
    mentor,
    today,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"mentorship:{name}", args=args)


def test_coordinator_sets_up_an_agreement_through_the_form(client):
    union = coordinator()
    apprentice = UserFactory(email="li.junle@example.com")
    membership = MembershipFactory(user=apprentice)
    yi_ran = mentor()
    client.force_login(union)
    response = client.post(
        url("agreement_create"),
        {
            "mentor": yi_ran.pk,
            "apprentice_email": "LI.JUNLE@example.com",
            "enterprise": membership.enterprise_id,
            "occupation": OccupationFactory().pk,
            "goals": "Solve production problems",
            "start_date": today().isoformat(),
            "end_date": (today() + datetime.timedelta(days=90)).isoformat(),
            "cadence": "weekly",
            "planned_hours": "30",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert agreement.apprentice == apprentice
    assert agreement.coordinator == union


def test_agreement_form_with_an_unknown_apprentice_shows_the_error(client):
    client.force_login(coordinator())
    response = client.post(url("agreement_create"), {"apprentice_email": "x@y.cn"})
    assert response.status_code == 400
    assert "Nobody with this e-mail address" in response.content.decode()
    assert not Agreement.objects.exists()


def test_double_submitted_sign_button_is_refused_with_a_message(client):
    agreement = AgreementFactory(status=Agreement.Status.AWAITING_SIGNATURES)
    client.force_login(agreement.apprentice)
    assert client.post(url("agreement_sign", agreement.pk)).status_code == 302
    response = client.post(url("agreement_sign", agreement.pk))
    assert response.status_code == 400
    assert "already signed" in response.content.decode()
    assert agreement.signatures.count() == 1


def test_mentor_logs_a_session_from_the_phone_form(client):
    agreement = AgreementFactory()
    client.force_login(agreement.mentor)
    form = client.get(url("session_log", agreement.pk))
    assert form.context["form"].initial["date"] == today()
    response = client.post(
        url("session_log", agreement.pk),
        {
            "date": (today() - datetime.timedelta(days=1)).isoformat(),
            "start_time": "08:00",
            "end_time": "09:15",
            "workstation": "Robot cell 2",
        },
    )
    assert response.status_code == 302
    assert GuidanceSession.objects.get().minutes == 75


def test_a_session_in_the_future_is_refused_on_the_form(client):
    agreement = AgreementFactory()
    client.force_login(agreement.mentor)
    response = client.post(
        url("session_log", agreement.pk),
        {
            "date": (today() + datetime.timedelta(days=2)).isoformat(),
            "start_time": "08:00",
            "end_time": "09:00",
        },
    )
    assert response.status_code == 400
    assert "once it has taken place" in response.content.decode()
    assert not GuidanceSession.objects.exists()


def test_apprentice_cannot_log_a_session(client):
    agreement = AgreementFactory()
    client.force_login(agreement.apprentice)
    response = client.post(
        url("session_log", agreement.pk),
        {"date": today().isoformat(), "start_time": "08:00", "end_time": "09:00"},
    )
    assert response.status_code == 403
    assert not GuidanceSession.objects.exists()


def test_apprentice_confirms_and_disputes_sessions(client):
    first = GuidanceSessionFactory()
    second = GuidanceSessionFactory(agreement=first.agreement)
    client.force_login(first.agreement.apprentice)
    assert client.post(url("session_confirm", first.pk)).status_code == 302
    response = client.post(url("session_dispute", second.pk), {"comment": "Too long"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "confirmed" and second.status == "disputed"


def test_hr_of_another_enterprise_cannot_open_the_progress_page(client):
    agreement = AgreementFactory()
    other_hr = give_totp(UserFactory(roles=[Role.HR]))
    MembershipFactory(user=other_hr, role="hr")
    client.force_login(other_hr)
    assert client.get(url("agreement_progress", agreement.pk)).status_code == 404


def test_progress_page_shows_hours_chart_and_milestones(client):
    session = GuidanceSessionFactory(status="confirmed")
    Milestone.objects.create(
        agreement=session.agreement,
        title="Operate the welding robot",
        target_date=today() - datetime.timedelta(days=1),
        occupation=session.agreement.occupation,
        skill_level=3,
    )
    client.force_login(session.agreement.apprentice)
    response = client.get(url("agreement_progress", session.agreement.pk))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "Overdue" in body
    assert response.context["hours_confirmed"] == 1.5


def test_pdf_has_the_terms_in_the_one_embedded_font(client, tmp_path):
    agreement = AgreementFactory(goals="焊接机器人 · Welding robots")
    client.force_login(agreement.coordinator)
    response = client.get(url("agreement_pdf", agreement.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "焊接机器人 · Welding robots" in pdf_text(response.content)
    rows = pdf_fonts(response.content, tmp_path)
    assert rows and all(row[-5] == "yes" for row in rows), rows


def test_enterprise_posts_a_request_with_an_attachment(client, hr_user, enterprise):
    client.force_login(hr_user)
    response = client.post(
        url("request_create"),
        {
            "enterprise": enterprise.pk,
            "title": "Non-standard parts processing",
            "problem": "Hole positions out of tolerance",
            "occupation": OccupationFactory().pk,
            "site": "Cell 5",
            "urgency": "normal",
            "attachments": [
                SimpleUploadedFile("d.pdf", b"%PDF-1.4", "application/pdf")
            ],
        },
    )
    assert response.status_code == 302
    request = ServiceRequest.objects.get()
    assert request.attachments.count() == 1 and request.events.count() == 1


def test_request_form_refuses_a_fake_image(client, hr_user, enterprise):
    client.force_login(hr_user)
    response = client.post(
        url("request_create"),
        {
            "enterprise": enterprise.pk,
            "title": "T",
            "problem": "P",
            "occupation": OccupationFactory().pk,
            "site": "S",
            "urgency": "normal",
            "attachments": [SimpleUploadedFile("x.jpg", b"<script>", "image/jpeg")],
        },
    )
    assert response.status_code == 400
    assert not ServiceRequest.objects.exists()


def test_out_of_order_step_on_a_request_is_refused_with_a_message(client):
    request = ServiceRequestFactory(status=ServiceRequest.Status.CANCELLED)
    client.force_login(coordinator())
    response = client.post(url("request_publish", request.pk))
    assert response.status_code == 400
    assert "not possible" in response.content.decode()
    request.refresh_from_db()
    assert request.status == "cancelled"


def test_mentor_sees_published_requests_of_their_trade_only(client):
    trade = MentorTradeFactory()
    mine = ServiceRequestFactory(status="published", occupation=trade.occupation)
    other = ServiceRequestFactory(status="published")
    client.force_login(trade.user)
    response = client.get(url("request_list"))
    shown = set(response.context["page"].object_list)
    assert shown == {mine}
    assert client.get(url("request_detail", other.pk)).status_code == 404


def test_rating_outside_one_to_five_is_a_form_error(client, hr_user, enterprise):
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        status="closed",
        enterprise=enterprise,
        occupation=trade.occupation,
        assigned_mentor=trade.user,
    )
    client.force_login(hr_user)
    response = client.post(url("request_confirm", request.pk), {"rating": "9"})
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == "closed"


def test_coordinator_records_and_removes_a_mentors_trade(client):
    yi_ran, welder = mentor(), OccupationFactory()
    client.force_login(coordinator())
    data = {"mentor": yi_ran.pk, "occupation": welder.pk}
    assert client.post(url("mentor_trades"), data).status_code == 302
    assert client.post(url("mentor_trades"), data).status_code == 302  # idempotent
    assert list(yi_ran.mentor_trades.values_list("occupation", flat=True)) == [
        welder.pk
    ]
    client.post(url("mentor_trades"), {**data, "remove": "1"})
    assert not yi_ran.mentor_trades.exists()


def test_progress_page_lists_certificates_gained_during_the_agreement(client):
    from lms.models import SkillCertificate

    agreement = AgreementFactory()
    common = {
        "holder": agreement.apprentice,
        "occupation": agreement.occupation,
        "level": 4,
        "issuer_name": "Union appraisal centre",
    }
    gained = SkillCertificate.objects.create(
        number="A-1", issued_on=agreement.start_date, **common
    )
    SkillCertificate.objects.create(
        number="A-0",
        issued_on=agreement.start_date - datetime.timedelta(days=400),
        **common,
    )
    client.force_login(agreement.apprentice)
    response = client.get(url("agreement_progress", agreement.pk))
    assert response.context["certificates"] == [gained]
