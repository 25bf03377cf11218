import datetime

import pytest
from django.utils import timezone

from courses.models import Enrollment
from courses.services.enrollment import (
    enrollment_assign,
    enrollment_create,
    enrollment_leave,
)
from lms.errors import DomainError
from lms.models import Notification
from tests.courses import factories as f
from tests.lms.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_self_enrolment_twice_returns_the_same_enrolment(learner, loom_course):
    first = enrollment_create(user=learner, course=loom_course)
    second = enrollment_create(user=learner, course=loom_course)
    assert first.pk == second.pk
    assert Enrollment.objects.count() == 1


def test_closed_course_refuses_self_enrolment(learner, index):
    course = f.course(index=index, self_enrolment_open=False)
    with pytest.raises(DomainError):
        enrollment_create(user=learner, course=course)
    assert not Enrollment.objects.exists()


def test_missing_prerequisite_refuses_enrolment(learner, index):
    basics = f.course(index=index, title="Basics")
    advanced = f.course(index=index, title="Advanced")
    advanced.prerequisites.set([basics])
    advanced.save()
    with pytest.raises(DomainError, match="Basics"):
        enrollment_create(user=learner, course=advanced)
    f.enrollment(user=learner, course=basics, status="completed")
    assert enrollment_create(user=learner, course=advanced).status == "active"


def test_leaving_keeps_the_row_and_enrolling_again_resumes_it(learner, loom_course):
    enrollment = enrollment_create(user=learner, course=loom_course)
    enrollment_leave(user=learner, enrollment=enrollment)
    enrollment.refresh_from_db()
    assert enrollment.status == "left" and enrollment.left_at is not None
    again = enrollment_create(user=learner, course=loom_course)
    assert again.pk == enrollment.pk and again.status == "active"
    assert again.left_at is None


def test_someone_else_cannot_leave_my_enrolment(learner, loom_course):
    enrollment = enrollment_create(user=learner, course=loom_course)
    with pytest.raises(DomainError):
        enrollment_leave(user=UserFactory(), enrollment=enrollment)


def test_hr_assigns_a_course_to_their_worker_with_a_due_date(
    hr_user, enterprise, loom_course
):
    worker = MembershipFactory(enterprise=enterprise).user
    due = timezone.localdate() + datetime.timedelta(days=30)
    enrollment = enrollment_assign(
        actor=hr_user, person=worker, course=loom_course, due_on=due
    )
    assert enrollment.source == "assigned" and enrollment.due_on == due
    assert enrollment.assigned_by == hr_user
    assert Notification.objects.filter(recipient=worker).count() == 1
    # Assigning the same again tells nobody twice.
    enrollment_assign(actor=hr_user, person=worker, course=loom_course, due_on=due)
    assert Notification.objects.filter(recipient=worker).count() == 1


def test_hr_cannot_assign_to_another_enterprise_worker(hr_user, loom_course):
    outsider = MembershipFactory().user
    with pytest.raises(DomainError):
        enrollment_assign(
            actor=hr_user, person=outsider, course=loom_course, due_on=None
        )
    assert not Enrollment.objects.exists()


def test_instructor_may_assign_but_other_mentor_may_not(teacher, loom_course, learner):
    enrollment_assign(actor=teacher, person=learner, course=loom_course, due_on=None)
    with pytest.raises(DomainError):
        enrollment_assign(
            actor=f.mentor(), person=UserFactory(), course=loom_course, due_on=None
        )


def test_due_date_in_the_past_is_refused(teacher, loom_course, learner):
    with pytest.raises(DomainError, match="past"):
        enrollment_assign(
            actor=teacher,
            person=learner,
            course=loom_course,
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert not Enrollment.objects.exists()
