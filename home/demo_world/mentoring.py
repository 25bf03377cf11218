"""Mentorship in the demo world: agreements at every stage (draft, out for
signature, active, active with overdue milestones, completed, a few terminated),
their signatures, milestones and guidance sessions. States, dates and signatures
are what the mentorship services would have left."""

from __future__ import annotations

import datetime
from decimal import Decimal

from home.demo_world.rows import at, bulk_insert, session_row

STAGES = ["draft", "awaiting", "active", "overdue", "completed"]
GOALS = [
    "1. Solve the production problems met at the workstation.\n"
    "2. Reach the next skill level of the trade.\n"
    "3. Plan a career path toward technician.",
    "1. Master the set-up and first-piece inspection of the line.\n"
    "2. Cut scrap on the apprentice's station by half.\n"
    "3. Pass the practical of the next skill level.",
    "1. Learn the maintenance routine of the key equipment.\n"
    "2. Lead one small improvement (a 'Five Minor' innovation).\n"
    "3. Train a newcomer in turn.",
]
MILESTONES = [
    "Work safely and independently at the station",
    "Solve one recurring production problem",
    "Pass the practical of the next level",
    "Present an improvement to the studio",
]
TOPICS = [
    ("Reading the drawing and the route card", "Datums and tolerances"),
    ("First-piece inspection", "Measuring with the CMM report"),
    ("Fixture set-up", "Clamping without distortion"),
    ("Root cause of scrap", "Five whys at the station"),
    ("Preventive maintenance", "Lubrication and vibration checks"),
    ("Safety lock-out", "Isolating energy before clearing a jam"),
    ("Preparing the level appraisal", "The practical examination piece"),
    ("An improvement proposal", "Writing up a 'Five Minor' innovation"),
]
PLACES = {
    "aerospace": ("Machining workshop 3", "Valve-body cell", "DMU 65 centre"),
    "textile": ("Spinning workshop 2", "Ring frames 11-20", "Frame 14"),
    "petrochem": ("Cracking unit", "Compressor house", "Pump P-204"),
    "autopark": ("Body shop", "Subframe line", "Robot cell 2"),
}
DISPUTES = [
    "We finished at three, not half past four.",
    "This session was cancelled; I was on the night shift.",
]
TERMINATION = "The apprentice moved to another plant of the group."
CADENCE_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 28}


def make_agreements(*, rng, today, people, enterprises, coordinator_id, per_stage):
    from mentorship.models import (
        Agreement,
        AgreementSignature,
        GuidanceSession,
        Milestone,
    )

    occupations = _occupation_ids()
    pools = {}
    mentor_ids = {m.user_id for m in people.mentors}
    for key, workers in people.workers.items():
        pool = [w for w in workers if w.user_id not in mentor_ids]
        rng.shuffle(pool)
        pools[key] = pool
    # The named mentors first (each through every stage), then the others in turn.
    named = people.mentors[-3:]
    order = [m for m in named for _ in range(2 * len(STAGES))]
    others = people.mentors[:-3]
    total = per_stage * len(STAGES) + 5
    order += [others[n % len(others)] for n in range(total - len(order))]
    plans = []
    for n, mentor in enumerate(order):
        stage = STAGES[n % len(STAGES)] if n < total - 5 else "terminated"
        apprentice = pools[mentor.enterprise].pop()
        plans.append(_agreement_plan(rng, today, n, stage, mentor, apprentice))
    agreements = bulk_insert(
        Agreement,
        (
            {
                "mentor_id": mentor.user_id,
                "apprentice_id": apprentice.user_id,
                "enterprise_id": enterprises[apprentice.enterprise].pk,
                "coordinator_id": coordinator_id,
                "occupation_id": occupations[mentor.trade],
                **fields,
            }
            for mentor, apprentice, fields, _stage in plans
        ),
    )
    signatures, milestones, sessions = [], [], []
    # A mentor is in one place at a time (the session service and, on PostgreSQL, an
    # exclusion constraint refuse overlaps): the sessions already logged are taken.
    taken = taken_slots()
    for agreement, (mentor, _apprentice, _fields, stage) in zip(
        agreements, plans, strict=True
    ):
        signatures += _signatures(agreement, stage)
        milestones += _milestones(
            rng, today, agreement, stage, occupations[mentor.trade]
        )
        sessions += _sessions(rng, today, agreement, stage, mentor.enterprise, taken)
    bulk_insert(AgreementSignature, signatures)
    bulk_insert(Milestone, milestones)
    bulk_insert(GuidanceSession, sessions)
    return {"agreements": len(agreements), "sessions": len(sessions)}


def _agreement_plan(rng, today, n, stage, mentor, apprentice):
    day = datetime.timedelta(days=1)
    if stage == "draft":
        start = today + rng.randrange(10, 45) * day
    elif stage == "awaiting":
        start = today + rng.randrange(3, 25) * day
    elif stage in ("active", "overdue"):
        start = today - rng.randrange(100, 320) * day
    elif stage == "completed":
        start = today - rng.randrange(420, 730) * day
    else:
        start = today - rng.randrange(200, 500) * day
    end = start + rng.choice([270, 365, 365]) * day
    status = {"overdue": "active"}.get(stage, stage)
    fields = {
        "goals": GOALS[n % len(GOALS)],
        "start_date": start,
        "end_date": end,
        "cadence": rng.choice(["weekly", "fortnightly", "fortnightly", "monthly"]),
        "planned_hours": Decimal(rng.choice([40, 60, 60, 80])),
        "status": status,
        "termination_reason": TERMINATION if stage == "terminated" else "",
        "created_at": at(min(start, today) - 20 * day, 10),
        "activated_at": at(start, 9) if stage != "draft" and start <= today else None,
        "closed_at": None,
    }
    if stage == "awaiting":
        fields["activated_at"] = None
    if stage == "completed":
        fields["closed_at"] = at(end, 16)
    if stage == "terminated":
        fields["closed_at"] = at(start + rng.randrange(60, 150) * day, 16)
    return mentor, apprentice, fields, stage


