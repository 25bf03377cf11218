"""Course notifications are written in the recipient's language, whoever sends them."""

import pytest
from django.utils import translation

from courses.services.enrollment import enrollment_assign
from courses.services.practicals import practical_decide, practical_submit
from lms.models import Notification
from tests.courses import factories as f
from tests.lms.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_an_assignment_reaches_a_chinese_reader_in_chinese_with_the_chinese_title(
    hr_user, enterprise, loom_course
):
    f.translate(loom_course.get_parent())
    f.translate(loom_course, title="织机保养")
    worker = MembershipFactory(enterprise=enterprise).user
    worker.preferred_language = "zh-hans"
    worker.save()
    with translation.override("en"):  # the HR officer works in English
        enrollment_assign(actor=hr_user, person=worker, course=loom_course, due_on=None)
    message = Notification.objects.get(recipient=worker).render(
        worker.preferred_language
    )
    assert message.subject == "已为您分配课程：织机保养"
    assert message.link.startswith("/zh-hans/")


def test_an_english_reader_gets_english_from_a_chinese_sender(
    hr_user, enterprise, loom_course
):
    worker = MembershipFactory(enterprise=enterprise).user
    worker.preferred_language = "en"
    worker.save()
    with translation.override("zh-hans"):
        enrollment_assign(actor=hr_user, person=worker, course=loom_course, due_on=None)
    subject = Notification.objects.get(recipient=worker).render("en").subject
    assert subject == f"Course assigned: {loom_course.title}"


def test_practical_notices_follow_each_readers_language(learner, teacher, loom_course):
    from courses.selectors.structure import lessons_of

    _intro, practise = lessons_of([loom_course])
    teacher.preferred_language = "zh-hans"
    teacher.save()
    learner.preferred_language = "en"
    learner.save()
    enrollment = f.enrollment(user=learner, course=loom_course)
    with translation.override("en"):
        submission = practical_submit(
            enrollment=enrollment,
            lesson=practise,
            task_id="task1",
            text="Cleaned it",
            photos=[f.png()],
        )
    to_teacher = Notification.objects.get(recipient=teacher).render("zh-hans")
    assert to_teacher.subject == "待审核实操任务：Clean the sensor"
    with translation.override("zh-hans"):
        practical_decide(reviewer=teacher, submission=submission, approve=True)
    to_learner = Notification.objects.get(recipient=learner).render("en")
    assert to_learner.subject == "Practical task signed off: Check and practise"
