"""Reads for the HR board, its exports and the API: which people and certificates
a user may see, filtered and counted (the counts cached per board version), and
the bulk look-up. Each a fixed number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from lms import permissions
from lms.certification.models.status import status_q
from lms.certification.permissions import certificate_policy
from lms.models import (
    Membership,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)

# The eligible-workers page reads the ladders of this many workers at a time (an
# enterprise of 5,000 workers holding 250,000 certificates is too much for one page).
ELIGIBLE_WORKERS_PER_PAGE = 50


@dataclass(frozen=True)
class BoardFilters:
    q: str = ""
    occupation_id: int | None = None
    level: int | None = None
    status: str = ""
    expiring_within: int | None = None  # 30, 60 or 90 days
    holder_id: int | None = None


def board_people(*, user: User, hr_only: bool = False):
    """Memberships of the people whose certificates the board shows: the HR's
    enterprises' workers; officers and staff see everyone's (None), unless
    ``hr_only`` (the API: always one enterprise's people)."""
    if not hr_only and certificate_policy.rule(user, "view_board") is True:
        return None
    return Membership.objects.filter(
        enterprise_id__in=permissions.hr_enterprise_ids(user)
    )


def board_certificates(
    *,
    user: User,
    filters: BoardFilters,
    today: datetime.date | None = None,
    hr_only: bool = False,
) -> QuerySet[SkillCertificate]:
    """THE query shape of the board, its exports and the API: one SELECT with the
    holder, occupation, status and the holder's employee number."""
    today = today or timezone.localdate()
    qs = certificate_policy.instances_user_has_permission_for(
        user, "api" if hr_only else "view_board"
    )
    people = board_people(user=user, hr_only=hr_only)
    number_source = Membership.objects.filter(user=OuterRef("holder_id"))
    if people is not None:
        number_source = number_source.filter(
            enterprise_id__in=permissions.hr_enterprise_ids(user)
        )
    qs = qs.with_status(today).annotate(
        employee_number=Subquery(
            number_source.exclude(employee_number="")
            .order_by("enterprise_id")
            .values("employee_number")[:1]
        )
    )
    if filters.q:
        q = filters.q.strip()
        # The people matching first (a small query on people, not a scan of every
        # certificate joined to its holder), then their certificates or the one
        # numbered so: two indexed lookups the planner can OR together.
        people_ids = list(
            User.objects.filter(
                Q(display_name__icontains=q)
                | Q(first_name__icontains=q)
                | Q(last_name__icontains=q)
                | Q(email__iexact=q)
                | Q(
                    pk__in=Membership.objects.filter(employee_number__iexact=q).values(
                        "user_id"
                    )
                )
            ).values_list("pk", flat=True)
        )
        qs = qs.filter(Q(holder_id__in=people_ids) | Q(number__iexact=q))
    if filters.occupation_id:
        qs = qs.filter(occupation_id=filters.occupation_id)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.status:
        qs = qs.filter(status_q(filters.status, today))
    if filters.expiring_within:
        qs = qs.current().filter(
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=filters.expiring_within),
        )
    if filters.holder_id:
        qs = qs.filter(holder_id=filters.holder_id)
    return qs.select_related("holder", "occupation").order_by(
        "holder__display_name", "holder_id", "occupation__name", "level", "-issued_on"
    )


# The chart draws the occupations with the most certificates only (at the large
# size's 200 occupations a bar each made the chart two thirds of the page); the
# table below it keeps every occupation.
CHART_MOST = 12


@dataclass
class BoardCounts:
    """Certificates by (occupation id, level) of a filtered board. The occupations
    are read only when shown (a cached fragment of the page does not need them)."""

    cells: dict[tuple[int, int], int]
    # All eight, apprentice to chief technician: the columns stay put whatever
    # the filter.
    levels: list[SkillLevel] = field(default_factory=lambda: list(SkillLevel))
    cache_key: str = ""

    @cached_property
    def occupations(self) -> list[Occupation]:
        ids = {o for o, _lv in self.cells}
        return list(Occupation.objects.filter(pk__in=ids).order_by("name"))

    @cached_property
    def row_totals(self) -> dict[int, int]:
        totals: dict[int, int] = {}
        for (occupation_id, _lv), n in self.cells.items():
            totals[occupation_id] = totals.get(occupation_id, 0) + n
        return totals

    @property
    def max_count(self) -> int:
        return max(self.cells.values(), default=0)

    def rows(self):
        for occupation in self.occupations:
            yield (
                occupation,
                [self.cells.get((occupation.pk, lv), 0) for lv in self.levels],
                self.row_totals.get(occupation.pk, 0),
            )

    @cached_property
    def charted(self) -> list[Occupation]:
        """The occupations the chart draws: the ``CHART_MOST`` with the most
        certificates (ties by name), largest first; the table lists them all."""
        totals = self.row_totals
        ranked = sorted(self.occupations, key=lambda o: -totals.get(o.pk, 0))
        return ranked[:CHART_MOST]

    @property
    def not_charted(self) -> int:
        """How many occupations the chart leaves to the table."""
        return len(self.occupations) - len(self.charted)

    def bars(self) -> list[dict]:
        """Stacked bars for the SVG chart: per charted occupation, one segment per
        level with its x offset and width in percent of the largest total."""
        largest = max(self.row_totals.values(), default=0) or 1
        bars = []
        for index, occupation in enumerate(self.charted):
            x = 0.0
            segments = []
            for lv in self.levels:
                n = self.cells.get((occupation.pk, lv), 0)
                if n:
                    width = 100 * n / largest
                    segments.append(
                        {
                            "level": lv.value,
                            "label": lv.label,
                            "n": n,
                            "x": x,
                            "width": width,
                        }
                    )
                    x += width
            bars.append(
                {
                    "occupation": occupation,
                    "y": index * 28,
                    "segments": segments,
                    "total": self.row_totals.get(occupation.pk, 0),
                }
            )
        return bars

    @property
    def total(self) -> int:
        return sum(self.cells.values())


