"""A quiz form sent twice makes one attempt, also when the first send completed the
course in between (the second finds the enrolment completed). Runs in the ordinary
suite; tests/services/test_exam_start.py sends such pairs at the same moment."""

import pytest
from django.urls import reverse

from courses.models import CourseCompletion, Enrollment, LessonPage, QuizAttempt
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from tests.courses.factories import RIGHT
from tests.services import learners as build

pytestmark = pytest.mark.django_db


@pytest.fixture
def last_step(learner):
    """A one-lesson course whose lesson is completed: passing its quiz completes it."""
    course, (lesson,) = build.course_with_lessons(lessons=1)
    enrollment = Enrollment.objects.create(user=learner, course=course)
    page = LessonPage.objects.get(pk=lesson.pk)
    lesson_complete(enrollment=enrollment, lesson=page)
    return enrollment, page, lesson


def test_resending_the_passing_form_returns_its_attempt_after_completion(last_step):
    enrollment, page, lesson = last_step
    sent = {"lesson": page, "quiz_id": lesson.quiz_id, "answers": RIGHT}
    first = quiz_attempt_submit(enrollment=enrollment, attempt_number=1, **sent)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED

    again = quiz_attempt_submit(enrollment=enrollment, attempt_number=1, **sent)
    assert again.pk == first.pk
    assert QuizAttempt.objects.count() == 1
    assert CourseCompletion.objects.count() == 1


def test_double_click_on_the_passing_form_shows_the_same_attempt(
    client, learner, last_step
):
    """Both posts answer with the attempt's page, not a refusal."""
    _enrollment, _page, lesson = last_step
    client.force_login(learner)
    url = reverse("courses:quiz_submit", args=[lesson.pk, lesson.quiz_id])
    data = dict(build.quiz_fields(1, RIGHT))
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert QuizAttempt.objects.count() == 1
