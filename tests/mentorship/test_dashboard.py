"""Mentorship's panels on the start page (lms:dashboard): the apprentice confirms or
disputes from there, the mentor logs a session in one tap, the coordinator and HR
see counts that link to the lists they count; ending an agreement asks first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.roles import Role
from mentorship.models import Agreement, AgreementSignature, GuidanceSession
from mentorship.models import ServiceRequest as SR
from tests.lms.factories import MembershipFactory, UserFactory
from tests.lms.helpers import give_totp
from tests.mentorship.factories import (
    AgreementFactory,
    GuidanceSessionFactory,
    MentorTradeFactory,
    MilestoneFactory,
    ServiceRequestFactory,
    coordinator,
    mentor,
    today,
)

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("lms:dashboard")


def page(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def test_apprentice_sees_sessions_to_confirm_with_confirm_and_dispute(client):
    session = GuidanceSessionFactory()
    html = page(client, session.agreement.apprentice)
    assert reverse("mentorship:session_confirm", args=[session.pk]) in html
    assert reverse("mentorship:session_dispute", args=[session.pk]) in html
    assert f'name="next" value="{DASHBOARD}"' in html
    assert "1 session waits for your confirmation" in html


def test_confirm_from_the_dashboard_confirms_and_returns_there(client):
    session = GuidanceSessionFactory()
    client.force_login(session.agreement.apprentice)
    response = client.post(
        reverse("mentorship:session_confirm", args=[session.pk]), {"next": DASHBOARD}
    )
    assert response.status_code == 302 and response.url == DASHBOARD
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.CONFIRMED
    assert reverse("mentorship:session_confirm", args=[session.pk]) not in page(
        client, session.agreement.apprentice
    )


def test_a_next_to_another_site_is_ignored(client):
    """An outside address in ``next`` falls back to the agreement page."""
    session = GuidanceSessionFactory()
    client.force_login(session.agreement.apprentice)
    response = client.post(
        reverse("mentorship:session_confirm", args=[session.pk]),
        {"next": "https://evil.example/"},
    )
    assert response.url == reverse(
        "mentorship:agreement_detail", args=[session.agreement_id]
    )


def test_dispute_from_the_dashboard_returns_there(client):
    session = GuidanceSessionFactory()
    client.force_login(session.agreement.apprentice)
    url = reverse("mentorship:session_dispute", args=[session.pk])
    form = client.get(url, {"next": DASHBOARD}).content.decode()
    assert f'name="next" value="{DASHBOARD}"' in form
    response = client.post(url, {"comment": "It ended at ten.", "next": DASHBOARD})
    assert response.status_code == 302 and response.url == DASHBOARD
    session.refresh_from_db()
    assert session.status == GuidanceSession.Status.DISPUTED


def test_mentor_logs_a_session_in_one_tap_per_agreement(client):
    """One active agreement: a plain "Log a session"; several: one button per
    apprentice, each opening that agreement's session form."""
    agreement = AgreementFactory()
    html = page(client, agreement.mentor)
    assert reverse("mentorship:session_log", args=[agreement.pk]) in html
    assert "Log a session</a>" in html
    other = AgreementFactory(mentor=agreement.mentor)
    AgreementFactory(mentor=agreement.mentor, status=Agreement.Status.COMPLETED)
    html = page(client, agreement.mentor)
    for a in (agreement, other):
        assert reverse("mentorship:session_log", args=[a.pk]) in html
        assert f"Log a session with {a.apprentice}" in html
    assert html.count('class="button big"') == 2


def test_mentor_counts_link_to_their_lists(client):
    agreement = AgreementFactory()
    GuidanceSessionFactory(agreement=agreement)
    GuidanceSessionFactory(agreement=agreement)
    MilestoneFactory(
        agreement=agreement, target_date=today() - datetime.timedelta(days=3)
    )
    trade = MentorTradeFactory(user=agreement.mentor)
    ServiceRequestFactory(occupation=trade.occupation, status=SR.Status.PUBLISHED)
    html = page(client, agreement.mentor)
    dashboard = reverse("mentorship:mentor_dashboard")
    assert f'href="{dashboard}#pending"><strong>2</strong>' in html
    assert f'href="{dashboard}#overdue"><strong>1</strong>' in html
    assert f'href="{dashboard}#requests"><strong>1</strong>' in html


