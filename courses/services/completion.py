"""Course completion, recorded once, and the certificate that may follow it."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from courses.models import CourseCompletion, Enrollment
from courses.selectors.progress import enrollment_progress, progress_for
from courses.selectors.structure import requirements_shown
from lms.errors import DomainError
from lms.queueing import queue_on_commit
from lms.services.notifications import notification_send

logger = logging.getLogger(__name__)


@transaction.atomic
def course_completion_check(*, enrollment: Enrollment) -> CourseCompletion | None:
    """Records the completion when every lesson is complete, every quiz passed and
    every practical task signed off; queues the certificate task after commit.
    Runs safely any number of times: the completion exists once."""
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrollment.pk)
    )
    return completion_check_locked(enrollment=enrollment)


def completion_check_locked(*, enrollment: Enrollment) -> CourseCompletion | None:
    """``course_completion_check`` for a caller that read ``enrollment`` (with its
    course) under its row lock in the open transaction (the quiz and lesson
    services): nothing is read twice. An active enrolment is first measured against
    the kept requirements (what the pages show, one query for its progress); only
    one that looks complete is measured again against the live lessons before
    anything is written. Sets ``enrollment.status`` when it completes."""
    if enrollment.status != Enrollment.Status.ACTIVE:
        return CourseCompletion.objects.filter(enrollment=enrollment).first()
    kept = progress_for([enrollment], requirements_shown([enrollment.course]))
    if not kept[enrollment.pk].is_complete:
        return None
    if not enrollment_progress(enrollment).is_complete:
        return None
    existing = CourseCompletion.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            completion = CourseCompletion.objects.create(
                enrollment=enrollment, hours=enrollment.course.estimated_hours
            )
    except IntegrityError:
        return CourseCompletion.objects.get(enrollment=enrollment)
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])
    # With the broker down the completion stays pending (``certificate_checked_at``
    # empty) for ``course_completions_settle_pending``.
    from courses.tasks import issue_course_certificate

    queue_on_commit(issue_course_certificate, completion.pk)
    return completion


def _issue(completion: CourseCompletion):
    """The platform certificate for a completion, or None when the course gives
    none (or names no occupation and level)."""
    course = completion.enrollment.course
    if not (course.issues_certificate and course.occupation_id and course.skill_level):
        return None
    from lms.certification.services import platform_certificate_issue

    return platform_certificate_issue(
        holder=completion.enrollment.user,
        occupation=course.occupation,
        level=course.skill_level,
        course_title=course.title,
        source_key=f"course-completion:{completion.pk}",
    )


def _credential(completion: CourseCompletion) -> None:
    """A course that gives no certificate still gives an Open Badges credential
    of its completion (once per completion)."""
    from lms.certification.services import completion_credential_issue

    completion_credential_issue(
        holder=completion.enrollment.user,
        source_key=f"course-completion:{completion.pk}",
        title=completion.enrollment.course.title,
        hours=str(completion.hours),
        completed_on=timezone.localdate(completion.completed_at),
    )


def course_completion_certificate_issue(
    *, completion_id: int
) -> CourseCompletion | None:
    """The certificate step of one completion: issues the certificate (if the course
    gives one) and tells the learner, then marks the step done. Safe to run twice or
    at once from two workers: the row lock makes the second wait and find it done."""
    completion, _ran = _certificate_step(completion_id=completion_id, skip_locked=False)
    return completion


@transaction.atomic
def _certificate_step(
    *, completion_id: int, skip_locked: bool
) -> tuple[CourseCompletion | None, bool]:
    """The step under a row lock; returns the completion and whether it ran now."""
    completion = (
        CourseCompletion.objects.select_for_update(
            of=("self",), skip_locked=skip_locked
        )
        .select_related("enrollment__user", "enrollment__course__occupation")
        .filter(pk=completion_id)
        .first()
    )
    if completion is None:  # gone (erased), or another worker holds it right now
        return None, False
    if completion.certificate_checked_at is not None:
        return completion, False
    if completion.certificate_id is None:
        certificate = _issue(completion)
        if certificate is not None:
            completion.certificate = certificate  # its credential comes with it
        else:
            _credential(completion)
    notification_send(
        recipient=completion.enrollment.user,
        key=f"course-completed:{completion.pk}",
        kind="courses.course_completed",
        params={
            "completion": completion.pk,
            "with_certificate": bool(completion.certificate_id),
        },
    )
    completion.certificate_checked_at = timezone.now()
    completion.save(update_fields=["certificate", "certificate_checked_at"])
    return completion, True


def course_completions_settle_pending(
    *, older_than: timedelta = timedelta(minutes=1), limit: int = 500
) -> int:
    """Runs the certificate step of completions still pending ``older_than`` after
    they were recorded (their task never reached the broker, or was lost with a
    worker), oldest first, at most ``limit``; each in its own transaction, skipping
    any a worker is doing right now. Returns how many it settled; a second run
    finds nothing left."""
    ids = list(
        CourseCompletion.objects.filter(
            certificate_checked_at__isnull=True,
            completed_at__lte=timezone.now() - older_than,
        )
        .order_by("completed_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    settled = 0
    for pk in ids:
        try:
            _completion, ran = _certificate_step(completion_id=pk, skip_locked=True)
        except (DomainError, DatabaseError):  # one bad row must not stop the others
            logger.exception("certificate step of completion %s failed", pk)
            continue
        settled += ran
    return settled
