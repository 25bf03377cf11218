"""The skill-level ladder: for each occupation a person holds, what the next level
asks (years at the level below, training hours, courses, a mentor's sign-off) and
how much of it is done, from the facts other apps provide (``lms.providers``).
Read for one person or in batch, a fixed number of queries for any number."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from lms import providers
from lms.models import (
    LevelRequirement,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)

from .board import workers_with_certificates
from .holders import HELD_STATUSES

APPOINTED_LEVELS = frozenset(
    {SkillLevel.SPECIAL_GRADE_TECHNICIAN, SkillLevel.CHIEF_TECHNICIAN}
)


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
    # What lets the person apply whatever the requirements (a competition placing).
    evidence: list[providers.LadderEvidence] = field(default_factory=list)

    @property
    def held_label(self) -> str:
        return SkillLevel(self.held_level).label if self.held_level else ""

    @property
    def next_label(self) -> str:
        return SkillLevel(self.next_level).label if self.next_level else ""

    @property
    def next_is_appointed(self) -> bool:
        """特级技师 and 首席技师 are not open appraisals: an enterprise appoints
        them from its own evaluation; the requirements make a candidate."""
        return bool(self.next_level) and self.next_level in APPOINTED_LEVELS


def next_level_after(held: int | None) -> int | None:
    """The level one applies for next: 五级 when nothing (or only the apprentice
    level) is held, then one rung at a time up to 首席技师, then none."""
    if held is None or held < SkillLevel.JUNIOR_WORKER:
        return SkillLevel.JUNIOR_WORKER
    if held >= SkillLevel.CHIEF_TECHNICIAN:
        return None
    return held + 1


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
        SkillCertificate.objects.filter(
            holder_id__in=ids, kind=SkillCertificate.Kind.LEVEL
        )
        .with_status_in(HELD_STATUSES, today)
        .values("holder_id", "occupation_id", "level", "issued_on")
    ):
        held_of[h["holder_id"]].append(h)
    signoffs_of = providers.mentor_signoffs_many(people)
    evidence_of = providers.ladder_evidence_many(people)
    occupation_ids = {h["occupation_id"] for held in held_of.values() for h in held}
    occupation_ids |= {o for pairs in signoffs_of.values() for o, _lv in pairs}
    occupation_ids |= {e.occupation_id for found in evidence_of.values() for e in found}
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
            evidence=evidence_of.get(p.pk, []),
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
    *,
    held,
    signoffs,
    occupations,
    requirements,
    completed,
    hours,
    today,
    gettext,
    evidence=(),
) -> list[LadderStep]:
    """One person's ladder from facts already read (no queries)."""
    _ = gettext
    held_in: dict[int, list[dict]] = {o: [] for o, _lv in signoffs}
    for item in evidence:
        held_in.setdefault(item.occupation_id, [])
    for h in held:
        held_in.setdefault(h["occupation_id"], []).append(h)
    steps = []
    for occupation in occupations:  # by name
        mine = held_in.get(occupation.pk)
        if mine is None:
            continue
        best = max((h["level"] for h in mine), default=None)
        next_level = next_level_after(best)
        step = LadderStep(occupation=occupation, held_level=best, next_level=next_level)
        step.evidence = [e for e in evidence if e.occupation_id == occupation.pk]
        steps.append(step)
        if next_level is None:
            continue
        if any(e.level == next_level for e in step.evidence):
            step.eligible = True  # a placing opens the next level by itself
            continue
        requirement = requirements.get((occupation.pk, next_level))
        step.requirement = requirement
        if requirement is None:
            step.missing.append(
                _("The requirements for this level are not published yet.")
            )
            continue
        below = next_level - 1
        if below >= SkillLevel.APPRENTICE and requirement.years_at_level_below:
            since = min(
                (h["issued_on"] for h in mine if h["level"] == below),
                default=None,
            )
            years = _years_between(since, today) if since else 0
            below_label = SkillLevel(below).label
            step.bars.append(
                LadderBar(
                    _("Years as %(level)s") % {"level": below_label},
                    years,
                    requirement.years_at_level_below,
                )
            )
            if years < requirement.years_at_level_below:
                step.missing.append(
                    _("Hold %(level)s for %(years)s years (so far: %(held)s).")
                    % {
                        "level": below_label,
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
