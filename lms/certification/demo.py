"""Demo skill certificates: valid, expiring, expired, revoked, renewed, an outside
body's and a platform one, an apprentice's and a special-grade and a chief
technician's; a few more textile and auto-park workers so the HR boards have
something to show; the ladder's requirements for the demo trades; the issuing
bodies' national-style number patterns and the certificate authority that signs
the PDFs. Safe to run again (certificates are found by issuer and serial)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from lms.certification.services import credentials_issue
from lms.certification.services.certificates import (
    certificate_record,
    certificate_revoke,
    issuing_body_for,
    platform_certificate_issue,
)
from lms.certification.services.pdf_signatures import signing_authority_ensure
from lms.demo import ENTERPRISES, demo_enterprise, demo_person, demo_user
from lms.models import (
    LevelRequirement,
    Occupation,
    SkillCertificate,
    SkillLevel,
    User,
)
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

L = SkillLevel
# Issuing bodies in the national style: (issuer type — S an evaluation
# organisation, Y an employer's own evaluation —, six-digit body code, province
# code (GB/T 2260; 00 national), in the national catalogue). A number is type,
# body, province, year (two digits), level mark (``SkillLevel.number_mark``) and a
# six-digit serial: ``S 000061 61 24 4 000412`` without the spaces.
DEMO_BODIES = {
    APPRAISAL_CENTRE: ("S", "000061", "61", True),
    "Shanxi Vocational Skill Appraisal Centre": ("S", "000014", "14", True),
    "Fujian Vocational Skill Appraisal Centre": ("S", "000035", "35", True),
    MOHRSS: ("S", "000001", "00", True),
    ENTERPRISES["autopark"][0]: ("Y", "610101", "61", True),
    ENTERPRISES["textile"][0]: ("Y", "610402", "61", True),
    ENTERPRISES["aerospace"][0]: ("Y", "140301", "14", True),
    ENTERPRISES["petrochem"][0]: ("Y", "350501", "35", False),
}
# The national public query service (技能人才评价证书全国联网查询), by number: only a
# link, nothing is fetched. The query parameter is the demo's; set the real
# address per body in the admin.
NATIONAL_QUERY_URL = "https://zscx.osta.org.cn/?zsbh={number}"


def demo_number(issuer: str, issued_on: datetime.date, level: int, serial: int) -> str:
    """A demo body's certificate number in the national style."""
    kind, body, province, _catalogue = DEMO_BODIES[issuer]
    mark = SkillLevel(level).number_mark
    return f"{kind}{body}{province}{issued_on:%y}{mark}{serial:06d}"


def configure_demo_bodies() -> None:
    """The demo bodies' number patterns and query links (kept if set by hand)."""
    for name, (kind, body, province, catalogue) in DEMO_BODIES.items():
        issuer = issuing_body_for(name)
        if issuer.number_pattern:
            continue
        issuer.number_pattern = (
            f"{kind}{body}{province}(?P<year>[0-9]{{2}})(?P<level>[0-5TC])[0-9]{{6}}"
        )
        issuer.number_example = f"{kind}{body}{province}244000412"
        issuer.in_national_catalogue = catalogue
        issuer.query_url_template = NATIONAL_QUERY_URL if catalogue else ""
        issuer.full_clean()
        issuer.save()


# (holder, occupation code, level, serial, issuer kind, issuer, issued days ago,
#  valid for days from today or None, evidence, replaces serial)
CERTIFICATES = [
    (
        "apprentice",
        "6-18-02-04",
        L.APPRENTICE,
        1,
        "enterprise",
        "autopark",
        3 * 365 + 200,
        None,
        "practical",
        None,
    ),
    (
        "apprentice",
        "6-18-02-04",
        L.JUNIOR_WORKER,
        412,
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
        L.INTERMEDIATE_WORKER,
        31,
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
        L.JUNIOR_WORKER,
        118,
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
        L.SENIOR_WORKER,
        77,
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
        L.INTERMEDIATE_WORKER,
        203,
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
        L.JUNIOR_WORKER,
        44,
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
        L.SENIOR_WORKER,
        87,
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
        L.SENIOR_TECHNICIAN,
        9,
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
        L.SENIOR_TECHNICIAN,
        31,
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
        L.SENIOR_TECHNICIAN,
        102,
        "outside",
        MOHRSS,
        7 * 365,
        3 * 365,
        "appraisal",
        31,
    ),
    # Appointed by her enterprise after its own evaluation (2022 reform).
    (
        "mentor2",
        "6-18-01-07",
        L.SPECIAL_GRADE_TECHNICIAN,
        7,
        "enterprise",
        "aerospace",
        4 * 365,
        None,
        "appraisal",
        None,
    ),
    (
        "mentor2",
        "6-18-01-07",
        L.CHIEF_TECHNICIAN,
        8,
        "enterprise",
        "aerospace",
        300,
        None,
        "competition",
        None,
    ),
]