def board_counts(*, certificates: QuerySet[SkillCertificate]) -> BoardCounts:
    """Counts by occupation × level of the filtered board (one GROUP BY, served by
    the (holder, occupation, level) index; the occupations' names when shown)."""
    pairs = (
        certificates.order_by()
        .values_list("occupation_id", "level")
        .annotate(n=Count("*"))
    )
    return BoardCounts(cells={(o, lv): n for o, lv, n in pairs})


# The board's counts are cached per (people seen, filters, day) under a version that
# every certificate change replaces (``board_version_bump``, on commit, from the
# certificate and import services) and a fingerprint of the HR's memberships (a
# worker joining or leaving changes the key); at most BOARD_COUNTS_SECONDS old.
BOARD_VERSION_KEY = "lms:certificate-board:version"
BOARD_COUNTS_SECONDS = 300


def board_version() -> str:
    version = cache.get(BOARD_VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(BOARD_VERSION_KEY, version, timeout=None):
            version = cache.get(BOARD_VERSION_KEY) or version
    return version


def board_version_bump() -> None:
    """Every cached count becomes unreachable (a random version, so an evicted
    version can never bring old counts back)."""
    cache.set(BOARD_VERSION_KEY, secrets.token_hex(8), timeout=None)


def _board_counts_key(
    user: User, filters: BoardFilters, today: datetime.date, hr_only: bool
) -> str:
    people = board_people(user=user, hr_only=hr_only)
    if people is None:
        scope = "all"
    else:
        enterprise_ids = sorted(permissions.hr_enterprise_ids(user))
        seen = people.aggregate(n=Count("id"), last=Max("id"))
        scope = f"{enterprise_ids}:{seen['n']}:{seen['last']}"
    raw = f"{board_version()}|{scope}|{today}|{filters!r}"
    return "lms:certificate-board:counts:" + hashlib.sha256(raw.encode()).hexdigest()


def board_counts_cached(
    *,
    user: User,
    filters: BoardFilters,
    certificates: QuerySet[SkillCertificate],
    today: datetime.date | None = None,
    hr_only: bool = False,
) -> BoardCounts:
    """``board_counts`` of ``certificates`` (the board's queryset for ``user`` and
    ``filters``), from the cache when nothing changed since: the GROUP BY over an
    enterprise's quarter of a million certificates is the board's dearest query."""
    today = today or timezone.localdate()
    key = _board_counts_key(user, filters, today, hr_only)
    cells = cache.get(key)
    if cells is None:
        cells = board_counts(certificates=certificates).cells
        cache.set(key, cells, BOARD_COUNTS_SECONDS)
    return BoardCounts(cells=cells, cache_key=key)


class CountedPaginator(Paginator):
    """A paginator told its count (the sum of the board's counts), so it never
    runs a COUNT over the whole filtered board."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def workers_for_board(*, user: User) -> QuerySet[User]:
    people = board_people(user=user)
    qs = User.objects.all()
    if people is not None:
        qs = qs.filter(pk__in=people.values("user_id"))
    return qs


def workers_with_certificates(*, user: User) -> QuerySet[User]:
    """The workers on the board who hold any certificate, by name."""
    holders = SkillCertificate.objects.filter(holder_id=OuterRef("pk"))
    return (
        workers_for_board(user=user)
        .filter(Exists(holders))
        .order_by("display_name", "pk")
    )


def lookup_people(*, user: User, identifiers: list[str]) -> dict[str, int | None]:
    """Maps each identifier (lower-cased) to a person the user may see on the board,
    matched by e-mail or employee number; anyone else maps to None. Two queries."""
    people = board_people(user=user)
    emails = [i.lower() for i in identifiers if "@" in i]
    numbers = [i for i in identifiers if "@" not in i]
    found: dict[str, int | None] = {i.lower(): None for i in identifiers}
    by_email = workers_for_board(user=user).filter(email__in=emails)
    for pk, email in by_email.values_list("pk", "email"):
        found[email.lower()] = pk
    memberships = (people if people is not None else Membership.objects).filter(
        employee_number__in=numbers
    )
    for user_id, number in memberships.values_list("user_id", "employee_number"):
        if number.lower() in found and found[number.lower()] is None:
            found[number.lower()] = user_id
    return found
