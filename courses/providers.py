"""Batch forms of the facts courses provide to ``lms.providers`` (the HR pages read
them for many workers at once): a fixed number of queries for any number of people,
the same answers as the per-person reads in ``courses.selectors.learning``."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import QuerySet
from wagtail.models import Page

from courses.models import CourseCompletion, CoursePage


def course_pages() -> QuerySet[Page]:
    """Every course page (any language), as plain pages: the ladder's choices."""
    return Page.objects.type(CoursePage)


def completed_course_ids_many(users) -> dict[int, set[int]]:
    """Page ids of each user's completed courses, in every language (two queries;
    ``lms.providers.completed_courses`` reads one person as a batch of one)."""
    ids = [u.pk for u in users if getattr(u, "is_authenticated", False)]
    keys_of: dict[int, set] = defaultdict(set)
    for user_id, key in CourseCompletion.objects.filter(
        enrollment__user_id__in=ids
    ).values_list("enrollment__user_id", "enrollment__course__translation_key"):
        keys_of[user_id].add(key)
    if not keys_of:
        return {}
    pages_of: dict = defaultdict(set)
    for pk, key in CoursePage.objects.filter(
        translation_key__in=set().union(*keys_of.values())
    ).values_list("pk", "translation_key"):
        pages_of[key].add(pk)
    return {
        user_id: set().union(*(pages_of[k] for k in keys))
        for user_id, keys in keys_of.items()
    }


def completed_course_hours_many(user_ids) -> dict[int, Decimal]:
    """Hours credited for completed courses, per user id (one query; the sum of
    ``selectors.completed_course_hours``)."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for user_id, course_hours in CourseCompletion.objects.filter(
        enrollment__user_id__in=list(user_ids)
    ).values_list("enrollment__user_id", "hours"):
        totals[user_id] += Decimal(course_hours or 0)
    return dict(totals)