# (occupation code, level, years at level below, hours, mentor sign-off)
REQUIREMENTS = [
    ("6-18-02-04", L.JUNIOR_WORKER, 0, 20, False),
    ("6-18-02-04", L.INTERMEDIATE_WORKER, 1, 40, True),
    ("6-18-02-04", L.SENIOR_WORKER, 3, 80, True),
    ("6-18-02-04", L.SPECIAL_GRADE_TECHNICIAN, 5, 160, True),
    ("6-18-02-04", L.CHIEF_TECHNICIAN, 3, 0, False),
    ("6-04-01-01", L.INTERMEDIATE_WORKER, 2, 40, False),
    ("6-04-01-01", L.SENIOR_WORKER, 3, 60, True),
    ("6-04-02-01", L.INTERMEDIATE_WORKER, 0, 0, False),
    ("6-04-02-01", L.TECHNICIAN, 3, 100, True),
    ("6-18-01-07", L.INTERMEDIATE_WORKER, 2, 60, False),
    ("6-18-01-07", L.SPECIAL_GRADE_TECHNICIAN, 5, 120, True),
    ("6-18-01-07", L.CHIEF_TECHNICIAN, 3, 0, False),
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
    by_serial: dict[int, SkillCertificate] = {}
    configure_demo_bodies()
    for (
        holder,
        code,
        level,
        serial,
        kind,
        issuer,
        ago,
        valid_for,
        evidence,
        replaces,
    ) in CERTIFICATES:
        enterprise = demo_enterprise(issuer) if kind == "enterprise" else None
        issuer_name = enterprise.name if enterprise else issuer
        issued_on = today - datetime.timedelta(days=ago)
        # Found again by its serial: the year in the number moves with the date.
        existing = SkillCertificate.objects.filter(
            issuer_kind=kind,
            issuer_name=issuer_name,
            holder=people[holder],
            number__endswith=f"{serial:06d}",
        ).first()
        if existing is None:
            existing = certificate_record(
                actor=officer,
                holder=people[holder],
                occupation=occupations[code],
                level=level,
                number=demo_number(issuer_name, issued_on, level, serial),
                issuer_kind=kind,
                issuer_name=issuer_name,
                issuer_enterprise=enterprise,
                issued_on=issued_on,
                valid_until=None
                if valid_for is None
                else today + datetime.timedelta(days=valid_for),
                evidence_kind=evidence,
                replaces=by_serial.get(replaces),
            )
        by_serial[serial] = existing
    certificate_revoke(
        actor=officer,
        certificate=by_serial[203],
        reason="The appraisal record was found to be falsified.",
    )
    platform_certificate_issue(
        holder=people["apprentice"],
        occupation=occupations["6-18-02-04"],
        level=L.JUNIOR_WORKER,
        course_title="Welding robot operation basics",
        source_key="demo:platform:welding-robot-basics",
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
    if settings.PDF_SIGNING_MODE == "database":
        signing_authority_ensure()  # the demo's own certificate authority
    stdout.write(
        f"Demo certificates: {SkillCertificate.objects.count()}, "
        f"ladder requirements: {LevelRequirement.objects.count()}"
    )


def issue_credentials(stdout=None) -> None:
    """Every demo certificate (the demo world's too: this runs last) gets its
    credential record in bulk, one index draw per issuing body; certificates made
    later get theirs at first download. Signing waits for the download."""
    credentials_issue(
        certificates=list(SkillCertificate.objects.filter(credential__isnull=True))
    )
