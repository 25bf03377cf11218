"""Courses' panel on the start page: the courses in progress with progress bars and
due dates, linked to "My learning"; "continue" as the home page's next step; and
leaving a course only after a confirm page of its own."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment
from courses.selectors.dashboard import learning_next_step
from tests.courses import factories as f

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("lms:dashboard")


def test_courses_in_progress_show_progress_and_due_dates(client, learner, loom_course):
    due = timezone.localdate() + datetime.timedelta(days=7)
    f.enrollment(user=learner, course=loom_course, due_on=due)
    client.force_login(learner)
    html = client.get(DASHBOARD).content.decode()
    assert loom_course.title in html
    assert '<progress max="100" value="0"' in html
    assert "0 of 4 steps done" in html
    assert "Due " in html
    my_learning = reverse("courses:my_learning")
    assert f'href="{my_learning}"><strong>1</strong>' in html


def test_an_overdue_course_is_counted(client, learner, loom_course):
    overdue = timezone.localdate() - datetime.timedelta(days=2)
    f.enrollment(user=learner, course=loom_course, due_on=overdue)
    client.force_login(learner)
    html = client.get(DASHBOARD).content.decode()
    assert 'class="count bad"' in html and "Overdue since" in html


def test_no_panel_without_a_course_in_progress(client, learner, loom_course):
    f.enrollment(
        user=learner,
        course=loom_course,
        status=Enrollment.Status.LEFT,
        left_at=timezone.now(),
    )
    client.force_login(learner)
    assert "Continue learning" not in client.get(DASHBOARD).content.decode()


def test_next_step_continues_the_course(learner, loom_course):
    assert learning_next_step(learner) is None
    f.enrollment(user=learner, course=loom_course)
    step = learning_next_step(learner)
    assert loom_course.title in step.label and step.url == loom_course.url


def test_the_home_page_leads_with_the_next_step(client, learner, loom_course):
    f.enrollment(user=learner, course=loom_course)
    client.force_login(learner)
    html = client.get("/").content.decode()
    assert 'class="next-step"' in html
    assert f"Continue “{loom_course.title}”" in html


def test_leaving_asks_first_on_a_page_of_its_own(client, learner, loom_course):
    enrollment = f.enrollment(user=learner, course=loom_course)
    client.force_login(learner)
    url = reverse("courses:leave", args=[loom_course.pk])
    course_page = client.get(loom_course.url).content.decode()
    assert f'class="button danger" href="{url}"' in course_page
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'class="danger"' in confirm.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE  # GET changed nothing
    assert client.post(url).status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.LEFT


def test_the_learning_panel_costs_the_same_for_more_courses(client, learner, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as captured:
            client.get(DASHBOARD)
        return len(captured)

    client.force_login(learner)
    first = f.course(index=index, title="First")
    f.lesson(course=first, body=[f.text_block()])
    f.enrollment(user=learner, course=first)
    before = queries()
    for n in range(3):
        more = f.course(index=index, title=f"More {n}", slug=f"more-{n}")
        f.lesson(course=more, body=[f.text_block()])
        f.enrollment(user=learner, course=more)
    assert queries() == before
