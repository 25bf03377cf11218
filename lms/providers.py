"""Facts about a person that other apps hold and the core reads (the skill-level ladder,
the worker's page). ``lms`` imports none of those apps: each registers its provider in
``AppConfig.ready()``, and a fact nobody provides reads as empty."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

_completed_courses: list[Callable] = []
_training_hours: list[Callable] = []
_mentor_signoffs: list[Callable] = []


def register_completed_courses(fn: Callable[[object], set[int]]) -> None:
    """``fn(user)`` returns the page ids of the courses the user has completed."""
    _completed_courses.append(fn)


def register_training_hours(fn: Callable[[object], Decimal]) -> None:
    """``fn(user)`` returns the user's total recorded learning hours."""
    _training_hours.append(fn)


def register_mentor_signoffs(fn: Callable[[object], set[tuple[int, int]]]) -> None:
    """``fn(user)`` returns (occupation id, skill level) pairs a mentor signed off."""
    _mentor_signoffs.append(fn)


def completed_courses(user) -> set[int]:
    return set().union(*(fn(user) for fn in _completed_courses))


def training_hours(user) -> Decimal:
    return sum((Decimal(fn(user)) for fn in _training_hours), Decimal(0))


def mentor_signoffs(user) -> set[tuple[int, int]]:
    return set().union(*(fn(user) for fn in _mentor_signoffs))
