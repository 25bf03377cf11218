"""Reads for certificate pages, the HR board, exports and the API: each a fixed
number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone

from lms import permissions, providers
from lms.certification.models.certificates import status_q
from lms.models import (
    CertificateEvent,
    CertificateStatus,
    LevelRequirement,
    Membership,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)

# Statuses that still count as holding a level (expired ones did hold it).
HELD_STATUSES = (
    CertificateStatus.VALID,
    CertificateStatus.EXPIRING,
    CertificateStatus.EXPIRED,
    CertificateStatus.SUPERSEDED,
)


def certificates_for_holder(*, holder: User) -> QuerySet[SkillCertificate]:
    return (
        SkillCertificate.objects.filter(holder=holder)
        .with_status()
        .select_related("occupation", "replaces")
        .order_by("occupation__name", "level", "-issued_on")
    )


def certificate_detail(*, user: User, pk: int) -> SkillCertificate:
    """One certificate the user may see (404 otherwise), with its attachments,
    renewals and, for HR and officers, its history."""
    from django.shortcuts import get_object_or_404

    qs = (
        permissions.certificates_visible_to(user)
        .with_status()
        .select_related(
            "holder", "occupation", "replaces", "issuer_enterprise", "issuing_body"
        )
        .prefetch_related(
            "attachments",
            Prefetch(
                "events",
                queryset=CertificateEvent.objects.select_related("actor"),
            ),
        )
    )
    return get_object_or_404(qs, pk=pk)


def renewal_chain(*, certificate: SkillCertificate) -> list[SkillCertificate]:
    """The certificates before and after this one in its renewal chain, oldest
    first (a chain is short: one query per link)."""
    chain = [certificate]
    older = certificate.replaces
    while older is not None:
        chain.insert(0, older)
        older = older.replaces
    newer = SkillCertificate.objects.filter(replaces=certificate).first()
    while newer is not None:
        chain.append(newer)
        newer = SkillCertificate.objects.filter(replaces=newer).first()
    ids = [c.pk for c in chain]
    by_id = {
        c.pk: c
        for c in SkillCertificate.objects.filter(pk__in=ids)
        .with_status()
        .select_related("occupation")
    }
    return [by_id[i] for i in ids]


# --- the HR board ----------------------------------------------------------------


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
    if not hr_only and permissions.is_certification_officer(user):
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
    qs = SkillCertificate.objects.all()
    people = board_people(user=user, hr_only=hr_only)
    number_source = Membership.objects.filter(user=OuterRef("holder_id"))
    if people is not None:
        qs = qs.filter(holder_id__in=people.values("user_id"))
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


@dataclass
class BoardCounts:
    """Certificates by (occupation id, level) of a filtered board. The occupations
    are read only when shown (a cached fragment of the page does not need them)."""

    cells: dict[tuple[int, int], int]
    levels: list[tuple[int, str]] = field(
        default_factory=lambda: [(lv, label) for lv, label in SkillLevel.choices]
    )
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
                [self.cells.get((occupation.pk, lv), 0) for lv, _l in self.levels],
                self.row_totals.get(occupation.pk, 0),
            )

    def bars(self) -> list[dict]:
        """Stacked bars for the SVG chart: per occupation, one segment per level
        with its x offset and width in percent of the largest total."""
        largest = max(self.row_totals.values(), default=0) or 1
        bars = []
        for index, occupation in enumerate(self.occupations):
            x = 0.0
            segments = []
            for lv, label in self.levels:
                n = self.cells.get((occupation.pk, lv), 0)
                if n:
                    width = 100 * n / largest
                    segments.append(
                        {"level": lv, "label": label, "n": n, "x": x, "width": width}
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

    @property
    def chart_height(self) -> int:
        return max(28, len(self.occupations) * 28)


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


# --- the skill-level ladder ------------------------------------------------------


@dataclass(frozen=True)
class LadderBar:
    """One measurable requirement of the next level: how much of it is done."""

    label: str
    have: Decimal | int
    need: Decimal | int

    @property
    def percent(self) -> int:
        if not self.need:
            return 100
        return max(0, min(100, int(self.have * 100 / self.need)))

    @property
    def met(self) -> bool:
        return self.have >= self.need


@dataclass
class LadderStep:
    occupation: Occupation
    held_level: int | None
    next_level: int | None
    eligible: bool = False
    missing: list[str] = field(default_factory=list)
    requirement: LevelRequirement | None = None
    bars: list[LadderBar] = field(default_factory=list)

    @property
    def held_label(self) -> str:
        return SkillLevel(self.held_level).label if self.held_level else ""

    @property
    def next_label(self) -> str:
        return SkillLevel(self.next_level).label if self.next_level else ""


def _years_between(start: datetime.date, end: datetime.date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return years


def ladder_for(*, person: User, today: datetime.date | None = None) -> list[LadderStep]:
    """Per occupation the person holds a certificate in (or has a mentor's sign-off
    for): the level held and whether they may apply for the next one, or what is
    missing. Reads the facts other apps provide through ``lms.providers``."""
    return ladders_for(people=[person], today=today)[person.pk]


def ladders_for(
    *, people: list[User], today: datetime.date | None = None
) -> dict[int, list[LadderStep]]:
    """``ladder_for`` of many people at once: a fixed number of queries whatever
    their number (the providers' batch forms, ``lms.providers.*_many``)."""
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    people = list(people)
    ids = [p.pk for p in people]
    held_of: dict[int, list[dict]] = {pk: [] for pk in ids}
    for h in (
        SkillCertificate.objects.filter(holder_id__in=ids)
        .with_status_in(HELD_STATUSES, today)
        .values("holder_id", "occupation_id", "level", "issued_on")
    ):
        held_of[h["holder_id"]].append(h)
    signoffs_of = providers.mentor_signoffs_many(people)
    occupation_ids = {h["occupation_id"] for held in held_of.values() for h in held}
    occupation_ids |= {o for pairs in signoffs_of.values() for o, _lv in pairs}
    if not occupation_ids:
        return {pk: [] for pk in ids}
    occupations = sorted(
        Occupation.objects.filter(pk__in=occupation_ids), key=lambda o: o.name
    )
    requirements = {
        (r.occupation_id, r.level): r
        for r in LevelRequirement.objects.filter(
            occupation_id__in=occupation_ids
        ).prefetch_related("required_courses")
    }
    completed_of = providers.completed_courses_many(people)
    hours_of = providers.training_hours_many(people)
    return {
        p.pk: _ladder(
            held=held_of[p.pk],
            signoffs=signoffs_of.get(p.pk, set()),
            occupations=occupations,
            requirements=requirements,
            completed=completed_of.get(p.pk, set()),
            hours=hours_of.get(p.pk, Decimal(0)),
            today=today,
            gettext=_,
        )
        for p in people
    }


def _ladder(
    *, held, signoffs, occupations, requirements, completed, hours, today, gettext
) -> list[LadderStep]:
    """One person's ladder from facts already read (no queries)."""
    _ = gettext
    held_in: dict[int, list[dict]] = {o: [] for o, _lv in signoffs}
    for h in held:
        held_in.setdefault(h["occupation_id"], []).append(h)
    steps = []
    for occupation in occupations:  # by name
        mine = held_in.get(occupation.pk)
        if mine is None:
            continue
        best = min((h["level"] for h in mine), default=None)
        next_level = 5 if best is None else (best - 1 if best > 1 else None)
        step = LadderStep(occupation=occupation, held_level=best, next_level=next_level)
        steps.append(step)
        if next_level is None:
            continue
        requirement = requirements.get((occupation.pk, next_level))
        step.requirement = requirement
        if requirement is None:
            step.missing.append(
                _("The requirements for this level are not published yet.")
            )
            continue
        if next_level < 5 and requirement.years_at_level_below:
            since = min(
                (h["issued_on"] for h in mine if h["level"] == next_level + 1),
                default=None,
            )
            years = _years_between(since, today) if since else 0
            step.bars.append(
                LadderBar(
                    _("Years at level %(level)s") % {"level": next_level + 1},
                    years,
                    requirement.years_at_level_below,
                )
            )
            if years < requirement.years_at_level_below:
                step.missing.append(
                    _("Hold level %(level)s for %(years)s years (so far: %(held)s).")
                    % {
                        "level": next_level + 1,
                        "years": requirement.years_at_level_below,
                        "held": years,
                    }
                )
        if requirement.training_hours:
            step.bars.append(
                LadderBar(
                    _("Training hours"), hours.normalize(), requirement.training_hours
                )
            )
        required_courses = list(requirement.required_courses.all())
        if required_courses:
            step.bars.append(
                LadderBar(
                    _("Required courses"),
                    sum(1 for c in required_courses if c.pk in completed),
                    len(required_courses),
                )
            )
        if hours < requirement.training_hours:
            step.missing.append(
                _("%(need)s training hours (so far: %(have)s).")
                % {"need": requirement.training_hours, "have": hours.normalize()}
            )
        for course in required_courses:
            if course.pk not in completed:
                step.missing.append(
                    _("Complete the course “%(title)s”.") % {"title": course.title}
                )
        if requirement.mentor_signoff and (occupation.pk, next_level) not in signoffs:
            step.missing.append(_("A mentor's sign-off for this level."))
        step.eligible = not step.missing
    return steps


# The eligible-workers page reads the ladders of this many workers at a time (an
# enterprise of 5,000 workers holding 250,000 certificates is too much for one page).
ELIGIBLE_WORKERS_PER_PAGE = 50


def workers_with_certificates(*, user: User) -> QuerySet[User]:
    """The workers on the board who hold any certificate, by name."""
    holders = SkillCertificate.objects.filter(holder_id=OuterRef("pk"))
    return (
        workers_for_board(user=user)
        .filter(Exists(holders))
        .order_by("display_name", "pk")
    )


def workers_eligible(
    *, user: User, workers: list[User] | None = None, today=None
) -> list[tuple[User, LadderStep]]:
    """The workers (default: all the HR's workers with certificates; the page
    passes one page of them) who may apply for their next level, with the step.
    A fixed number of queries whatever the number of workers."""
    if workers is None:
        workers = list(workers_with_certificates(user=user))
    ladders = ladders_for(people=workers, today=today)
    return [
        (worker, step)
        for worker in workers
        for step in ladders[worker.pk]
        if step.eligible
    ]


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


def certificate_by_code(*, code: str) -> SkillCertificate | None:
    if not code or len(code) > 64:
        return None
    return (
        SkillCertificate.objects.filter(verification_code=code)
        .with_status()
        .select_related("holder", "occupation", "issuing_body")
        .first()
    )
