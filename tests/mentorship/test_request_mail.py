"""A line break in a request's title never stops the mentors' e-mail (issue 14, 7)."""

import pytest
from django.core import mail

from lms.models import Notification
from mentorship.models import ServiceRequest
from mentorship.services import requests as services
from tests.lms.factories import MembershipFactory, OccupationFactory, UserFactory

from .factories import MentorTradeFactory, coordinator

pytestmark = pytest.mark.django_db


def test_a_request_titled_with_a_line_break_is_mailed_to_the_mentors_on_one_line(
    django_capture_on_commit_callbacks,
):
    manager = UserFactory()
    MembershipFactory(user=manager, role="manager")
    request = services.service_request_create(
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
        services.service_request_publish(service_request=request, actor=union)
    to_mentor = [m for m in mail.outbox if m.to == [trade.user.email]]
    assert len(to_mentor) == 1
    assert to_mentor[0].subject.endswith("Broken loom urgent")
    notification = Notification.objects.get(recipient=trade.user)
    assert notification.emailed_at is not None and notification.failed_at is None
