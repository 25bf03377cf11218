"""Editors author a course and its lessons in the Wagtail admin; a moderator approves
them and learners then find them in the catalogue."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import CoursePage, LessonPage
from lms.roles import Role
from tests.courses import factories as f
from tests.lms.factories import OccupationFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


def course_form(occupation, instructor) -> dict:
    data = nested_form_data(
        {
            "title": "Doffing robots on ring frames",
            "slug": "doffing-robots",
            "summary": "Working beside the automatic doffer safely.",
            "industry": occupation.industry_id,
            "occupation": occupation.pk,
            "skill_level": "4",
            "estimated_hours": "3.5",
            "learning_outcomes": rich_text("<p>Stop the doffer before a jam.</p>"),
            "issues_certificate": "on",
            "self_enrolment_open": "on",
            "comments": inline_formset([]),
        }
    )
    data["instructors"] = [instructor.pk]  # a multiple choice, not a nested form
    return data


def lesson_form() -> dict:
    return nested_form_data(
        {
            "title": "Clearing a doffer jam",
            "slug": "clearing-a-jam",
            "module": "Safety",
            "summary": "Lock out, then clear.",
            "estimated_minutes": "20",
            "body": streamfield([("text", rich_text("<p>Lock out first.</p>"))]),
            "comments": inline_formset([]),
        }
    )


def submit(client, model: str, parent: Page, data: dict) -> Page:
    url = reverse("wagtailadmin_pages:add", args=("courses", model, parent.pk))
    response = client.post(url, {**data, "action-submit": "Submit"})
    assert response.status_code == 302, response.context["form"].errors
    return Page.objects.get(slug=data["slug"], locale=parent.locale).specific


def approve(client, page: Page) -> None:
    state = Page.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.pk)
    )
    assert client.post(url).status_code in (200, 302)


def test_editor_authors_a_course_and_a_lesson_that_go_live_after_approval(client):
    index = f.catalogue()
    editor = give_totp(UserFactory(roles=[Role.EDITOR]))
    moderator = give_totp(UserFactory(roles=[Role.MODERATOR]))
    instructor = f.mentor()
    occupation = OccupationFactory()

    client.force_login(editor)
    course = submit(client, "coursepage", index, course_form(occupation, instructor))
    assert isinstance(course, CoursePage) and not course.live
    lesson = submit(client, "lessonpage", course, lesson_form())
    assert isinstance(lesson, LessonPage) and not lesson.live

    client.force_login(moderator)
    approve(client, course)
    approve(client, lesson)

    course.refresh_from_db()
    lesson.refresh_from_db()
    assert course.live and lesson.live
    assert list(course.instructors.all()) == [instructor]
    assert course.skill_level == 4 and course.issues_certificate
    client.logout()
    assert "Doffing robots" in client.get(index.url).content.decode()
