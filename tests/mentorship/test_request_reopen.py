"""A closed service request: the requesting enterprise answers "not solved" and it
goes back to its mentor with the reason; left unanswered for 14 days it counts as
confirmed, once, with notice to both sides. Both are kept in the request's history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.errors import DomainError, PermissionDenied
from lms.models import Notification
from lms.roles import Role
from mentorship.models import GuidanceSession, ServiceRequest, ServiceRequestEvent
from mentorship.services import sessions as session_services
from mentorship.services.requests.outcome import (
    service_request_close,
    service_request_confirm,
    service_request_reopen,
)
from mentorship.tasks import confirm_unanswered_requests
from tests.lms.factories import MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

from .factories import MentorTradeFactory, ServiceRequestFactory, coordinator, today

pytestmark = pytest.mark.django_db
Status = ServiceRequest.Status


@pytest.fixture
def closed(manager):
    """A request of the manager's enterprise, visited and closed by its mentor."""
    trade = MentorTradeFactory()
    request = ServiceRequestFactory(
        enterprise=manager.memberships.get().enterprise,
        posted_by=manager,
        occupation=trade.occupation,
        status=Status.ASSIGNED,
        assigned_mentor=trade.user,
    )
    session_services.service_visit_log(
        service_request=request,
        mentor=trade.user,
        date=today() - datetime.timedelta(days=1),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 0),
        problem="Bearing wear",
    )
    service_request_close(
        service_request=request, mentor=trade.user, solution="Replaced bearings"
    )
    request.refresh_from_db()
    return request


def closed_days_ago(request, days: int) -> None:
    ServiceRequestEvent.objects.filter(request=request, to_status=Status.CLOSED).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_enterprise_reopens_a_closed_request_with_its_reason(manager, closed):
    """Back to the assigned mentor (in progress), the reason on one line in the
    history with who did it, and the mentor told; the mentor may close it again."""
    service_request_reopen(
        service_request=closed, actor=manager, reason="Still vibrates\nat 9,000 rpm"
    )
    closed.refresh_from_db()
    assert closed.status == Status.ASSIGNED
    event = closed.events.order_by("-id").first()
    assert (event.from_status, event.to_status) == (Status.CLOSED, Status.ASSIGNED)
    assert event.actor == manager and event.note == "Still vibrates at 9,000 rpm"
    assert str(event.label) == "Reopened: not solved"
    notice = Notification.objects.get(
        recipient=closed.assigned_mentor, kind="mentorship.request_reopened"
    )
    assert "Still vibrates at 9,000 rpm" in notice.render("en").body
    service_request_close(
        service_request=closed, mentor=closed.assigned_mentor, solution="Rebalanced"
    )
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED and closed.solution == "Rebalanced"


@pytest.mark.parametrize("reason", ["", "   ", "\n\t\u202e"])
def test_a_reopen_without_a_reason_is_refused_and_changes_nothing(
    manager, closed, reason
):
    with pytest.raises(DomainError):
        service_request_reopen(service_request=closed, actor=manager, reason=reason)
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED
    assert not Notification.objects.filter(kind="mentorship.request_reopened")


def test_only_hr_and_managers_of_the_requesting_enterprise_reopen(closed):
    """Its mentor, the union, a worker of the enterprise and a manager of another
    enterprise are refused; HR of the enterprise may."""
    enterprise = closed.enterprise
    worker = MembershipFactory(enterprise=enterprise).user
    other_manager = MembershipFactory(role="manager").user
    for person in (closed.assigned_mentor, coordinator(), worker, other_manager):
        with pytest.raises(PermissionDenied):
            service_request_reopen(
                service_request=closed, actor=person, reason="Not solved"
            )
        closed.refresh_from_db()
        assert closed.status == Status.CLOSED
    hr = MembershipFactory(
        enterprise=enterprise, role="hr", user=UserFactory(roles=[Role.HR])
    ).user
    service_request_reopen(service_request=closed, actor=hr, reason="Not solved")
    closed.refresh_from_db()
    assert closed.status == Status.ASSIGNED


def test_only_a_closed_request_can_be_reopened(manager, closed):
    service_request_confirm(service_request=closed, actor=manager, rating=4)
    with pytest.raises(DomainError, match="Confirmed by the enterprise"):
        service_request_reopen(
            service_request=closed, actor=manager, reason="Not solved"
        )


def test_a_request_unanswered_for_14_days_counts_as_confirmed_once(closed):
    """The daily task confirms it without a rating, its visits count, the history
    says the platform did it, both sides are told; a second run changes nothing."""
    closed_days_ago(closed, 15)
    assert confirm_unanswered_requests() == 1
    assert confirm_unanswered_requests() == 0
    closed.refresh_from_db()
    assert closed.status == Status.CONFIRMED
    assert closed.confirmed_automatically and closed.rating is None
    assert set(closed.visits.values_list("status", flat=True)) == {
        GuidanceSession.Status.CONFIRMED
    }
    event = closed.events.get(to_status=Status.CONFIRMED)
    assert event.actor is None
    assert "14 days" in str(event.label)
    told = Notification.objects.filter(kind="mentorship.request_auto_confirmed")
    assert sorted(told.values_list("recipient_id", flat=True)) == sorted(
        [closed.posted_by_id, closed.assigned_mentor_id]
    )


def test_a_request_closed_13_days_ago_waits_for_the_enterprise(closed):
    closed_days_ago(closed, 13)
    assert confirm_unanswered_requests() == 0
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED


def test_closing_again_after_a_reopen_starts_the_14_days_again(manager, closed):
    closed_days_ago(closed, 20)
    service_request_reopen(service_request=closed, actor=manager, reason="Not solved")
    service_request_close(
        service_request=closed, mentor=closed.assigned_mentor, solution="Rebalanced"
    )
    assert confirm_unanswered_requests() == 0
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED


def test_the_reopen_form_on_the_request_page(client, manager, closed):
    """A blank reason re-shows the page with the message (400, nothing changed); a
    reason reopens it and the history shows who reopened it and why."""
    give_totp(manager)
    client.force_login(manager)
    detail = reverse("mentorship:request_detail", args=[closed.pk])
    assert "Reopen: not solved" in client.get(detail).content.decode()
    url = reverse("mentorship:request_reopen", args=[closed.pk])
    response = client.post(url, {"reopen_reason": "  "})
    assert response.status_code == 400
    closed.refresh_from_db()
    assert closed.status == Status.CLOSED
    response = client.post(url, {"reopen_reason": "Still loud"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Reopened: not solved" in page and "Still loud" in page
