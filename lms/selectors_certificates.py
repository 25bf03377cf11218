"""Reads for certificate pages, the HR board, exports and the API: each a fixed
number of queries whatever the number of rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from lms import permissions, providers
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
        .select_related("holder", "occupation", "replaces", "issuer_enterprise")
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
        qs = qs.filter(
            Q(holder__display_name__icontains=q)
            | Q(holder__first_name__icontains=q)
            | Q(holder__last_name__icontains=q)
            | Q(holder__email__iexact=q)
            | Q(number__iexact=q)
            | Q(
                holder_id__in=Membership.objects.filter(
                    employee_number__iexact=q
                ).values("user_id")
            )
        )
    if filters.occupation_id:
        qs = qs.filter(occupation_id=filters.occupation_id)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.status:
        qs = qs.filter(status_value=filters.status)
    if filters.expiring_within:
        qs = qs.filter(
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=filters.expiring_within),
            revoked=False,
            suspended=False,
            is_superseded=False,
        )
    if filters.holder_id:
        qs = qs.filter(holder_id=filters.holder_id)
    return qs.select_related("holder", "occupation").order_by(
        "holder__display_name", "holder_id", "occupation__name", "level", "-issued_on"
    )


@dataclass
class BoardCounts:
    occupations: list[Occupation]
    levels: list[tuple[int, str]]
    cells: dict[tuple[int, int], int]
    row_totals: dict[int, int] = field(default_factory=dict)
    max_count: int = 0

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
    def chart_height(self) -> int:
        return max(28, len(self.occupations) * 28)


def board_counts(*, certificates: QuerySet[SkillCertificate]) -> BoardCounts:
    """Counts by occupation × level of the filtered board (two queries)."""
    pairs = (
        certificates.order_by()
        .values("occupation_id", "level")
        .annotate(n=Count("id", distinct=True))
    )
    cells = {(p["occupation_id"], p["level"]): p["n"] for p in pairs}
    occupation_ids = {o for o, _lv in cells}
    occupations = list(
        Occupation.objects.filter(pk__in=occupation_ids).order_by("name")
    )
    row_totals: dict[int, int] = {}
    for (occupation_id, _lv), n in cells.items():
        row_totals[occupation_id] = row_totals.get(occupation_id, 0) + n
    return BoardCounts(
        occupations=occupations,
        levels=[(lv, label) for lv, label in SkillLevel.choices],
        cells=cells,
        row_totals=row_totals,
        max_count=max(cells.values(), default=0),
    )


def workers_for_board(*, user: User) -> QuerySet[User]:
    people = board_people(user=user)
    qs = User.objects.all()
    if people is not None:
        qs = qs.filter(pk__in=people.values("user_id"))
    return qs


# --- the skill-level ladder ------------------------------------------------------


@dataclass
class LadderStep:
    occupation: Occupation
    held_level: int | None
    next_level: int | None
    eligible: bool = False
    missing: list[str] = field(default_factory=list)
    requirement: LevelRequirement | None = None

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
    from django.utils.translation import gettext as _

    today = today or timezone.localdate()
    held = list(
        SkillCertificate.objects.filter(holder=person)
        .with_status_in(HELD_STATUSES, today)
        .values("occupation_id", "level", "issued_on")
    )
    signoffs = providers.mentor_signoffs(person)
    occupation_ids = {h["occupation_id"] for h in held} | {o for o, _lv in signoffs}
    if not occupation_ids:
        return []
    occupations = {o.pk: o for o in Occupation.objects.filter(pk__in=occupation_ids)}
    requirements = {
        (r.occupation_id, r.level): r
        for r in LevelRequirement.objects.filter(
            occupation_id__in=occupation_ids
        ).prefetch_related("required_courses")
    }
    completed = providers.completed_courses(person)
    hours = providers.training_hours(person)
    steps = []
    for occupation in sorted(occupations.values(), key=lambda o: o.name):
        mine = [h for h in held if h["occupation_id"] == occupation.pk]
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
            if years < requirement.years_at_level_below:
                step.missing.append(
                    _("Hold level %(level)s for %(years)s years (so far: %(held)s).")
                    % {
                        "level": next_level + 1,
                        "years": requirement.years_at_level_below,
                        "held": years,
                    }
                )
        if hours < requirement.training_hours:
            step.missing.append(
                _("%(need)s training hours (so far: %(have)s).")
                % {"need": requirement.training_hours, "have": hours.normalize()}
            )
        for course in requirement.required_courses.all():
            if course.pk not in completed:
                step.missing.append(
                    _("Complete the course “%(title)s”.") % {"title": course.title}
                )
        if requirement.mentor_signoff and (occupation.pk, next_level) not in signoffs:
            step.missing.append(_("A mentor's sign-off for this level."))
        step.eligible = not step.missing
    return steps


def workers_eligible(*, user: User) -> list[tuple[User, LadderStep]]:
    """The HR's workers who may apply for their next level. Runs the ladder per
    worker with certificates (the providers answer per person)."""
    workers = (
        workers_for_board(user=user)
        .filter(skill_certificates__isnull=False)
        .distinct()
        .order_by("display_name", "pk")
    )
    result = []
    for worker in workers:
        for step in ladder_for(person=worker):
            if step.eligible:
                result.append((worker, step))
    return result


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
        .select_related("holder", "occupation")
        .first()
    )
