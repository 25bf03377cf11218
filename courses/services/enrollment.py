"""Enrolling, being assigned a course, leaving it."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment
from courses.selectors import canonical_page, missing_prerequisites
from lms.errors import DomainError
from lms.models import User
from lms.permissions import user_can
from lms.services.notifications import notification_send


def _get_or_create(*, user: User, course: CoursePage, defaults: dict) -> Enrollment:
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .filter(user=user, course=course)
        .first()
    )
    if enrollment is not None:
        return enrollment
    try:
        with transaction.atomic():
            return Enrollment.objects.create(user=user, course=course, **defaults)
    except IntegrityError:  # a concurrent request enrolled first
        return Enrollment.objects.select_for_update(of=("self",)).get(
            user=user, course=course
        )


def _reactivate(enrollment: Enrollment) -> None:
    if enrollment.status == Enrollment.Status.LEFT:
        enrollment.status = Enrollment.Status.ACTIVE
        enrollment.left_at = None
        enrollment.save(update_fields=["status", "left_at"])


@transaction.atomic
def enrollment_create(*, user: User, course: CoursePage) -> Enrollment:
    """Self-enrolment in an open course; enrolling again (or after leaving) returns
    the same enrolment, back in progress. ``course`` may be a translation: the
    enrolment is in its canonical course, whose settings decide."""
    course = canonical_page(course)
    if not user_can(user, "enrol", course):
        raise DomainError(
            _("This course is not open for self-enrolment. Ask your HR or mentor."),
            code="enrolment_closed",
        )
    missing = missing_prerequisites(user=user, course=course)
    if missing:
        raise DomainError(
            _("Complete these courses first: %(courses)s.")
            % {"courses": ", ".join(c.title for c in missing)},
            code="prerequisites",
        )
    enrollment = _get_or_create(user=user, course=course, defaults={})
    _reactivate(enrollment)
    return enrollment


@transaction.atomic
def enrollment_assign(
    *,
    actor: User,
    person: User,
    course: CoursePage,
    due_on: datetime.date | None,
) -> Enrollment:
    """HR of the person's enterprise, or a mentor who teaches the course, assigns it
    with a due date. The person is told once per course and due date. The
    enrolment is in the canonical course of ``course``."""
    course = canonical_page(course)
    if not user_can(actor, "assign", Enrollment(user=person, course=course)):
        raise DomainError(
            _("You may not assign this course to this person."), code="forbidden"
        )
    if due_on is not None and due_on < timezone.localdate():
        raise DomainError(_("The due date is in the past."), code="due_date")
    enrollment = _get_or_create(
        user=person,
        course=course,
        defaults={
            "source": Enrollment.Source.ASSIGNED,
            "assigned_by": actor,
            "due_on": due_on,
        },
    )
    if enrollment.assigned_by_id != actor.pk or enrollment.due_on != due_on:
        enrollment.source = Enrollment.Source.ASSIGNED
        enrollment.assigned_by = actor
        enrollment.due_on = due_on
        enrollment.save(update_fields=["source", "assigned_by", "due_on"])
    _reactivate(enrollment)
    if enrollment.status != Enrollment.Status.COMPLETED:
        notification_send(
            recipient=person,
            key=f"course-assigned:{enrollment.pk}:{due_on or 'none'}",
            kind="courses.course_assigned",
            params={
                "enrollment": enrollment.pk,
                "due": due_on.isoformat() if due_on else None,
            },
        )
    return enrollment


@transaction.atomic
def enrollment_leave(*, user: User, enrollment: Enrollment) -> Enrollment:
    """Leaving keeps the enrolment and its history; enrolling again resumes it."""
    enrollment = Enrollment.objects.select_for_update(of=("self",)).get(
        pk=enrollment.pk
    )
    if enrollment.user_id != user.pk:
        raise DomainError(_("This is not your enrolment."), code="forbidden")
    if enrollment.status == Enrollment.Status.COMPLETED:
        raise DomainError(_("You have completed this course."), code="completed")
    if enrollment.status == Enrollment.Status.ACTIVE:
        enrollment.status = Enrollment.Status.LEFT
        enrollment.left_at = timezone.now()
        enrollment.save(update_fields=["status", "left_at"])
    return enrollment
