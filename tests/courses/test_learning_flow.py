"""The learner's way through a course: progress that says what it counts, the
lesson outline, the quiz result's next step, the completion screen, instructors
linked to their role-model pages and "Leave this course" apart from the main
button."""

import re

import pytest
from django.urls import reverse

from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from home.models import ProfileIndexPage
from tests.courses import factories as f
from tests.home.factories import CraftsmanProfilePageFactory
from tests.lms.factories import OccupationFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """The page's words with tags and runs of white space removed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", body)


@pytest.fixture
def enrolled(client, learner, loom_course):
    client.force_login(learner)
    return enrollment_create(user=learner, course=loom_course)


def test_course_progress_names_the_steps_it_counts(client, enrolled, lessons):
    """Two lessons, a quiz and a practical task are four steps: one lesson done is
    25 %, and the page says so part by part."""
    lesson_complete(enrollment=enrolled, lesson=lessons[0])
    words = text(client.get(enrolled.course.url))
    assert "25% done: 1 of 4 steps" in words
    assert "1 of 2 lessons done" in words
    assert "0 of 1 quiz passed" in words
    assert "0 of 1 practical task signed off" in words


def test_lesson_outline_marks_done_lessons_and_the_open_one(client, enrolled, lessons):
    lesson_complete(enrollment=enrolled, lesson=lessons[0])
    html = client.get(lessons[1].url).content.decode()
    assert html.count('class="outline-lesson done"') == 2  # side and folded copy
    current = re.findall(r'<a href="([^"]+)" aria-current="page">', html)
    assert current == [lessons[1].url] * 2
    assert '<details class="lesson-outline-fold">' in html  # folded on a phone


def test_leave_is_a_secondary_action_away_from_the_main_button(client, enrolled):
    html = client.get(enrolled.course.url).content.decode()
    url = reverse("courses:leave", args=[enrolled.course_id])
    leave = html.index(url)
    assert html.index('id="lessons"') < leave  # below the lesson list
    # A danger-styled link to a confirmation page, not a button that acts at once.
    assert f'<a class="button danger" href="{url}">' in html


@pytest.fixture
def quiz_first(index):
    """A course whose first lesson is a quiz and whose second is text."""
    course = f.course(index=index, title="Quiz first")
    check = f.lesson(course=course, title="Check", body=[f.quiz_block()])
    after = f.lesson(course=course, title="Afterwards", body=[f.text_block()])
    return course, check, after


def result_page(client, learner, course, lesson, answers):
    enrollment = enrollment_create(user=learner, course=course)
    attempt = quiz_attempt_submit(
        enrollment=enrollment,
        lesson=lesson,
        quiz_id="quiz1",
        answers=answers,
        attempt_number=1,
    )
    client.force_login(learner)
    return client.get(reverse("courses:quiz_attempt", args=[attempt.pk]))


def test_a_passed_quiz_offers_the_next_lesson(client, learner, quiz_first):
    course, check, after = quiz_first
    response = result_page(client, learner, course, check, f.RIGHT)
    assert "Next lesson: Afterwards" in text(response)
    assert f'href="{after.url}"' in response.content.decode()


def test_a_failed_quiz_offers_another_try_and_the_way_back(client, learner, quiz_first):
    course, check, _after = quiz_first
    response = result_page(client, learner, course, check, f.WRONG)
    words = text(response)
    assert "Try again (1 attempt left)" in words
    assert "Back to the lesson" in words and "Course overview" in words
    assert "Next lesson" not in words


def test_completing_the_last_lesson_opens_the_completion_screen(client, learner, index):
    occupation = OccupationFactory()
    basics = f.course(index=index, title="Basics", occupation=occupation, skill_level=3)
    only = f.lesson(course=basics, title="Only lesson", body=[f.text_block()])
    follow_up = f.course(index=index, title="Advanced looms")
    follow_up.prerequisites.set([basics])
    follow_up.save()
    enrollment_create(user=learner, course=basics)
    client.force_login(learner)

    response = client.post(reverse("courses:lesson_complete", args=[only.pk]))
    assert response.url == reverse("courses:completed", args=[basics.pk])
    screen = client.get(response.url)
    words = text(screen)
    assert "Course completed. Well done!" in words
    assert "Advanced looms" in words  # the course that builds on this one
    assert reverse("certification:mine") + "#my-ladder" in screen.content.decode()


def test_the_completion_screen_waits_for_a_completion(client, enrolled):
    """Before the course is complete, the screen sends the learner to the course."""
    url = reverse("courses:completed", args=[enrolled.course_id])
    response = client.get(url)
    assert response.status_code == 302 and response.url == enrolled.course.url


def test_instructors_link_to_their_role_model_page(client, loom_course, teacher):
    home = loom_course.get_parent().get_parent()
    profiles = ProfileIndexPage(title="Role models", slug="role-models")
    home.add_child(instance=profiles)
    profile = CraftsmanProfilePageFactory(parent=profiles, user=teacher)
    html = client.get(loom_course.url).content.decode()
    assert f'<a href="{profile.url}">{teacher}</a>' in html


def test_instructors_without_a_profile_are_plain_names(client, loom_course, teacher):
    html = client.get(loom_course.url).content.decode()
    assert f"<li>{teacher}</li>" in html
