"""Practical submissions: those waiting for an instructor's review and those a person
may open."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from courses.models import PracticalSubmission


def practical_reviews_for(*, user) -> QuerySet[PracticalSubmission]:
    """Submissions waiting for the user's sign-off (the courses they teach), oldest
    first."""
    from lms.permissions import records_for

    return (
        records_for(user, "sign_off", PracticalSubmission)
        .filter(status=PracticalSubmission.Status.SUBMITTED)
        .select_related("enrollment__user", "enrollment__course", "lesson")
        .prefetch_related(Prefetch("photos"))
        .order_by("submitted_at", "pk")
    )


def practical_submissions_visible_to(user) -> QuerySet[PracticalSubmission]:
    """Submissions the user may open (``courses.permissions``: their own, those of
    the courses they teach, their enterprises' people's for HR, all for staff)."""
    from lms.permissions import records_for

    return records_for(user, "view", PracticalSubmission).select_related(
        "enrollment__user", "enrollment__course", "lesson", "decided_by"
    )
