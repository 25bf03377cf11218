"""Batch forms of the facts mentorship provides to ``lms.providers`` (the HR pages
read them for many workers at once): a fixed number of queries for any number of
people, the same answers as the per-person providers."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from courses.providers import completed_course_hours_many
from mentorship.models import GuidanceSession, Milestone
from mentorship.models.agreements import hours


def training_hours_many(users) -> dict[int, Decimal]:
    """Each user's learning hours, as their hours record counts them: confirmed
    guidance received, confirmed service visits made and completed courses (three
    queries)."""
    ids = [u.pk for u in users]
    totals: dict[int, Decimal] = defaultdict(Decimal)
    confirmed = GuidanceSession.Status.CONFIRMED
    # Rounded per session, as the per-person total and the hours page do.
    for user_id, minutes in GuidanceSession.objects.filter(
        agreement__apprentice_id__in=ids, status=confirmed
    ).values_list("agreement__apprentice_id", "minutes"):
        totals[user_id] += hours(minutes)
    for user_id, minutes in GuidanceSession.objects.filter(
        mentor_id__in=ids, service_request__isnull=False, status=confirmed
    ).values_list("mentor_id", "minutes"):
        totals[user_id] += hours(minutes)
    for user_id, course_hours in completed_course_hours_many(ids).items():
        totals[user_id] += course_hours
    return dict(totals)


def mentor_signoffs_many(users) -> dict[int, set[tuple[int, int]]]:
    """(occupation id, level) of the milestones a mentor signed off for each user
    (one query)."""
    found: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for user_id, occupation_id, level in Milestone.objects.filter(
        agreement__apprentice_id__in=[u.pk for u in users],
        signed_off_at__isnull=False,
    ).values_list("agreement__apprentice_id", "occupation_id", "skill_level"):
        found[user_id].add((occupation_id, level))
    return dict(found)
