"""Facts about a person that other apps hold and the core reads (the skill-level ladder,
the worker's page). ``lms`` imports none of those apps: each registers its provider in
``AppConfig.ready()``, and a fact nobody provides reads as empty.

Each provider answers for one person (``fn(user)``) and may also register a batch
form (``many(users) -> {user id: fact}``, a fixed number of queries for any number of
people) that the HR pages use; without one, the batch readers fall back to calling
``fn`` once per person."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

# (per-person function, batch function or None)
_completed_courses: list[tuple[Callable, Callable | None]] = []
_training_hours: list[tuple[Callable, Callable | None]] = []
_mentor_signoffs: list[tuple[Callable, Callable | None]] = []


def register_completed_courses(
    fn: Callable[[object], set[int]],
    *,
    many: Callable[[list], dict[int, set[int]]] | None = None,
) -> None:
    """``fn(user)`` returns the page ids of the courses the user has completed;
    ``many(users)`` the same for each user id (users missing from it: none)."""
    _completed_courses.append((fn, many))


def register_training_hours(
    fn: Callable[[object], Decimal],
    *,
    many: Callable[[list], dict[int, Decimal]] | None = None,
) -> None:
    """``fn(user)`` returns the user's total recorded learning hours; ``many(users)``
    each user id's total (missing: 0)."""
    _training_hours.append((fn, many))


def register_mentor_signoffs(
    fn: Callable[[object], set[tuple[int, int]]],
    *,
    many: Callable[[list], dict[int, set[tuple[int, int]]]] | None = None,
) -> None:
    """``fn(user)`` returns (occupation id, skill level) pairs a mentor signed off;
    ``many(users)`` the same for each user id (missing: none)."""
    _mentor_signoffs.append((fn, many))


def _answers(registered, users: list) -> list[dict]:
    """Each provider's answer for every user: its batch form if it has one, else
    one call per user."""
    answers = []
    for fn, many in registered:
        if many is not None:
            answers.append(many(users))
        else:
            answers.append({user.pk: fn(user) for user in users})
    return answers


def completed_courses(user) -> set[int]:
    return set().union(*(fn(user) for fn, _many in _completed_courses))


def training_hours(user) -> Decimal:
    return sum((Decimal(fn(user)) for fn, _many in _training_hours), Decimal(0))


def mentor_signoffs(user) -> set[tuple[int, int]]:
    return set().union(*(fn(user) for fn, _many in _mentor_signoffs))


def completed_courses_many(users: Iterable) -> dict[int, set[int]]:
    users = list(users)
    answers = _answers(_completed_courses, users)
    return {u.pk: set().union(*(a.get(u.pk, ()) for a in answers)) for u in users}


def training_hours_many(users: Iterable) -> dict[int, Decimal]:
    users = list(users)
    answers = _answers(_training_hours, users)
    return {
        u.pk: sum((Decimal(a.get(u.pk, 0)) for a in answers), Decimal(0)) for u in users
    }


def mentor_signoffs_many(users: Iterable) -> dict[int, set[tuple[int, int]]]:
    users = list(users)
    answers = _answers(_mentor_signoffs, users)
    return {u.pk: set().union(*(a.get(u.pk, ()) for a in answers)) for u in users}


# --- where a person's public profile is ------------------------------------------
# (users, request) -> {user id: URL}; the app that owns profile pages registers it.
_profile_urls: list[Callable] = []


def register_profile_urls(many: Callable[[list, object], dict[int, str]]) -> None:
    """``many(users, request)`` returns the URL of each user's public profile page
    (in the request's language where translated); users without one are left out."""
    _profile_urls.append(many)


def profile_urls(users: Iterable, *, request=None) -> dict[int, str]:
    users = [u for u in users if u is not None]
    found: dict[int, str] = {}
    if not users:
        return found
    for many in _profile_urls:
        for user_id, url in many(users, request).items():
            found.setdefault(user_id, url)
    return found
