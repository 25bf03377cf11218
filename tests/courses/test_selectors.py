"""The reads other apps call (mentorship, home, the lms ladder)."""

import pytest

from courses.selectors.catalogue import (
    courses_taught_by,
    platform_course_figures,
    popular_courses,
)
from courses.selectors.progress import course_progress_for
from courses.services.enrollment import enrollment_create, enrollment_leave
from lms import providers
from tests.courses import factories as f

pytestmark = pytest.mark.django_db


def test_courses_taught_by_lists_live_courses_of_the_instructor(index, teacher):
    taught = f.course(index=index, title="Taught", instructors=[teacher])
    f.course(index=index, title="Other")
    hidden = f.course(index=index, title="Draft", instructors=[teacher])
    hidden.unpublish()
    assert list(courses_taught_by(user=teacher)) == [taught]


def test_popular_courses_rank_by_learners_who_stayed(index, learner):
    quiet = f.course(index=index, title="Quiet")
    busy = f.course(index=index, title="Busy")
    enrollment_create(user=learner, course=busy)
    left = enrollment_create(user=f.mentor(), course=quiet)
    enrollment_leave(user=left.user, enrollment=left)
    assert popular_courses(2) == [busy, quiet]


def test_platform_figures_count_learners_and_completions(learner, loom_course):
    enrollment_create(user=learner, course=loom_course)
    assert platform_course_figures() == {
        "learners": 1,
        "completions": 0,
        "courses": 1,
    }


def test_progress_leaves_out_courses_without_enrolment(learner, loom_course, index):
    other = f.course(index=index, title="Other")
    enrollment_create(user=learner, course=loom_course)
    assert course_progress_for(user=learner, course_ids=[loom_course.pk, other.pk]) == {
        loom_course.pk: 0
    }


def test_completed_courses_reach_the_lms_ladder_provider(learner, loom_course):
    f.enrollment(user=learner, course=loom_course, status="completed")
    from courses.models import CourseCompletion

    CourseCompletion.objects.create(
        enrollment=learner.enrollments.get(), hours=loom_course.estimated_hours
    )
    assert loom_course.pk in providers.completed_courses(learner)
