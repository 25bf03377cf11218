"""Each page costs a fixed number of queries, whether it shows one row or many.
Each count follows a warm-up view: new rows (occupations, pages) change the content
version, and the first view after that refills the shared caches."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.roles import Role
from mentorship.models import GuidanceSession, Milestone
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

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


def _count(client, url) -> int:
    client.get(url)  # warm up: the first request of a session fills caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow_agreement(agreement, n: int) -> None:
    for i in range(n):
        GuidanceSessionFactory(
            agreement=agreement,
            date=today() - datetime.timedelta(days=i + 1),
            status="confirmed" if i % 2 else "pending",
        )
        MilestoneFactory(
            agreement=agreement, target_date=today() - datetime.timedelta(days=i)
        )


@pytest.mark.parametrize(
    "page", ["agreement_detail", "agreement_progress", "agreement_print"]
)
def test_agreement_pages_cost_the_same_with_many_rows(client, page):
    agreement = AgreementFactory()
    _grow_agreement(agreement, 1)
    client.force_login(agreement.mentor)
    url = reverse(f"mentorship:{page}", args=(agreement.pk,))
    expected = _count(client, url)
    _grow_agreement(agreement, 15)
    assert _count(client, url) == expected


def test_mentor_dashboard_costs_the_same_with_many_apprentices(
    client,
):
    first = AgreementFactory()
    mentor_user = first.mentor
    trade = MentorTradeFactory(user=mentor_user)
    GuidanceSessionFactory(agreement=first)
    ServiceRequestFactory(status="published", occupation=trade.occupation)
    client.force_login(mentor_user)
    url = reverse("mentorship:mentor_dashboard")
    expected = _count(client, url)
    for _ in range(10):
        agreement = AgreementFactory(mentor=mentor_user)
        GuidanceSessionFactory(agreement=agreement)
        MilestoneFactory(
            agreement=agreement, target_date=today() - datetime.timedelta(days=3)
        )
        ServiceRequestFactory(status="published", occupation=trade.occupation)
    assert _count(client, url) == expected


def test_apprentice_page_costs_the_same_with_many_sessions(
    client,
):
    agreement = AgreementFactory()
    GuidanceSessionFactory(agreement=agreement)
    client.force_login(agreement.apprentice)
    url = reverse("mentorship:mine")
    expected = _count(client, url)
    _grow_agreement(agreement, 12)
    assert _count(client, url) == expected


def test_request_pages_cost_the_same_with_many_rows(client):

    union = give_totp(UserFactory(roles=[Role.COORDINATOR]))
    request = ServiceRequestFactory(status="published")
    client.force_login(union)
    list_url = reverse("mentorship:request_list")
    detail_url = reverse("mentorship:request_detail", args=(request.pk,))
    expected_list, expected_detail = (
        _count(client, list_url),
        _count(client, detail_url),
    )
    for _ in range(12):
        ServiceRequestFactory(status="published")
        trade = MentorTradeFactory(occupation=request.occupation)
        request.offers.create(mentor=trade.user)
    assert _count(client, list_url) == expected_list
    assert _count(client, detail_url) == expected_detail


def test_hours_page_costs_the_same_with_many_entries(client):
    agreement = AgreementFactory()
    GuidanceSessionFactory(agreement=agreement, status="confirmed")
    client.force_login(agreement.apprentice)
    url = reverse("mentorship:my_hours")
    expected = _count(client, url)
    _grow_agreement(agreement, 12)
    assert GuidanceSession.objects.filter(status="confirmed").count() > 5
    assert Milestone.objects.count() > 5
    assert _count(client, url) == expected
