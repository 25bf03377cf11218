"""Practical submissions: those waiting for an instructor's review and those a person
may open."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from courses.models import CoursePage, PracticalSubmission


def practical_reviews_for(*, user) -> QuerySet[PracticalSubmission]:
    """Submissions waiting in the courses the user teaches, oldest first."""
    taught = CoursePage.objects.filter(instructors=user).values("pk")
    return (
        PracticalSubmission.objects.filter(
            status=PracticalSubmission.Status.SUBMITTED,
            enrollment__course_id__in=taught,
        )
        .select_related("enrollment__user", "enrollment__course", "lesson")
        .prefetch_related(Prefetch("photos"))
        .order_by("submitted_at", "pk")
    )


def practical_submissions_visible_to(user) -> QuerySet[PracticalSubmission]:
    """Submissions the user may open: their own, those of the courses they teach,
    their enterprises' people's (HR), all (staff)."""
    from lms import permissions

    qs = PracticalSubmission.objects.select_related(
        "enrollment__user", "enrollment__course", "lesson", "decided_by"
    )
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if permissions.is_staff(user):
        return qs
    visible = Q(enrollment__user=user)
    if permissions.has_role(user, "Mentor"):
        taught = CoursePage.objects.filter(instructors=user).values("pk")
        visible |= Q(enrollment__course_id__in=taught)
    hr_people = permissions.course_report_people_q(user, "enrollment__user_id")
    if hr_people is not None and permissions.hr_enterprise_ids(user):
        visible |= hr_people
    return qs.filter(visible)