def _signatures(agreement, stage) -> list[dict]:
    if stage == "draft":
        return []
    signed = agreement.created_at + datetime.timedelta(days=2)
    parties = [("mentor", agreement.mentor_id)]
    if stage == "awaiting":
        return [] if agreement.pk % 2 else _rows(agreement, parties, signed)
    parties += [
        ("apprentice", agreement.apprentice_id),
        ("witness", agreement.coordinator_id),
    ]
    return _rows(agreement, parties, signed)


def _rows(agreement, parties, signed) -> list[dict]:
    return [
        {
            "agreement_id": agreement.pk,
            "party": party,
            "signer_id": signer,
            "signed_at": signed + datetime.timedelta(hours=n),
        }
        for n, (party, signer) in enumerate(parties)
    ]


def _milestones(rng, today, agreement, stage, occupation_id) -> list[dict]:
    length = (agreement.end_date - agreement.start_date).days
    target_level = rng.choice([3, 4, 4, 5])  # ranks: 四级, 三级, 二级
    rows = []
    late_one = None
    for n, title in enumerate(MILESTONES):
        target = agreement.start_date + datetime.timedelta(
            days=length * (n + 1) // len(MILESTONES)
        )
        done = stage == "completed" or (
            stage in ("active", "overdue", "terminated") and target < today
        )
        if stage == "overdue" and done and late_one is None:
            late_one = n
        if stage == "terminated" and agreement.closed_at.date() < target:
            done = False
        rows.append(
            {
                "agreement_id": agreement.pk,
                "title": title,
                "target_date": target,
                "occupation_id": occupation_id,
                "skill_level": target_level if n >= 2 else target_level - 1,
                "signed_off_at": None,
                "signed_off_by_id": None,
                "evidence": "",
                "done": done,
            }
        )
    if late_one is not None:  # the latest milestone that fell due is not done
        last_due = max(n for n, r in enumerate(rows) if r["done"])
        rows[last_due]["done"] = False
    for row in rows:
        if row.pop("done"):
            row["signed_off_at"] = at(
                row["target_date"] - datetime.timedelta(days=rng.randrange(0, 12)), 16
            )
            row["signed_off_by_id"] = agreement.mentor_id
            row["evidence"] = "Checked at the workstation; results on the route card."
    return rows


def taken_slots() -> dict[int, list[tuple]]:
    """Every mentor's sessions already in the database: (day, start, end)."""
    from mentorship.models import GuidanceSession

    taken: dict[int, list[tuple]] = {}
    for row in GuidanceSession.objects.values_list(
        "mentor_id", "date", "start_time", "end_time"
    ):
        taken.setdefault(row[0], []).append(row[1:])
    return taken


def take_slot(taken: dict, mentor_id: int, day, start, minutes: int) -> bool:
    """True, and the slot is then taken, when the mentor has nothing at that time."""
    end = (
        datetime.datetime.combine(day, start) + datetime.timedelta(minutes=minutes)
    ).time()
    slots = taken.setdefault(mentor_id, [])
    if any(d == day and s < end and start < e for d, s, e in slots):
        return False
    slots.append((day, start, end))
    return True


def _sessions(rng, today, agreement, stage, enterprise, taken) -> list[dict]:
    if stage in ("draft", "awaiting"):
        return []
    until = min(today - datetime.timedelta(days=1), agreement.end_date)
    if agreement.closed_at is not None:
        until = min(until, agreement.closed_at.date())
    step = CADENCE_DAYS[agreement.cadence]
    workshop, line, station = PLACES[enterprise]
    rows = []
    day = agreement.start_date + datetime.timedelta(days=rng.randrange(1, 6))
    while day <= until:
        if day.weekday() == 6:
            day += datetime.timedelta(days=1)
        # Recent sessions wait for the apprentice; a few of the last two months'
        # are disputed and not settled yet; everything older was confirmed.
        age = (today - day).days
        running = stage in ("active", "overdue")
        roll = rng.random()
        if running and age < 12:
            status = "pending"
        elif running and age < 60 and roll < 0.15:
            status = "disputed"
        else:
            status = "confirmed"
        topics, skills = rng.choice(TOPICS)
        start = datetime.time(rng.choice([8, 9, 10, 13, 14]), rng.choice([0, 30]))
        minutes = rng.choice([60, 90, 120, 120, 150, 180])
        dispute = rng.choice(DISPUTES) if status == "disputed" else ""
        if not take_slot(taken, agreement.mentor_id, day, start, minutes):
            day += datetime.timedelta(days=step + rng.randrange(-2, 3))
            continue
        rows.append(
            session_row(
                agreement_id=agreement.pk,
                mentor_id=agreement.mentor_id,
                day=day,
                start=start,
                minutes=minutes,
                status=status,
                workshop=workshop,
                line=line,
                workstation=station,
                topics=topics,
                skills=skills,
                dispute_comment=dispute,
            )
        )
        day += datetime.timedelta(days=step + rng.randrange(-2, 3))
    return rows


def _occupation_ids() -> dict[str, int]:
    from lms.models import Occupation

    return dict(Occupation.objects.values_list("code", "pk"))
