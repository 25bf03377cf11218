from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from kombu.exceptions import OperationalError

from courses.models import CourseCompletion
from courses.selectors.learning import completed_course_hours
from courses.selectors.outline import course_outline
from courses.selectors.progress import course_progress_for, enrollment_progress
from courses.selectors.structure import lessons_of
from courses.services.completion import (
    course_completion_certificate_issue,
    course_completion_check,
    course_completions_settle_pending,
)
from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_decide, practical_submit
from courses.services.progress import lesson_complete, lesson_view
from courses.services.quizzes import quiz_attempt_submit
from courses.tasks import certificates_issue_pending, issue_course_certificate
from lms import providers
from lms.errors import DomainError
from lms.models import Notification, SkillCertificate
from tests.courses import factories as f
from tests.lms.factories import OccupationFactory, UserFactory

pytestmark = pytest.mark.django_db


def lessons_and_quiz_done(enrollment, lessons):
    """Every lesson completed and the quiz passed: all but the practical task."""
    for lesson in lessons:
        lesson_complete(enrollment=enrollment, lesson=lesson)
    quiz_attempt_submit(
        enrollment=enrollment,
        lesson=lessons[1],
        quiz_id="quiz1",
        answers=f.RIGHT,
        attempt_number=1,
    )


def finish_everything(enrollment, lessons, teacher):
    lessons_and_quiz_done(enrollment, lessons)
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
    progress = enrollment_progress(enrollment)
    assert (progress.done, progress.requirements.total) == (1, 4)
    assert progress.percent == 25
    assert course_progress_for(user=learner, course_ids=[loom_course.pk]) == {
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
    lessons = lessons_of([course])
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
    assert providers.completed_courses(learner) == {course.pk}
    assert completed_course_hours(user=learner)[0][1:] == (
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
    lessons_and_quiz_done(enrollment, lessons)
    assert course_completion_check(enrollment=enrollment) is None
    assert not CourseCompletion.objects.exists()


def test_an_unpublished_lesson_is_refused_and_not_required(learner, loom_course):
    draft = f.lesson(course=loom_course, title="Draft", live=False)
    enrollment = enrollment_create(user=learner, course=loom_course)
    with pytest.raises(DomainError):
        lesson_complete(enrollment=enrollment, lesson=draft)
    assert enrollment_progress(enrollment).requirements.total == 4


def test_opening_a_lesson_sets_where_to_continue(learner, loom_course, lessons):
    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson_view(enrollment=enrollment, lesson=lessons[1])
    outline = course_outline(course=loom_course, user=learner)
    assert outline["continue_lesson"].pk == lessons[1].pk
    lesson_complete(enrollment=enrollment, lesson=lessons[1])
    outline = course_outline(course=loom_course, user=learner)
    assert outline["continue_lesson"].pk == lessons[0].pk


def test_opening_a_lesson_again_moves_only_its_time(learner, loom_course, lessons):
    """Opening a lesson twice keeps one progress row: the first-opened time stays,
    the last-opened time moves; a completion is kept; two writes, no read."""
    from courses.models import LessonProgress

    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson_view(enrollment=enrollment, lesson=lessons[0])
    first = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0])
    lesson_complete(enrollment=enrollment, lesson=lessons[0])
    enrollment.course  # noqa: B018 (read with the enrolment, as the view does)
    with CaptureQueriesContext(connection) as writes:
        lesson_view(enrollment=enrollment, lesson=lessons[0])
    assert len(writes) == 2
    again = LessonProgress.objects.get(enrollment=enrollment, lesson=lessons[0])
    assert again.pk == first.pk
    assert again.first_viewed_at == first.first_viewed_at
    assert again.last_viewed_at > first.last_viewed_at
    assert again.completed_at is not None
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == lessons[0].pk


# --- the certificate step when the broker is down, and the sweep that catches up ---


@pytest.fixture
def cert_course(index, teacher):
    """A one-lesson course that gives a level-3 certificate."""
    course = f.course(
        index=index,
        title="Boiler safety",
        instructors=[teacher],
        issues_certificate=True,
        occupation=OccupationFactory(),
        skill_level=3,
    )
    f.lesson(course=course, title="Only", body=[f.text_block()])
    return course


def pending_completion(course, *, age: timedelta, user=None) -> CourseCompletion:
    """A completion recorded ``age`` ago whose certificate step never ran."""
    enrollment = f.enrollment(
        user=user or UserFactory(), course=course, status="completed"
    )
    completion = CourseCompletion.objects.create(enrollment=enrollment, hours=2)
    CourseCompletion.objects.filter(pk=completion.pk).update(
        completed_at=timezone.now() - age
    )
    return completion


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:63799.")

    monkeypatch.setattr(issue_course_certificate, "delay", refuse)


def test_completion_is_saved_and_left_pending_when_the_broker_is_down(
    learner, cert_course, broker_down, django_capture_on_commit_callbacks
):
    """The request that completes the course does not fail after its commit: the
    completion is recorded, without certificate, pending for the sweep."""
    lesson = lessons_of([cert_course])[0]
    enrollment = enrollment_create(user=learner, course=cert_course)
    with django_capture_on_commit_callbacks(execute=True):
        lesson_complete(enrollment=enrollment, lesson=lesson)

    completion = CourseCompletion.objects.get()
    assert completion.certificate_id is None
    assert completion.certificate_checked_at is None
    assert not SkillCertificate.objects.exists()


