"""The courses permission policies (courses/permissions.py): for every role and
action, the yes/no answer on a record and the queryset come from one rule and
agree; who may open a lesson, assign a course, sign off a practical task and read
the course reports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from courses import permissions as course_permissions
from courses.models import CoursePage, Enrollment, PracticalSubmission
from lms import permissions
from lms.roles import Role
from tests.courses import factories as f
from tests.lms.factories import EnterpriseFactory, MembershipFactory, UserFactory
from tests.lms.helpers import policy_disagreements

POLICIES = {
    CoursePage: course_permissions.course_pages,
    Enrollment: course_permissions.enrollments,
    PracticalSubmission: course_permissions.practicals,
}


@pytest.fixture
def world(db):
    """Enterprises A and B; course "taught" (open, the mentor teaches it), course
    "closed" (not open for self-enrolment) and a draft; a learner of A enrolled in
    "taught" with a practical submission, one of A who left it, a worker of B
    enrolled in "closed" with a submission; one user per role."""
    a, b = EnterpriseFactory(), EnterpriseFactory()
    users = {
        "anonymous": AnonymousUser(),
        "learner": UserFactory(roles=[Role.LEARNER]),
        "leaver": UserFactory(roles=[Role.LEARNER]),
        "worker_b": UserFactory(roles=[Role.LEARNER]),
        "mentor": f.mentor(),
        "other_mentor": f.mentor(),
        "hr_a": UserFactory(roles=[Role.HR]),
        "hr_b": UserFactory(roles=[Role.HR]),
        "editor": UserFactory(roles=[Role.EDITOR]),
        "officer": UserFactory(roles=[Role.OFFICER]),
        "staff": UserFactory(is_staff=True, is_superuser=True),
        "inactive_mentor": f.mentor(is_active=False),
    }
    for key, enterprise in (("learner", a), ("leaver", a), ("worker_b", b)):
        MembershipFactory(user=users[key], enterprise=enterprise)
    MembershipFactory(user=users["hr_a"], enterprise=a, role="hr")
    MembershipFactory(user=users["hr_b"], enterprise=b, role="hr")
    index = f.catalogue()
    taught = f.course(
        index=index,
        title="Taught",
        instructors=[users["mentor"], users["inactive_mentor"]],
    )
    closed = f.course(index=index, title="Closed", self_enrolment_open=False)
    draft = f.course(index=index, title="Draft")
    draft.unpublish()
    lesson = f.lesson(course=taught)
    mine = f.enrollment(user=users["learner"], course=taught)
    f.enrollment(
        user=users["leaver"],
        course=taught,
        status=Enrollment.Status.LEFT,
        left_at=timezone.now(),
    )
    theirs = f.enrollment(user=users["worker_b"], course=closed)
    PracticalSubmission.objects.create(enrollment=mine, lesson=lesson, task_id="t")
    PracticalSubmission.objects.create(
        enrollment=theirs, lesson=f.lesson(course=closed), task_id="t"
    )
    return users | {"_courses": (taught, closed, draft), "_lesson": lesson}


def _people(world) -> dict:
    return {k: v for k, v in world.items() if not k.startswith("_")}


def _fresh(user):
    return type(user).objects.get(pk=user.pk) if user.pk else user


def test_each_course_model_is_registered_with_its_policy(world):
    for model, policy in POLICIES.items():
        assert permissions.policy_for(model) is policy


def test_yes_no_answer_and_queryset_agree_for_every_role_and_action(world):
    """For every role, action and record: the record is in the queryset exactly when
    the instance check says yes."""
    checked = 0
    for policy in POLICIES.values():
        wrong, count = policy_disagreements(policy, _people(world))
        assert wrong == []
        checked += count
    actions = sum(len(policy.actions()) for policy in POLICIES.values())
    assert actions >= 8 and checked == actions * len(_people(world))


def test_a_lesson_is_for_its_learners_instructors_and_editors(world):
    """Enrolled learners (not those who left), the course's instructors, editors
    and staff open a lesson; other mentors, HR and the inactive instructor do not."""
    taught = world["_courses"][0]
    lesson = world["_lesson"]
    allowed = set()
    for role, user in _people(world).items():
        user = _fresh(user)
        enrollment = Enrollment.objects.filter(user_id=user.pk, course=taught).first()
        if course_permissions.can_view_lesson(
            user, lesson, course=taught, enrollment=enrollment
        ):
            allowed.add(role)
    assert allowed == {"learner", "mentor", "editor", "staff"}


def test_only_a_live_open_course_takes_self_enrolment(world):
    taught, closed, draft = world["_courses"]
    learner = _fresh(world["learner"])
    assert permissions.user_can(learner, "enrol", taught)
    assert not permissions.user_can(learner, "enrol", closed)
    assert not permissions.user_can(
        learner, "enrol", CoursePage.objects.get(pk=draft.pk)
    )
    assert not permissions.user_can(world["anonymous"], "enrol", taught)


def test_hr_assign_to_their_people_and_mentors_the_courses_they_teach(world):
    """The record asked about is the enrolment an assignment would make: HR of A
    assign any live course to A's people only; the mentor assigns the course they
    teach to anyone, no other; nobody assigns a draft; learners nothing."""
    taught, closed, draft = world["_courses"]
    draft = CoursePage.objects.get(pk=draft.pk)

    def can(role, person, course):
        user = _fresh(world[role])
        return permissions.user_can(
            user, "assign", Enrollment(user=world[person], course=course)
        )

    assert can("hr_a", "learner", closed) and not can("hr_a", "worker_b", closed)
    assert can("mentor", "worker_b", taught) and not can("mentor", "learner", closed)
    assert not can("hr_a", "learner", draft) and not can("staff", "learner", draft)
    assert can("staff", "worker_b", closed)
    assert not can("learner", "leaver", taught)
    offered = {
        role
        for role, user in _people(world).items()
        if permissions.user_may(user, "assign", Enrollment)
    }
    assert offered == {"mentor", "other_mentor", "hr_a", "hr_b", "staff"}


def test_practicals_are_signed_off_by_the_courses_instructors_never_the_learner(
    world,
):
    """The mentor's queue holds the submission of the course they teach; a mentor
    who is the learner of a submission may not sign it off."""
    mentor = _fresh(world["mentor"])
    queue = permissions.records_for(mentor, "sign_off", PracticalSubmission)
    assert [s.enrollment.user for s in queue] == [world["learner"]]
    taught = world["_courses"][0]
    own = PracticalSubmission.objects.create(
        enrollment=f.enrollment(user=world["mentor"], course=taught),
        lesson=world["_lesson"],
        task_id="t",
    )
    assert not permissions.user_can(_fresh(world["mentor"]), "sign_off", own)
    assert permissions.user_can(_fresh(world["mentor"]), "view", own)


def test_hr_see_their_peoples_practicals_and_report_rows(world):
    hr_a = _fresh(world["hr_a"])
    seen = permissions.records_for(hr_a, "view", PracticalSubmission)
    assert {s.enrollment.user for s in seen} == {world["learner"]}
    reported = permissions.records_for(hr_a, "report", Enrollment)
    assert {e.user for e in reported} == {world["learner"], world["leaver"]}
    assert not course_permissions.reports_see_everyone(hr_a)
    editor = _fresh(world["editor"])
    assert course_permissions.reports_see_everyone(editor)
    assert permissions.records_for(editor, "report", Enrollment).count() == 3
    assert not permissions.user_may(world["learner"], "report", Enrollment)
