"""Course completion, recorded once, and the certificate that may follow it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import CourseCompletion, Enrollment
from courses.selectors import enrollment_progress
from lms.services.notifications import notification_send


@transaction.atomic
def course_completion_check(*, enrollment: Enrollment) -> CourseCompletion | None:
    """Records the completion when every lesson is complete, every quiz passed and
    every practical task signed off; queues the certificate task after commit.
    Runs safely any number of times: the completion exists once."""
    from courses.tasks import issue_course_certificate

    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrollment.pk)
    )
    existing = CourseCompletion.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        return existing
    if enrollment.status != Enrollment.Status.ACTIVE:
        return None
    if not enrollment_progress(enrollment).is_complete:
        return None
    try:
        with transaction.atomic():
            completion = CourseCompletion.objects.create(
                enrollment=enrollment, hours=enrollment.course.estimated_hours
            )
    except IntegrityError:
        return CourseCompletion.objects.get(enrollment=enrollment)
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.save(update_fields=["status"])
    issue_course_certificate.delay_on_commit(completion.pk)
    return completion


def _issue(completion: CourseCompletion):
    """The platform certificate for a completion, or None when the course gives
    none (or names no occupation and level)."""
    course = completion.enrollment.course
    if not (course.issues_certificate and course.occupation_id and course.skill_level):
        return None
    from lms.services.certificates import platform_certificate_issue

    return platform_certificate_issue(
        holder=completion.enrollment.user,
        occupation=course.occupation,
        level=course.skill_level,
        course_title=course.title,
        source_key=f"course-completion:{completion.pk}",
    )


@transaction.atomic
def course_completion_certificate_issue(*, completion_id: int) -> CourseCompletion:
    """Issues the certificate (idempotent by source key) and tells the learner, once."""
    completion = (
        CourseCompletion.objects.select_for_update(of=("self",))
        .select_related("enrollment__user", "enrollment__course__occupation")
        .get(pk=completion_id)
    )
    certificate = None
    if completion.certificate_id is None:
        certificate = _issue(completion)
        if certificate is not None:
            completion.certificate = certificate
            completion.save(update_fields=["certificate"])
    course = completion.enrollment.course
    if completion.certificate_id:
        body = _(
            "Congratulations: you completed %(course)s. Your skill certificate is "
            "ready on your learning page."
        )
    else:
        body = _("Congratulations: you completed %(course)s.")
    notification_send(
        recipient=completion.enrollment.user,
        key=f"course-completed:{completion.pk}",
        subject=_("Course completed: %(course)s") % {"course": course.title},
        body=body % {"course": course.title},
        url=reverse("courses:my_learning"),
    )
    return completion
