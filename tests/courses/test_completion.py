import pytest

from courses import selectors
from courses.models import CourseCompletion
from courses.services.completion import (
    course_completion_certificate_issue,
    course_completion_check,
)
from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_decide, practical_submit
from courses.services.progress import lesson_complete, lesson_view
from courses.services.quizzes import quiz_attempt_submit
from lms.errors import DomainError
from lms.models import Notification, SkillCertificate
from tests.courses import factories as f
from tests.lms.factories import OccupationFactory

pytestmark = pytest.mark.django_db


def finish_everything(enrollment, lessons, teacher):
    for lesson in lessons:
        lesson_complete(enrollment=enrollment, lesson=lesson)
    quiz_attempt_submit(
        enrollment=enrollment,
        lesson=lessons[1],
        quiz_id="quiz1",
        answers=f.RIGHT,
        attempt_number=1,
    )
    submission = practical_submit(
        enrollment=enrollment,
        lesson=lessons[1],
        task_id="task1",
        text="done",
        photos=[f.png()],
    )
    practical_decide(reviewer=teacher, submission=submission, approve=True)


def test_progress_counts_lessons_quizzes_and_practicals(learner, loom_course, lessons):
    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson_complete(enrollment=enrollment, lesson=lessons[0])
    progress = selectors.enrollment_progress(enrollment)
    assert (progress.done, progress.requirements.total) == (1, 4)
    assert progress.percent == 25
    assert selectors.course_progress_for(user=learner, course_ids=[loom_course.pk]) == {
        loom_course.pk: 25
    }


def test_completing_everything_records_one_completion_with_certificate(
    learner, index, teacher, django_capture_on_commit_callbacks
):
    occupation = OccupationFactory()
    course = f.course(
        index=index,
        instructors=[teacher],
        issues_certificate=True,
        occupation=occupation,
        skill_level=4,
    )
    f.lesson(course=course, title="One", body=[f.text_block()])
    f.lesson(course=course, title="Two", body=[f.quiz_block(), f.practical_block()])
    lessons = selectors.lessons_of([course])
    enrollment = enrollment_create(user=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        finish_everything(enrollment, lessons, teacher)
    completion = CourseCompletion.objects.get()
    assert completion.enrollment == enrollment and completion.hours == 6
    enrollment.refresh_from_db()
    assert enrollment.status == "completed"
    certificate = SkillCertificate.objects.get()
    assert completion.certificate == certificate
    assert certificate.holder == learner and certificate.level == 4
    assert Notification.objects.filter(
        recipient=learner, key=f"course-completed:{completion.pk}"
    ).exists()
    # Checking again or running the task again makes nothing new.
    assert course_completion_check(enrollment=enrollment) == completion
    course_completion_certificate_issue(completion_id=completion.pk)
    assert SkillCertificate.objects.count() == 1
    assert CourseCompletion.objects.count() == 1
    assert selectors.completed_course_ids(learner) == {course.pk}
    assert selectors.completed_course_hours(user=learner)[0][1:] == (
        completion.hours,
        course.title,
    )


def test_a_course_without_certificate_completes_without_one(
    learner, loom_course, lessons, teacher, django_capture_on_commit_callbacks
):
    enrollment = enrollment_create(user=learner, course=loom_course)
    with django_capture_on_commit_callbacks(execute=True):
        finish_everything(enrollment, lessons, teacher)
    assert CourseCompletion.objects.get().certificate is None
    assert not SkillCertificate.objects.exists()
    assert Notification.objects.filter(recipient=learner).count() == 2


def test_nothing_completes_while_a_practical_waits(learner, loom_course, lessons):
    enrollment = enrollment_create(user=learner, course=loom_course)
    for lesson in lessons:
        lesson_complete(enrollment=enrollment, lesson=lesson)
    quiz_attempt_submit(
        enrollment=enrollment,
        lesson=lessons[1],
        quiz_id="quiz1",
        answers=f.RIGHT,
        attempt_number=1,
    )
    assert course_completion_check(enrollment=enrollment) is None
    assert not CourseCompletion.objects.exists()


def test_an_unpublished_lesson_is_refused_and_not_required(learner, loom_course):
    draft = f.lesson(course=loom_course, title="Draft", live=False)
    enrollment = enrollment_create(user=learner, course=loom_course)
    with pytest.raises(DomainError):
        lesson_complete(enrollment=enrollment, lesson=draft)
    assert selectors.enrollment_progress(enrollment).requirements.total == 4


def test_opening_a_lesson_sets_where_to_continue(learner, loom_course, lessons):
    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson_view(enrollment=enrollment, lesson=lessons[1])
    outline = selectors.course_outline(course=loom_course, user=learner)
    assert outline["continue_lesson"].pk == lessons[1].pk
    lesson_complete(enrollment=enrollment, lesson=lessons[1])
    outline = selectors.course_outline(course=loom_course, user=learner)
    assert outline["continue_lesson"].pk == lessons[0].pk
