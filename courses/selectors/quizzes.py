"""Quiz results read by other apps: each person's best score on one quiz within a
time window (a skills competition's theory round reads it). One query for any
number of people."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Max

from courses.models import LessonPage, QuizAttempt
from courses.selectors.languages import canonical_page


def best_quiz_scores(
    *,
    lesson: LessonPage,
    quiz_id: str,
    people: Iterable,
    since: datetime.datetime,
    until: datetime.datetime,
) -> dict[int, int]:
    """{user id: best score (%)} of the attempts at ``quiz_id`` of ``lesson`` (in
    any language: attempts are recorded on the canonical lesson) submitted in
    [since, until). People without an attempt in the window are left out."""
    ids = [p.pk for p in people]
    if not ids:
        return {}
    canonical = canonical_page(lesson)
    rows = (
        QuizAttempt.objects.filter(
            lesson_id=canonical.pk,
            quiz_id=quiz_id,
            enrollment__user_id__in=ids,
            submitted_at__gte=since,
            submitted_at__lt=until,
        )
        .values("enrollment__user_id")
        .annotate(best=Max("score"))
    )
    return {row["enrollment__user_id"]: row["best"] for row in rows}
