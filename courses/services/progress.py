"""Opening and completing lessons."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from courses.models import CoursePage, Enrollment, LessonPage, LessonProgress
from courses.selectors.languages import canonical_page
from lms.errors import DomainError


def active_enrollment(enrollment: Enrollment) -> Enrollment:
    """The enrolment re-read under a row lock (writes on one enrolment queue up);
    refused unless it is in progress."""
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrollment.pk)
    )
    check_active(enrollment)
    return enrollment


def check_active(enrollment: Enrollment) -> None:
    """Refused unless the enrolment is in progress."""
    if enrollment.status == Enrollment.Status.LEFT:
        raise DomainError(
            _("You left this course. Enrol again to continue."), code="not_enrolled"
        )
    if enrollment.status == Enrollment.Status.COMPLETED:
        raise DomainError(_("You have completed this course."), code="completed")


def check_lesson_of_course(*, lesson: LessonPage, course: CoursePage) -> LessonPage:
    """The canonical lesson the records point at. ``lesson`` may be a translation
    (the page the learner sees); it and its canonical lesson must be live, and the
    canonical lesson must belong to the (canonical) course."""
    canonical = canonical_page(lesson)
    if (
        not lesson.live
        or not canonical.live
        or canonical.path[: -Page.steplen] != course.path
    ):
        raise DomainError(_("This lesson is not part of the course."), code="not_found")
    return canonical


def _progress_row(enrollment: Enrollment, lesson: LessonPage) -> LessonProgress:
    row = LessonProgress.objects.filter(enrollment=enrollment, lesson=lesson).first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(enrollment=enrollment, lesson=lesson)
    except IntegrityError:
        return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)


def lesson_view(*, enrollment: Enrollment, lesson: LessonPage) -> LessonProgress | None:
    """Records that the learner opened the lesson, in any language (for "continue
    where you left off" and drop-off reports). Nothing is recorded for a finished or
    left enrolment. Two statements and no transaction: the progress row upserted
    (first view inserts it, later views move its time) and the enrolment's last
    lesson and time set; each is right on its own, whatever runs between them. The
    row returned holds what was written, not the row's completion."""
    if enrollment.status != Enrollment.Status.ACTIVE:
        return None
    lesson = check_lesson_of_course(lesson=lesson, course=enrollment.course)
    now = timezone.now()
    row = LessonProgress(
        enrollment=enrollment, lesson=lesson, first_viewed_at=now, last_viewed_at=now
    )
    LessonProgress.objects.bulk_create(
        [row],
        update_conflicts=True,
        unique_fields=["enrollment", "lesson"],
        update_fields=["last_viewed_at"],
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_lesson=lesson, last_activity_at=now
    )
    return row


@transaction.atomic
def lesson_complete(*, enrollment: Enrollment, lesson: LessonPage) -> Enrollment:
    """Marks the lesson done in every language (once; again changes nothing) and
    completes the course when that was the last thing missing. Returns the
    enrolment as it is now (completed, when this finished the course). The usual
    case (a lesson opened, so its progress row exists) is one UPDATE."""
    from courses.services.completion import completion_check_locked

    enrollment = active_enrollment(enrollment)
    lesson = check_lesson_of_course(lesson=lesson, course=enrollment.course)
    now = timezone.now()
    marked = LessonProgress.objects.filter(
        enrollment=enrollment, lesson=lesson, completed_at__isnull=True
    ).update(completed_at=now)
    if not marked:  # never opened, or already done
        row = _progress_row(enrollment, lesson)
        if row.completed_at is None:
            row.completed_at = now
            row.save(update_fields=["completed_at"])
            marked = 1
    if marked:
        Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
    completion_check_locked(enrollment=enrollment)
    return enrollment
