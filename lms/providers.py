"""Facts about people that other apps hold and the core reads (the skill-level ladder,
the HR board, instructors' profile links). ``lms`` imports none of those apps: each
registers its provider explicitly in ``AppConfig.ready()``.

A provider is a batch function, ``many(users) -> {user id: fact}`` (a fixed number of
queries for any number of people); one person's fact is the batch of one, so the two
can never disagree. A fact nobody provides is an error, never an empty answer: the
system check ``lms.E002`` fails at start-up (``manage.py check``, ``migrate``,
``runserver``) and reading it raises ``MissingProvider``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured


class MissingProvider(ImproperlyConfigured):
    """A fact the core reads has no provider: an app did not register it."""


@dataclass
class Fact:
    """One kind of fact about people; ``empty`` is a person's value where a
    provider knows nothing of them, ``merge`` joins the providers' answers."""

    name: str
    owner: str  # the app expected to provide it, for the error message
    empty: Callable[[], object]
    merge: Callable[[list], object]
    providers: list[Callable] = field(default_factory=list)

    def register(self, many: Callable) -> None:
        self.providers.append(many)

    def require(self) -> None:
        if not self.providers:
            raise MissingProvider(
                f"No provider of {self.name!r} is registered: the {self.owner} app "
                "must register one in its AppConfig.ready()."
            )

    def many(self, users: Iterable, *args) -> dict[int, object]:
        self.require()
        users = [u for u in users if u is not None]
        answers = [provider(users, *args) for provider in self.providers]
        return {
            u.pk: self.merge([a.get(u.pk, self.empty()) for a in answers])
            for u in users
        }


def _union(values: list) -> set:
    return set().union(*values)


def _total(values: list) -> Decimal:
    return sum((Decimal(v) for v in values), Decimal(0))


def _first(values: list):
    return next((v for v in values if v), None)


def _joined(values: list) -> list:
    return [item for value in values for item in value]


@dataclass(frozen=True)
class LadderEvidence:
    """Something that lets a person apply for ``level`` in an occupation whatever
    the usual requirements (a competition placing, say): shown on the ladder as
    ``text`` (already in the reader's language), linking to ``url``."""

    occupation_id: int
    level: int
    text: str
    url: str = ""


COMPLETED_COURSES = Fact("completed courses", "courses", set, _union)
TRAINING_HOURS = Fact("training hours", "mentorship", Decimal, _total)
MENTOR_SIGNOFFS = Fact("mentor sign-offs", "mentorship", set, _union)
PROFILE_URLS = Fact("profile URLs", "home", lambda: None, _first)
LADDER_EVIDENCE = Fact("ladder evidence", "home", list, _joined)
FACTS = (
    COMPLETED_COURSES,
    TRAINING_HOURS,
    MENTOR_SIGNOFFS,
    PROFILE_URLS,
    LADDER_EVIDENCE,
)


def register_completed_courses(many: Callable[[list], dict[int, set[int]]]) -> None:
    """``many(users)``: page ids of the courses each user id has completed."""
    COMPLETED_COURSES.register(many)


def register_training_hours(many: Callable[[list], dict[int, Decimal]]) -> None:
    """``many(users)``: each user id's total recorded learning hours."""
    TRAINING_HOURS.register(many)


def register_mentor_signoffs(
    many: Callable[[list], dict[int, set[tuple[int, int]]]],
) -> None:
    """``many(users)``: (occupation id, skill level) pairs a mentor signed off."""
    MENTOR_SIGNOFFS.register(many)


def register_profile_urls(many: Callable[[list, object], dict[int, str]]) -> None:
    """``many(users, request)``: the URL of each user's public profile page (in the
    request's language where translated); users without one are left out."""
    PROFILE_URLS.register(many)


def register_ladder_evidence(
    many: Callable[[list], dict[int, list[LadderEvidence]]],
) -> None:
    """``many(users)``: the ``LadderEvidence`` each user id holds."""
    LADDER_EVIDENCE.register(many)


def ladder_evidence_many(users: Iterable) -> dict[int, list[LadderEvidence]]:
    return LADDER_EVIDENCE.many(users)


def completed_courses_many(users: Iterable) -> dict[int, set[int]]:
    return COMPLETED_COURSES.many(users)


def training_hours_many(users: Iterable) -> dict[int, Decimal]:
    return TRAINING_HOURS.many(users)


def mentor_signoffs_many(users: Iterable) -> dict[int, set[tuple[int, int]]]:
    return MENTOR_SIGNOFFS.many(users)


def completed_courses(user) -> set[int]:
    return completed_courses_many([user])[user.pk]


def training_hours(user) -> Decimal:
    return training_hours_many([user])[user.pk]


def mentor_signoffs(user) -> set[tuple[int, int]]:
    return mentor_signoffs_many([user])[user.pk]


def profile_urls(users: Iterable, *, request=None) -> dict[int, str]:
    """Profile URLs of the users that have a profile page."""
    users = list(users)
    if not any(u is not None for u in users):
        return {}
    found = PROFILE_URLS.many(users, request)
    return {user_id: url for user_id, url in found.items() if url}


# --- which pages are courses -------------------------------------------------------
# The skill-level ladder's required courses are chosen among them (lms admin).
COURSE_PAGES = Fact("course pages", "courses", lambda: None, _first)


def register_course_pages(queryset: Callable[[], object]) -> None:
    """``queryset()``: the course pages (``wagtailcore.Page`` rows, every language)."""
    COURSE_PAGES.register(queryset)


def course_pages():
    """A ``Page`` queryset of every course page, from the app that owns courses."""
    COURSE_PAGES.require()
    return COURSE_PAGES.providers[0]()


def check_providers(app_configs=None, **kwargs) -> list:
    """System check: every fact the core reads has a provider."""
    from django.core import checks

    errors = []
    for fact in (*FACTS, COURSE_PAGES):
        try:
            fact.require()
        except MissingProvider as error:
            errors.append(checks.Error(str(error), id="lms.E002"))
    return errors
