"""The certificates of the demo world: each worker's climb up the skill levels of
their trade, appraised by the province's centre or by the enterprise itself, over
the years; some renewed (the old one superseded), some expiring soon, many of the
old ones expired, a few revoked. Each has its history (issued, renewed, revoked) as
the certificate services write it."""

from __future__ import annotations

import datetime

from home.demo_world.people import ENTERPRISE_TRADES
from home.demo_world.rows import at, bulk_insert, certificate_row

# enterprise key: the outside appraisal centre of its province
APPRAISAL_CENTRES = {
    "aerospace": "Shanxi Vocational Skill Appraisal Centre",
    "textile": "Shaanxi Vocational Skill Appraisal Centre",
    "autopark": "Shaanxi Vocational Skill Appraisal Centre",
    "petrochem": "Fujian Vocational Skill Appraisal Centre",
}
# The demo world's serials start here, clear of the named demo certificates'
# (lms.certification.demo); numbers in the national style (``demo_number``).
FIRST_SERIAL = 100_000
# Highest level reached, as a rank (1 apprentice, 2 五级 … 6 一级, 7 特级技师,
# 8 首席技师), as it is spread on a shop floor: most at 四级 and 三级, few
# technicians, a handful of special-grade and chief technicians.
LEVEL_WEIGHTS = {1: 5, 2: 20, 3: 34, 4: 26, 5: 9, 6: 4, 7: 1.2, 8: 0.4}
# Apprentices, special-grade and chief technicians are the enterprise's own
# evaluation, never an outside centre's.
ENTERPRISE_ONLY = {1, 7, 8}
REVOKE_REASONS = [
    "The appraisal record was found to be falsified.",
    "The holder was not present at the practical examination.",
    "Issued for the wrong occupation; re-examined under the right one.",
]


def make_certificates(*, rng, today, people, enterprises, officer_id) -> int:
    """About ``certificates_per_enterprise`` per enterprise (see ``load``); returns
    how many were made."""
    from lms.certification.demo import demo_number
    from lms.certification.services import issuing_body_for
    from lms.models import CertificateEvent, Occupation, SkillCertificate

    occupations = dict(Occupation.objects.values_list("code", "pk"))
    numbers: dict[str, int] = {}
    bodies: dict[str, int] = {}

    def body_of(issuer: str) -> int:
        if issuer not in bodies:
            bodies[issuer] = issuing_body_for(issuer).pk
        return bodies[issuer]

    plans = []  # (row, renew: days after expiry or None, revoke reason)
    for key, workers in people.workers.items():
        centre = APPRAISAL_CENTRES[key]
        enterprise = enterprises[key]
        trades = ENTERPRISE_TRADES[key][1]
        for person in workers:
            top = rng.choices(list(LEVEL_WEIGHTS), weights=LEVEL_WEIGHTS.values())[0]
            careers = [(person.trade, range(top, 1, -1) if top > 1 else [1])]
            if rng.random() < 0.35:  # a certificate of a second trade too
                other = rng.choice([t for t in trades if t != person.trade])
                careers.append((other, [rng.choice([2, 3])]))
            for trade, levels in careers:
                # A level every two to four years, the latest within the last few.
                issued = today - datetime.timedelta(days=rng.randrange(20, 1400))
                for level in levels:  # latest first, going back in time
                    if issued < person.joined_on:
                        break
                    by_enterprise = level in ENTERPRISE_ONLY or (
                        level <= 3 and rng.random() < 0.4
                    )
                    issuer = enterprise.name if by_enterprise else centre
                    numbers[issuer] = numbers.get(issuer, FIRST_SERIAL) + 1
                    valid_years = 3 if by_enterprise else rng.choice([None, 5, 5, 4])
                    row = certificate_row(
                        rng=rng,
                        holder_id=person.user_id,
                        holder_name=person.name,
                        occupation_id=occupations[trade],
                        level=level,
                        number=demo_number(issuer, issued, level, numbers[issuer]),
                        issuer_kind="enterprise" if by_enterprise else "outside",
                        issuer_name=issuer,
                        issuing_body_id=body_of(issuer),
                        issuer_enterprise_id=enterprise.pk if by_enterprise else None,
                        issued_on=issued,
                        valid_until=None
                        if valid_years is None
                        else issued + datetime.timedelta(days=365 * valid_years),
                        evidence_kind=rng.choice(
                            ["appraisal", "appraisal", "appraisal", "practical"]
                        )
                        if level < 5
                        else rng.choice(["appraisal", "competition"]),
                        recorded_by_id=officer_id,
                    )
                    revoke = rng.choice(REVOKE_REASONS) if rng.random() < 0.012 else ""
                    plans.append((row, revoke))
                    issued -= datetime.timedelta(days=rng.randrange(700, 1500))
    # Renewals: a current certificate that expired (or is about to) was renewed by
    # about half of its holders, under the same issuer with a new number.
    renewals = []
    for row, revoke in plans:
        until = row["valid_until"]
        if revoke or until is None or until > today + datetime.timedelta(days=60):
            continue
        if until < today - datetime.timedelta(days=1500) or rng.random() < 0.5:
            continue
        renewed_on = min(today, until - datetime.timedelta(days=rng.randrange(0, 60)))
        if renewed_on < row["issued_on"]:
            continue
        numbers[row["issuer_name"]] += 1
        renewals.append((row, renewed_on, numbers[row["issuer_name"]]))
    for row, *_ in renewals:
        row["superseded"] = True
    for row, revoke in plans:
        if revoke:
            row["revoked"], row["revocation_reason"] = True, revoke
    originals = bulk_insert(SkillCertificate, (row for row, _ in plans))
    pk_of = {
        id(row): saved.pk for (row, _), saved in zip(plans, originals, strict=True)
    }
    new_rows = [
        certificate_row(
            rng=rng,
            holder_id=row["holder_id"],
            holder_name=row["holder_name"],
            occupation_id=row["occupation_id"],
            level=row["level"],
            number=demo_number(row["issuer_name"], renewed_on, row["level"], serial),
            issuer_kind=row["issuer_kind"],
            issuer_name=row["issuer_name"],
            issuing_body_id=row["issuing_body_id"],
            issuer_enterprise_id=row["issuer_enterprise_id"],
            issued_on=renewed_on,
            valid_until=renewed_on + (row["valid_until"] - row["issued_on"]),
            evidence_kind="appraisal",
            replaces_id=pk_of[id(row)],
            recorded_by_id=officer_id,
        )
        for row, renewed_on, serial in renewals
    ]
    renewed = bulk_insert(SkillCertificate, new_rows)
    events = [
        {
            "certificate_id": saved.pk,
            "actor_id": officer_id,
            "at": saved.created_at,
            "action": CertificateEvent.Action.ISSUE,
            "changes": {"number": saved.number, "issuer": saved.issuer_name},
            "reason": "",
        }
        for saved in (*originals, *renewed)
    ]
    events += [
        {
            "certificate_id": new.replaces_id,
            "actor_id": officer_id,
            "at": new.created_at,
            "action": CertificateEvent.Action.RENEW,
            "changes": {"replaced_by": new.pk, "number": new.number},
            "reason": "",
        }
        for new in renewed
    ]
    events += [
        {
            "certificate_id": saved.pk,
            "actor_id": officer_id,
            "at": at(min(today, saved.issued_on + datetime.timedelta(days=200)), 15),
            "action": CertificateEvent.Action.REVOKE,
            "changes": {},
            "reason": saved.revocation_reason,
        }
        for saved in originals
        if saved.revoked
    ]
    bulk_insert(CertificateEvent, events)
    return len(originals) + len(renewed)
