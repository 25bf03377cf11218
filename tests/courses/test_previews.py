"""Editors see a lesson and a course in the editor's live preview, and a moderator
sees them in the workflow review, before anything goes live."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from lms.roles import Role
from tests.courses import factories as f
from tests.courses.test_authoring import course_form, lesson_form, submit
from tests.lms.factories import OccupationFactory, UserFactory
from tests.lms.helpers import give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return give_totp(UserFactory(roles=[Role.EDITOR]))


@pytest.fixture
def drafts(client, editor):
    """A course and one lesson submitted for moderation, neither live."""
    index = f.catalogue()
    client.force_login(editor)
    course = submit(
        client, "coursepage", index, course_form(OccupationFactory(), f.mentor())
    )
    lesson = submit(client, "lessonpage", course, lesson_form())
    return course, lesson


def live_preview(client, page, data: dict):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    posted = client.post(url, data)
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    return client.get(url)


def test_live_preview_of_a_draft_lesson_shows_its_text_and_course(client, drafts):
    course, lesson = drafts
    response = live_preview(client, lesson, lesson_form())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Lock out first." in body
    assert course.title in body


def test_live_preview_of_a_course_lists_its_draft_lessons(client, drafts):
    course, lesson = drafts
    data = course_form(OccupationFactory(), f.mentor())
    response = live_preview(client, course, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert lesson.title in body
    assert "Lessons are being written" not in body


def test_moderator_sees_the_lesson_and_course_in_the_workflow_review(client, drafts):
    moderator = give_totp(UserFactory(roles=[Role.MODERATOR]))
    client.force_login(moderator)
    for page, expected in zip(
        drafts, ("Clearing a doffer jam", "Lock out first."), strict=True
    ):
        state = Page.objects.get(pk=page.pk).current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_preview", args=(page.pk, state.task_id)
        )
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode()