def test_coordinator_counts_agreements_to_approve_and_requests(client):
    boss = coordinator()
    signed = AgreementFactory(
        coordinator=boss, status=Agreement.Status.AWAITING_SIGNATURES
    )
    for party, signer in (("mentor", signed.mentor), ("apprentice", signed.apprentice)):
        AgreementSignature.objects.create(agreement=signed, party=party, signer=signer)
    AgreementFactory(coordinator=boss, status=Agreement.Status.AWAITING_SIGNATURES)
    AgreementFactory(coordinator=boss, status=Agreement.Status.DRAFT)
    ServiceRequestFactory()  # submitted: to publish
    html = page(client, boss)
    agreements = reverse("mentorship:agreement_list")
    requests = reverse("mentorship:request_list")
    assert f'href="{agreements}?status=awaiting"><strong>1</strong>' in html
    assert f'href="{agreements}?status=draft"><strong>1</strong>' in html
    assert f'href="{requests}?status=submitted"><strong>1</strong>' in html


def test_agreement_list_narrows_to_the_status_a_count_links_to(client):
    boss = coordinator()
    draft = AgreementFactory(coordinator=boss, status=Agreement.Status.DRAFT)
    active = AgreementFactory(coordinator=boss)
    client.force_login(boss)
    html = client.get(reverse("mentorship:agreement_list"), {"status": "draft"})
    html = html.content.decode()
    assert str(draft.mentor) in html and str(active.mentor) not in html
    everything = client.get(reverse("mentorship:agreement_list"), {"status": "bogus"})
    assert str(active.mentor) in everything.content.decode()


def test_hr_sees_solved_requests_to_confirm(client, enterprise):
    hr = give_totp(UserFactory(roles=[Role.HR]))
    MembershipFactory(user=hr, enterprise=enterprise, role="hr")
    solved = ServiceRequestFactory(
        enterprise=enterprise, status=SR.Status.CLOSED, assigned_mentor=mentor()
    )
    ServiceRequestFactory(  # another enterprise's
        status=SR.Status.CLOSED, assigned_mentor=solved.assigned_mentor
    )
    html = page(client, hr)
    assert reverse("mentorship:request_detail", args=[solved.pk]) in html
    assert "1 solved request waits for your confirmation" in html
    assert reverse("mentorship:request_list") + "?status=closed" in html


def test_completing_an_agreement_asks_first_on_its_own_page(client):
    agreement = AgreementFactory()
    client.force_login(agreement.mentor)
    url = reverse("mentorship:agreement_complete", args=[agreement.pk])
    detail = client.get(reverse("mentorship:agreement_detail", args=[agreement.pk]))
    assert f'class="button danger" href="{url}"' in detail.content.decode()
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'button type="submit" class="danger"' in confirm.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE  # GET changed nothing
    assert client.post(url).status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.COMPLETED


def test_the_apprentice_may_not_open_the_complete_page(client):
    agreement = AgreementFactory()
    client.force_login(agreement.apprentice)
    url = reverse("mentorship:agreement_complete", args=[agreement.pk])
    assert client.get(url).status_code == 403


def test_the_terminate_page_is_a_danger_action(client):
    agreement = AgreementFactory()
    client.force_login(agreement.coordinator)
    html = client.get(
        reverse("mentorship:agreement_terminate", args=[agreement.pk])
    ).content.decode()
    assert 'class="danger"' in html


def _queries(client, user) -> int:
    client.force_login(user)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(DASHBOARD).status_code == 200
    return len(captured)


def test_the_mentor_and_apprentice_panels_cost_the_same_for_more_rows(client):
    """Three more agreements, sessions and milestones cost no query more."""
    first = AgreementFactory()
    GuidanceSessionFactory(agreement=first)
    mentor_before = _queries(client, first.mentor)
    apprentice_before = _queries(client, first.apprentice)
    for _ in range(3):
        for more in (
            AgreementFactory(mentor=first.mentor),
            AgreementFactory(apprentice=first.apprentice),
        ):
            GuidanceSessionFactory(agreement=more)
            MilestoneFactory(agreement=more, target_date=today())
    assert _queries(client, first.mentor) == mentor_before
    assert _queries(client, first.apprentice) == apprentice_before
