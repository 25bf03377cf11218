"""Demo skill certificates: valid, expiring, expired, revoked, renewed, an outside
body's and a platform one; a few more textile and auto-park workers so the HR boards
have something to show; the ladder's requirements for the demo trades. Safe to run
again (certificates are found by issuer and number)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from lms.certification.services import credentials_issue
from lms.certification.services.certificates import (
    certificate_record,
    certificate_revoke,
    platform_certificate_issue,
)
from lms.demo import demo_enterprise, demo_person, demo_user
from lms.models import LevelRequirement, Occupation, SkillCertificate, User
from lms.services.accounts import membership_add, role_grant

APPRAISAL_CENTRE = "Shaanxi Vocational Skill Appraisal Centre"
MOHRSS = "Ministry of Human Resources and Social Security Skill Testing Centre"

# key: (e-mail, name, enterprise, employee number)
EXTRA_WORKERS = {
    "liu_xia": (
        "liu.xia@demo.craftskills.cn",
        ("刘霞", "Liu", "Xia"),
        "textile",
        "TX-0102",
    ),
    "zhao_lei": (
        "zhao.lei@demo.craftskills.cn",
        ("赵磊", "Zhao", "Lei"),
        "textile",
        "TX-0103",
    ),
    "sun_mei": (
        "sun.mei@demo.craftskills.cn",
        ("孙梅", "Sun", "Mei"),
        "textile",
        "TX-0104",
    ),
    "wu_gang": (
        "wu.gang@demo.craftskills.cn",
        ("吴刚", "Wu", "Gang"),
        "autopark",
        "AP-0043",
    ),
}

# (holder, occupation code, level, number, issuer kind, issuer, issued days ago,
#  valid for days from today or None, evidence, replaces number)
CERTIFICATES = [
    (
        "apprentice",
        "6-18-02-04",
        5,
        "SX-WLD-2023-0412",
        "outside",
        APPRAISAL_CENTRE,
        3 * 365,
        45,
        "appraisal",
        None,
    ),
    (
        "learner",
        "6-04-01-01",
        4,
        "TX7-SP-2022-031",
        "enterprise",
        "textile",
        4 * 365,
        80,
        "appraisal",
        None,
    ),
    (
        "learner",
        "6-04-02-01",
        5,
        "TX7-WV-2020-118",
        "enterprise",
        "textile",
        6 * 365,
        -30,
        "practical",
        None,
    ),
    (
        "liu_xia",
        "6-04-02-01",
        3,
        "SX-WV-2024-0077",
        "outside",
        APPRAISAL_CENTRE,
        2 * 365,
        3 * 365,
        "appraisal",
        None,
    ),
    (
        "zhao_lei",
        "6-04-05-01",
        4,
        "SX-TMF-2023-0203",
        "outside",
        APPRAISAL_CENTRE,
        2 * 365,
        3 * 365,
        "appraisal",
        None,
    ),
    (
        "sun_mei",
        "6-04-01-01",
        5,
        "TX7-SP-2021-044",
        "enterprise",
        "textile",
        5 * 365,
        20,
        "appraisal",
        None,
    ),
    (
        "wu_gang",
        "6-18-02-04",
        3,
        "SX-WLD-2021-0087",
        "outside",
        APPRAISAL_CENTRE,
        5 * 365,
        60,
        "competition",
        None,
    ),
    (
        "mentor",
        "6-18-02-04",
        1,
        "MOHRSS-WLD-2016-0009",
        "outside",
        MOHRSS,
        10 * 365,
        None,
        "appraisal",
        None,
    ),
    (
        "mentor2",
        "6-18-01-07",
        1,
        "MOHRSS-CNC-2014-0031",
        "outside",
        MOHRSS,
        12 * 365,
        -7 * 365,
        "appraisal",
        None,
    ),
    (
        "mentor2",
        "6-18-01-07",
        1,
        "MOHRSS-CNC-2019-0102",
        "outside",
        MOHRSS,
        7 * 365,
        3 * 365,
        "appraisal",
        "MOHRSS-CNC-2014-0031",
    ),
]

# (occupation code, level, years at level below, hours, mentor sign-off)
REQUIREMENTS = [
    ("6-18-02-04", 5, 0, 20, False),
    ("6-18-02-04", 4, 1, 40, True),
    ("6-18-02-04", 3, 3, 80, True),
    ("6-04-01-01", 4, 2, 40, False),
    ("6-04-01-01", 3, 3, 60, True),
    ("6-04-02-01", 4, 0, 0, False),
    ("6-04-02-01", 2, 3, 100, True),
    ("6-18-01-07", 4, 2, 60, False),
]


def _people() -> dict[str, User]:
    people = {}
    for key, (email, name, enterprise_key, number) in EXTRA_WORKERS.items():
        user, _created = demo_person(email, name)
        role_grant(user=user, role="Learner")
        membership_add(
            user=user,
            enterprise=demo_enterprise(enterprise_key),
            employee_number=number,
        )
        people[key] = user
    for key in ("apprentice", "learner", "mentor", "mentor2"):
        people[key] = demo_user(key)
    return people


def load_certificates(*, stdout) -> None:
    officer = demo_user("officer")
    people = _people()
    occupations = {o.code: o for o in Occupation.objects.all()}
    today = timezone.localdate()
    by_number: dict[str, SkillCertificate] = {}
    for (
        holder,
        code,
        level,
        number,
        kind,
        issuer,
        ago,
        valid_for,
        evidence,
        replaces,
    ) in CERTIFICATES:
        enterprise = demo_enterprise(issuer) if kind == "enterprise" else None
        issuer_name = enterprise.name if enterprise else issuer
        existing = SkillCertificate.objects.filter(
            issuer_kind=kind, issuer_name=issuer_name, number=number
        ).first()
        if existing is None:
            existing = certificate_record(
                actor=officer,
                holder=people[holder],
                occupation=occupations[code],
                level=level,
                number=number,
                issuer_kind=kind,
                issuer_name=issuer_name,
                issuer_enterprise=enterprise,
                issued_on=today - datetime.timedelta(days=ago),
                valid_until=None
                if valid_for is None
                else today + datetime.timedelta(days=valid_for),
                evidence_kind=evidence,
                replaces=by_number.get(replaces),
            )
        by_number[number] = existing
    certificate_revoke(
        actor=officer,
        certificate=by_number["SX-TMF-2023-0203"],
        reason="The appraisal record was found to be falsified.",
    )
    platform_certificate_issue(
        holder=people["apprentice"],
        occupation=occupations["6-18-02-04"],
        level=5,
        course_title="Welding robot operation basics",
        source_key="demo:platform:welding-robot-basics",
    )
    # The demo's certificates get their credential records in bulk, one index draw
    # per issuing body (others get theirs at first download; signing waits for it).
    credentials_issue(
        certificates=list(SkillCertificate.objects.filter(credential__isnull=True))
    )
    for code, level, years, hours, signoff in REQUIREMENTS:
        LevelRequirement.objects.update_or_create(
            occupation=occupations[code],
            level=level,
            defaults={
                "years_at_level_below": years,
                "training_hours": hours,
                "mentor_signoff": signoff,
            },
        )
    stdout.write(
        f"Demo certificates: {SkillCertificate.objects.count()}, "
        f"ladder requirements: {LevelRequirement.objects.count()}"
    )
