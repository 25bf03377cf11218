import datetime
import io

import pytest

from lms.models import Notification
from mentorship import tasks
from mentorship.models import Agreement, GuidanceSession, ServiceRequest

from .factories import MilestoneFactory, today

pytestmark = pytest.mark.django_db


def test_overdue_task_notifies_mentor_and_apprentice_once():
    milestone = MilestoneFactory(target_date=today() - datetime.timedelta(days=1))
    assert tasks.notify_overdue_milestones() == 1
    assert tasks.notify_overdue_milestones() == 1
    recipients = set(
        Notification.objects.filter(key__endswith=":overdue").values_list(
            "recipient", flat=True
        )
    )
    agreement = milestone.agreement
    assert recipients == {agreement.mentor_id, agreement.apprentice_id}


def test_the_beat_schedule_runs_the_overdue_task():
    from django.conf import settings

    tasks_scheduled = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "mentorship.tasks.notify_overdue_milestones" in tasks_scheduled


def test_demo_loads_twice_with_the_same_result():
    from lms import demo as lms_demo
    from mentorship import demo

    lms_demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    counts = (
        Agreement.objects.count(),
        GuidanceSession.objects.count(),
        ServiceRequest.objects.count(),
    )
    demo.load(stdout=io.StringIO())
    assert counts == (
        Agreement.objects.count(),
        GuidanceSession.objects.count(),
        ServiceRequest.objects.count(),
    )
    assert set(ServiceRequest.objects.values_list("status", flat=True)) == {
        "submitted",
        "published",
        "assigned",
        "confirmed",
    }
    assert Agreement.objects.get().status == "active"
