"""A line break in a request's title or a person's name never stops an e-mail
(issue 14, item 7): subjects are rendered on one line."""

import datetime

import pytest
from django.core import mail

from lms.models import Notification, User
from mentorship.models import Agreement, ServiceRequest
from mentorship.services.requests.placing import (
    service_request_create,
    service_request_publish,
)
from mentorship.services.sessions import guidance_session_log
from tests.lms.factories import MembershipFactory, OccupationFactory, UserFactory

from .factories import AgreementFactory, MentorTradeFactory, coordinator, today

pytestmark = pytest.mark.django_db


def test_a_request_titled_with_a_line_break_is_mailed_to_the_mentors_on_one_line(
    django_capture_on_commit_callbacks,
):
    manager = UserFactory()
    MembershipFactory(user=manager, role="manager")
    request = service_request_create(
        enterprise=manager.memberships.get().enterprise,
        posted_by=manager,
        title="Broken loom\r\nurgent\x0b",
        problem="The shed does not open.",
        occupation=OccupationFactory(),
        site="Hall 2",
    )
    # Whatever the form lets through, the stored title keeps its line break.
    ServiceRequest.objects.filter(pk=request.pk).update(title="Broken loom\r\nurgent")
    trade = MentorTradeFactory(occupation=request.occupation)
    union = coordinator()
    with django_capture_on_commit_callbacks(execute=True):
        service_request_publish(service_request=request, actor=union)
    to_mentor = [m for m in mail.outbox if m.to == [trade.user.email]]
    assert len(to_mentor) == 1
    assert to_mentor[0].subject.endswith("Broken loom urgent")
    notification = Notification.objects.get(recipient=trade.user)
    assert notification.emailed_at is not None and notification.failed_at is None


def test_a_session_logged_by_a_mentor_whose_name_has_a_line_break_is_mailed(
    django_capture_on_commit_callbacks,
):
    agreement = AgreementFactory(status=Agreement.Status.ACTIVE)
    User.objects.filter(pk=agreement.mentor_id).update(display_name="Yi\nRan\r")
    agreement.mentor.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        guidance_session_log(
            agreement=agreement,
            mentor=agreement.mentor,
            date=today() - datetime.timedelta(days=1),
            start_time=datetime.time(9, 0),
            end_time=datetime.time(10, 30),
        )
    to_apprentice = [m for m in mail.outbox if m.to == [agreement.apprentice.email]]
    assert len(to_apprentice) == 1
    assert to_apprentice[0].subject.endswith("with Yi Ran")
