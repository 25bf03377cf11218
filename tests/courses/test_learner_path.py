"""The learner's path kept cheap (issue 15): catalogue cards are rendered once for
every reader and carry only the reader's own progress; publishing changes a card
at once; the quiz form sent twice over HTTP makes one attempt and both answers
lead to it; completing a lesson reports the enrolment as it is after the step."""

import pytest
from django.test import Client
from django.urls import reverse

from courses.models import Enrollment, QuizAttempt
from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from courses.views import fragments as course_fragments
from tests.courses import factories as f
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def other(db):
    from lms.roles import Role

    return UserFactory(roles=[Role.LEARNER])


def test_catalogue_cards_are_rendered_once_and_show_each_readers_own_progress(
    loom_course, learner, other, monkeypatch
):
    """The learner who did a lesson sees their percentage on the card; the next
    reader, served the kept cards, sees no progress bar at all."""
    first = loom_course.get_children().specific().first()
    lesson_complete(
        enrollment=enrollment_create(user=learner, course=loom_course), lesson=first
    )
    built = []
    original = course_fragments.courses_by_ids

    def counting(ids):
        built.append(list(ids))
        return original(ids)

    monkeypatch.setattr(course_fragments, "courses_by_ids", counting)
    catalogue = loom_course.get_parent().url
    mine = signed_in(learner).get(catalogue).content.decode()
    theirs = signed_in(other).get(catalogue).content.decode()
    assert loom_course.title in mine and loom_course.title in theirs
    assert 'role="progressbar"' in mine and "% done" in mine
    assert 'role="progressbar"' not in theirs and "% done" not in theirs
    assert built == [[loom_course.pk]]  # the second reader got the kept cards


def test_publishing_a_course_changes_its_catalogue_card_at_once(
    loom_course, learner, django_capture_on_commit_callbacks
):
    client = signed_in(learner)
    catalogue = loom_course.get_parent().url
    assert "How to look after a loom." in client.get(catalogue).content.decode()
    loom_course.summary = "Loom care for night shifts."
    with django_capture_on_commit_callbacks(execute=True):
        loom_course.save_revision().publish()
    html = client.get(catalogue).content.decode()
    assert "Loom care for night shifts." in html
    assert "How to look after a loom." not in html


def test_a_filtered_catalogue_lists_only_matching_courses_with_the_filters_shown(
    loom_course, learner, index
):
    """Filters are rendered for the request (not from the kept, empty form)."""
    other_course = f.course(index=index, title="Spinning basics", skill_level=5)
    client = signed_in(learner)
    html = client.get(
        loom_course.get_parent().url, {"level": other_course.skill_level}
    ).content.decode()
    assert "Spinning basics" in html and loom_course.title not in html
    assert '<details class="card course-filters" open>' in html


def test_the_same_quiz_form_posted_twice_makes_one_attempt(loom_course, learner):
    """A double click (or the exam start's retry): both posts lead to attempt 1."""
    enrollment_create(user=learner, course=loom_course)
    lesson = loom_course.get_children().specific()[1]
    client = signed_in(learner)
    url = reverse("courses:quiz_submit", args=[lesson.pk, "quiz1"])
    form = {f"q-{k}": v for k, v in f.WRONG.items()} | {"attempt": "1"}
    first, second = client.post(url, form), client.post(url, form)
    attempt = QuizAttempt.objects.get()
    target = reverse("courses:quiz_attempt", args=[attempt.pk])
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == target
    assert client.get(target).status_code == 200


def test_completing_the_last_lesson_returns_the_completed_enrolment(learner, index):
    """The service returns the enrolment as it is after the step, so the view
    sends the learner to the completion page without reading it again; a second
    completion of a lesson changes nothing."""
    course = f.course(index=index, title="Two lessons")
    first = f.lesson(course=course, title="One", body=[f.text_block()])
    second = f.lesson(course=course, title="Two", body=[f.text_block()])
    enrollment = enrollment_create(user=learner, course=course)
    assert lesson_complete(enrollment=enrollment, lesson=first).status == "active"
    assert lesson_complete(enrollment=enrollment, lesson=first).status == "active"
    client = signed_in(learner)
    response = client.post(reverse("courses:lesson_complete", args=[second.pk]))
    assert response.url == reverse("courses:completed", args=[course.pk])
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.lesson_progress.filter(completed_at__isnull=False).count() == 2
