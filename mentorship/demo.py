"""Demo content of this app, loaded by ``manage.py load_demo``: Yi Ran's agreement with
Li Junle at the Xi'an automobile park, and service requests from the stories in
different states. Built through the services; running it again changes nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from lms.demo import demo_enterprise, demo_user
from lms.models import Industry, Occupation
from mentorship.models import Agreement, ServiceRequest
from mentorship.services import agreements, milestones, requests, sessions

WELDER = ("6-18-02-04", "Welder", "焊工", "automotive")
CNC = ("6-18-01-07", "CNC machining-centre operator", "加工中心操作调整工", "aerospace")
FITTER = ("6-04-05-01", "Textile machinery fitter", "纺织设备保全工", "textile")

GOALS = (
    "1. Solve the production problems Li Junle meets at his workstation.\n"
    "2. Learn to operate and program welding robots.\n"
    "3. Plan a career path toward technician level."
)

T = datetime.time
# (days ago, start, end, workstation, topics, problem, skills, confirmed)
SESSIONS = [
    (
        110,
        T(9, 0),
        T(11, 0),
        "Subframe line, station 3",
        "Reading the weld procedure",
        "Porosity in MAG welds of the rear subframe",
        "Gas flow and torch angle",
        True,
    ),
    (
        96,
        T(14, 0),
        T(16, 30),
        "Subframe line, station 3",
        "Porosity follow-up",
        "Porosity in MAG welds of the rear subframe",
        "Joint cleaning, wire stick-out",
        True,
    ),
    (
        75,
        T(9, 30),
        T(12, 0),
        "Robot cell 2",
        "Safety and teach pendant basics",
        "",
        "Jogging the robot, setting tool centre point",
        True,
    ),
    (
        54,
        T(13, 30),
        T(17, 0),
        "Robot cell 2",
        "Programming a weld path",
        "",
        "Teach points, weaving parameters",
        True,
    ),
    (
        33,
        T(9, 0),
        T(11, 30),
        "Robot cell 2",
        "Seam tracking",
        "Misaligned parts from the press shop",
        "Touch sensing, offsets",
        True,
    ),
    (
        12,
        T(14, 0),
        T(16, 0),
        "Training room",
        "Career plan: technician track",
        "",
        "Preparing a skill-competition piece",
        True,
    ),
    (
        3,
        T(9, 0),
        T(10, 30),
        "Robot cell 2",
        "Cycle-time review",
        "Robot idle time between parts",
        "Program optimisation",
        False,
    ),
]


def _occupation(code: str, name: str, name_zh: str, industry: str) -> Occupation:
    industry_obj, _ = Industry.objects.get_or_create(
        code=industry, defaults={"name": industry.title()}
    )
    occupation, _ = Occupation.objects.get_or_create(
        code=code,
        defaults={"name": name, "name_zh": name_zh, "industry": industry_obj},
    )
    return occupation


def load(*, stdout) -> None:
    welder, cnc, fitter = (_occupation(*o) for o in (WELDER, CNC, FITTER))
    yi_ran, han_liping = demo_user("mentor"), demo_user("mentor2")
    requests.mentor_trade_add(user=yi_ran, occupation=welder)
    requests.mentor_trade_add(user=han_liping, occupation=cnc)
    made = _agreement(welder, yi_ran)
    count = _service_requests(welder, cnc, fitter, yi_ran, han_liping)
    stdout.write(
        f"Mentorship: agreement {'created' if made else 'already there'}, "
        f"{count} new service requests"
    )


def _agreement(welder: Occupation, yi_ran) -> bool:
    apprentice = demo_user("apprentice")
    existing = Agreement.objects.filter(mentor=yi_ran, apprentice=apprentice).first()
    if existing is not None:
        _link_courses(existing, yi_ran)
        return False
    coordinator = demo_user("coordinator")
    today = timezone.localdate()
    start = today - datetime.timedelta(days=120)
    agreement = agreements.agreement_create(
        coordinator=coordinator,
        mentor=yi_ran,
        apprentice=apprentice,
        enterprise=demo_enterprise("autopark"),
        occupation=welder,
        goals=GOALS,
        start_date=start,
        end_date=start + datetime.timedelta(days=365),
        planned_hours=Decimal("60"),
        cadence=Agreement.Cadence.FORTNIGHTLY,
    )
    day = datetime.timedelta(days=1)
    plan = [
        ("Solve weld porosity on the subframe line", start + 45 * day, 3, []),
        ("Pass the intermediate welder practical", today - 10 * day, 3, []),
        (
            "Operate and program the welding robot cell",
            today + 30 * day,
            4,
            _welding_courses(),
        ),
        ("Career plan toward technician (level 2)", today + 200 * day, 5, []),
    ]
    added = [
        milestones.milestone_add(
            agreement=agreement,
            actor=yi_ran,
            title=title,
            target_date=target,
            skill_level=level,
            courses=courses,
        )
        for title, target, level, courses in plan
    ]
    agreements.agreement_send_for_signature(agreement=agreement, actor=coordinator)
    agreements.agreement_sign(agreement=agreement, user=yi_ran)
    agreements.agreement_sign(agreement=agreement, user=apprentice)
    agreements.agreement_approve(agreement=agreement, actor=coordinator)
    for days, start_t, end_t, place, topics, problem, skills, confirmed in SESSIONS:
        session = sessions.guidance_session_log(
            agreement=agreement,
            mentor=yi_ran,
            date=today - datetime.timedelta(days=days),
            start_time=start_t,
            end_time=end_t,
            workstation=place,
            topics=topics,
            problem=problem,
            skills=skills,
        )
        if confirmed:
            sessions.guidance_session_confirm(session=session, apprentice=apprentice)
    milestones.milestone_sign_off(
        milestone=added[0],
        mentor=yi_ran,
        evidence="Porosity rate on station 3 down from 4% to 0.5% over two weeks; "
        "Li Junle now sets gas flow and cleans joints himself.",
    )
    return True


def _link_courses(agreement: Agreement, yi_ran) -> None:
    """Links the welding courses when the courses demo came after this one."""
    milestone = agreement.milestones.filter(title__icontains="robot").first()
    courses = _welding_courses()
    if milestone and courses and not milestone.courses.exists() and agreement.is_open:
        milestones.milestone_set_courses(
            milestone=milestone, actor=yi_ran, courses=courses
        )


def _welding_courses() -> list:
    """Courses of the courses app about welding, if it has any."""
    from mentorship.models import Milestone

    course_model = Milestone._meta.get_field("courses").related_model
    return list(course_model.objects.live().filter(title__icontains="weld")[:1])


def _service_requests(welder, cnc, fitter, yi_ran, han_liping) -> int:
    coordinator = demo_user("coordinator")
    hr, hr2, manager = demo_user("hr"), demo_user("hr2"), demo_user("manager")
    autopark, textile = demo_enterprise("autopark"), demo_enterprise("textile")
    today = timezone.localdate()
    plans = [
        # title, enterprise, poster, occupation, site, urgency, problem, final state
        (
            "Setting up a skill-certification system",
            autopark,
            manager,
            welder,
            "Head office, HR department",
            "normal",
            "We want an in-house skill-certification system for our 300 welders, "
            "matched to the national levels.",
            "submitted",
            None,
        ),
        (
            "Vibration in high-speed winding machines",
            textile,
            hr2,
            fitter,
            "Winding workshop 2",
            "high",
            "Spindles of the high-speed winding machines vibrate above 8,000 rpm; "
            "yarn breaks have doubled.",
            "published",
            None,
        ),
        (
            "Non-standard parts processing",
            autopark,
            hr,
            cnc,
            "Machining workshop, cell 5",
            "normal",
            "Small batches of non-standard brackets miss tolerance on the hole "
            "positions; we need a fixture and a machining method.",
            "assigned",
            han_liping,
        ),
        (
            "Cracks in welds of the rear subframe",
            autopark,
            hr,
            welder,
            "Subframe line",
            "critical",
            "Fatigue cracks at the weld toe found in the bench test.",
            "confirmed",
            yi_ran,
        ),
    ]
    made = 0
    for (
        title,
        enterprise,
        poster,
        occupation,
        site,
        urgency,
        problem,
        state,
        mentor,
    ) in plans:
        if ServiceRequest.objects.filter(title=title, enterprise=enterprise).exists():
            continue
        made += 1
        request = requests.service_request_create(
            enterprise=enterprise,
            posted_by=poster,
            title=title,
            problem=problem,
            occupation=occupation,
            site=site,
            urgency=urgency,
            preferred_from=today + datetime.timedelta(days=7),
            preferred_until=today + datetime.timedelta(days=30),
        )
        if state == "submitted":
            continue
        requests.service_request_publish(service_request=request, actor=coordinator)
        if state == "published":
            continue
        requests.service_request_offer(
            service_request=request, mentor=mentor, note="I can come next week."
        )
        requests.service_request_assign(
            service_request=request, actor=coordinator, mentor=mentor
        )
        sessions.service_visit_log(
            service_request=request,
            mentor=mentor,
            date=today - datetime.timedelta(days=5),
            start_time=T(9, 0),
            end_time=T(15, 0),
            workshop=site,
            problem=problem[:200],
            notes="Measured, discussed with the line's team, agreed next steps.",
        )
        if state == "assigned":
            continue
        requests.service_request_close(
            service_request=request,
            mentor=mentor,
            solution="Changed the weld sequence and added a toe-grinding step; "
            "no cracks in 40 bench-tested parts since.",
        )
        requests.service_request_confirm(
            service_request=request,
            actor=poster,
            rating=5,
            feedback="Solved a problem that troubled us for years.",
        )
    return made