def test_sweep_settles_only_pending_completions_older_than_a_minute(cert_course):
    """A fresh one may still have its task on the way; a settled one is left alone."""
    due = pending_completion(cert_course, age=timedelta(minutes=5))
    fresh = pending_completion(cert_course, age=timedelta(seconds=20))
    settled = pending_completion(cert_course, age=timedelta(minutes=5))
    course_completion_certificate_issue(completion_id=settled.pk)
    assert SkillCertificate.objects.count() == 1

    assert course_completions_settle_pending() == 1

    due.refresh_from_db()
    fresh.refresh_from_db()
    assert due.certificate.holder == due.enrollment.user
    assert due.certificate_checked_at is not None
    assert fresh.certificate_id is None and fresh.certificate_checked_at is None
    assert SkillCertificate.objects.count() == 2


def test_sweep_takes_a_bounded_batch_oldest_first(cert_course):
    old, older, oldest = (
        pending_completion(cert_course, age=timedelta(minutes=m)) for m in (2, 3, 4)
    )
    assert course_completions_settle_pending(limit=2) == 2
    pending = CourseCompletion.objects.filter(certificate_checked_at__isnull=True)
    assert list(pending.all()) == [old]
    assert course_completions_settle_pending(limit=2) == 1
    assert not pending.all().exists()


def test_sweep_task_twice_issues_and_tells_once(
    cert_course, mailoutbox, django_capture_on_commit_callbacks
):
    """The beat task through eager Celery: the second run finds nothing to do, and the
    worker's own task arriving late changes nothing either."""
    completion = pending_completion(cert_course, age=timedelta(minutes=5))
    learner = completion.enrollment.user

    with django_capture_on_commit_callbacks(execute=True):
        assert certificates_issue_pending.delay().get() == 1
        assert certificates_issue_pending.delay().get() == 0
        issue_course_certificate.delay(completion.pk)

    assert SkillCertificate.objects.filter(holder=learner).count() == 1
    keys = sorted(Notification.objects.filter(recipient=learner).values_list("key"))
    assert [k.split(":")[0] for (k,) in keys] == ["cert-issued", "course-completed"]
    assert len(mailoutbox) == 2


def test_sweep_settles_a_course_without_certificate_without_issuing(loom_course):
    completion = pending_completion(loom_course, age=timedelta(minutes=5))
    assert course_completions_settle_pending() == 1
    completion.refresh_from_db()
    assert completion.certificate_checked_at is not None
    assert completion.certificate_id is None
    assert not SkillCertificate.objects.exists()


def test_sweep_costs_the_same_queries_for_each_completion(cert_course):
    """One read of the ids, then a fixed number per completion, whatever the batch."""

    def queries_to_settle(count: int) -> int:
        for _i in range(count):
            pending_completion(cert_course, age=timedelta(minutes=5))
        with CaptureQueriesContext(connection) as captured:
            assert course_completions_settle_pending() == count
        return len(captured)

    queries_to_settle(1)  # warm-up: one-off look-ups (site, content types)
    one, three = queries_to_settle(1), queries_to_settle(3)
    assert three - 1 == 3 * (one - 1)
    assert one <= 30


def test_sweep_runs_every_few_minutes_in_beat():
    entries = {e["task"]: e for e in settings.CELERY_BEAT_SCHEDULE.values()}
    schedule = entries["courses.tasks.certificates_issue_pending"]["schedule"]
    minutes = sorted(schedule.minute)
    gaps = [
        b - a for a, b in zip(minutes, [*minutes[1:], minutes[0] + 60], strict=True)
    ]
    assert len(schedule.hour) == 24 and max(gaps) <= 5


def test_migration_settles_completions_whose_task_already_ran(cert_course):
    """Deploying the pending marker: completions with their certificate or their
    "course completed" message are settled; one whose task was lost stays pending."""
    migration = import_module("courses.migrations.0002_completion_certificate_pending")
    issued, told, lost = (
        pending_completion(cert_course, age=timedelta(days=d)) for d in (3, 2, 1)
    )
    course_completion_certificate_issue(completion_id=issued.pk)
    Notification.objects.create(
        recipient=told.enrollment.user, key=f"course-completed:{told.pk}", kind="legacy"
    )
    CourseCompletion.objects.update(certificate_checked_at=None)

    migration.settle_issued(apps, None)

    settled = CourseCompletion.objects.filter(certificate_checked_at__isnull=False)
    assert set(settled) == {issued, told}
    told.refresh_from_db()
    assert told.certificate_checked_at == told.completed_at


def test_completion_message_is_in_the_learners_language(loom_course):
    """The worker runs in English; a Chinese reader's message is in Chinese, with the
    course's Chinese title."""
    f.translate(loom_course.get_parent())
    f.translate(loom_course, title="织机保养")
    learner = UserFactory(preferred_language="zh-hans")
    completion = pending_completion(loom_course, age=timedelta(0), user=learner)
    with translation.override("en"):
        course_completion_certificate_issue(completion_id=completion.pk)
    message = Notification.objects.get(recipient=learner).render("zh-hans")
    assert message.subject == "课程已完成：织机保养"
    assert message.link.startswith("/zh-hans/")
