"""Every role against every page and action of the courses app."""

import pytest
from django.urls import reverse
from django.utils import translation

from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_submit
from lms.roles import Role
from tests.courses import factories as f
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import give_totp

ROLES = [
    "anonymous",
    "learner",
    "mentor",
    "instructor",
    "hr_a",
    "hr_b",
    "editor",
    "moderator",
    "coordinator",
    "officer",
    "staff",
]


@pytest.fixture
def world(db):
    """A learner of enterprise A enrolled in a course taught by ``instructor``, with
    a practical submission waiting; one user per role."""
    enterprise_a, enterprise_b = EnterpriseFactory(), EnterpriseFactory()
    learner = UserFactory(roles=[Role.LEARNER])
    MembershipFactory(user=learner, enterprise=enterprise_a)
    users = {"anonymous": None, "learner": learner}
    users["mentor"] = f.mentor()
    users["instructor"] = f.mentor()
    for key, enterprise in (("hr_a", enterprise_a), ("hr_b", enterprise_b)):
        users[key] = give_totp(UserFactory(roles=[Role.HR]))
        MembershipFactory(user=users[key], enterprise=enterprise, role="hr")
    for key, role in (
        ("editor", Role.EDITOR),
        ("moderator", Role.MODERATOR),
        ("coordinator", Role.COORDINATOR),
        ("officer", Role.OFFICER),
    ):
        users[key] = give_totp(UserFactory(roles=[role]))
    users["staff"] = give_totp(UserFactory(is_staff=True, is_superuser=True))
    index = f.catalogue()
    course = f.course(index=index, instructors=[users["instructor"]])
    lesson = f.lesson(course=course, body=[f.practical_block()])
    enrollment = enrollment_create(user=learner, course=course)
    submission = practical_submit(
        enrollment=enrollment,
        lesson=lesson,
        task_id="task1",
        text="done",
        photos=[f.png()],
    )
    zh_index = f.translate(index, title="课程")
    zh_course = f.translate(course, title="织机保养")
    zh_lesson = f.translate(lesson, title="实操")
    with translation.override("zh-hans"):
        zh_my_learning = reverse("courses:my_learning")
    urls = {
        "catalogue": index.url,
        "course": course.url,
        "lesson": lesson.url,
        "my_learning": reverse("courses:my_learning"),
        "assign": reverse("courses:assign"),
        "reviews": reverse("courses:practical_reviews"),
        "review": reverse("courses:practical_review", args=[submission.pk]),
        "photo": reverse("courses:evidence_photo", args=[submission.photos.get().pk]),
        "report": reverse("courses_report"),
        "zh_catalogue": zh_index.url,
        "zh_course": zh_course.url,
        "zh_lesson": zh_lesson.url,
        "zh_my_learning": zh_my_learning,
    }
    return users, urls


# Expected status per page, in the order of ROLES.
MATRIX = {
    "catalogue": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    "course": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    "lesson": [302, 200, 403, 200, 403, 403, 200, 200, 403, 403, 200],
    "my_learning": [302, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    "assign": [302, 403, 200, 200, 200, 200, 403, 403, 403, 403, 200],
    "reviews": [302, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403],
    "review": [302, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200],
    "photo": [302, 200, 404, 200, 200, 404, 404, 404, 404, 404, 200],
    "report": [302, 302, 302, 302, 200, 200, 200, 200, 302, 302, 200],
    # The Chinese pages: the same rules, decided by the English course.
    "zh_catalogue": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    "zh_course": [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    "zh_lesson": [302, 200, 403, 200, 403, 403, 200, 200, 403, 403, 200],
    "zh_my_learning": [302, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
}


@pytest.mark.parametrize("page", list(MATRIX))
def test_page_access_by_role(client, world, page):
    """One row of the matrix per test (the world is built once per page)."""
    users, urls = world
    seen = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        seen[role] = client.get(urls[page]).status_code
    assert seen == dict(zip(ROLES, MATRIX[page], strict=True))


def test_hr_sees_only_their_enterprise_in_the_report(client, world):
    users, urls = world
    client.force_login(users["hr_b"])
    assert str(users["learner"]) not in client.get(urls["report"]).content.decode()
    client.force_login(users["hr_a"])
    assert str(users["learner"]) in client.get(urls["report"]).content.decode()
