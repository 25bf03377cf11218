"""Service requests of the demo world at every step (submitted, published,
assigned, solved, confirmed, declined, withdrawn) with their offers, visits and
history, as the request services would have left them."""

from __future__ import annotations

import datetime

from home.demo_world.mentoring import take_slot, taken_slots
from home.demo_world.people import ENTERPRISE_TRADES
from home.demo_world.rows import at, bulk_insert, session_row

# (occupation code, title, problem, site)
REQUESTS = [
    (
        "6-18-01-07",
        "Burrs at intersecting holes of valve bodies",
        "Cross holes of the new valve body leave burrs we cannot reach; parts fail "
        "the cleanliness check.",
        "Machining workshop 3",
    ),
    (
        "6-18-01-01",
        "Chatter when turning long thin shafts",
        "Shafts of 600 mm show chatter marks at mid-length; roughness is out of "
        "tolerance.",
        "Turning section",
    ),
    (
        "6-23-03-05",
        "Assembly fixture for the launch-platform arm",
        "We need a fixture and a method to assemble the arm within 0.05 mm.",
        "Assembly hall 1",
    ),
    (
        "6-04-01-01",
        "Yarn breaks on ring frames after the humidity change",
        "Breaks per thousand spindle hours doubled since the new air conditioning.",
        "Spinning workshop 2",
    ),
    (
        "6-04-02-01",
        "Weft stops on the air-jet looms",
        "Stops on looms 30-45 rose to 12 an hour with the new polyester blend.",
        "Weaving workshop",
    ),
    (
        "6-04-05-01",
        "Vibration in high-speed winding machines",
        "Spindles vibrate above 8,000 rpm; yarn breaks have doubled.",
        "Winding workshop 2",
    ),
    (
        "6-11-01-03",
        "Unstable temperature control of the cracking furnace",
        "The outlet temperature swings by 6 degrees after each decoking.",
        "Cracking unit",
    ),
    (
        "6-31-01-02",
        "Seal leaks on the feed pump",
        "The mechanical seal of pump P-204 leaks within a month of each overhaul.",
        "Compressor house",
    ),
    (
        "6-31-01-09",
        "Drifting pressure transmitters",
        "Transmitters on the flare line drift within weeks of calibration.",
        "Flare system",
    ),
    (
        "6-18-02-04",
        "Porosity in robot welds of the rear subframe",
        "Porosity appears on the robot line after every wire change.",
        "Subframe line",
    ),
]
REQUEST_STEPS = [
    "submitted",
    "published",
    "assigned",
    "closed",
    "confirmed",
    "rejected",
    "cancelled",
]
SOLUTION = "Found the cause with the line's team, changed the method and trained the "
SOLUTION += "operators; the problem has not come back in the weeks since."
FEEDBACK = ["Solved for good.", "Quick and clear.", "Helpful; one point still open."]


def make_service_requests(*, rng, today, people, enterprises, coordinator_id, each):
    from mentorship.models import (
        GuidanceSession,
        ServiceRequest,
        ServiceRequestEvent,
        ServiceRequestOffer,
    )

    occupations = _occupation_ids()
    mentors_of: dict[str, list] = {}
    for mentor in people.mentors:
        mentors_of.setdefault(mentor.trade, []).append(mentor.user_id)
    enterprise_of = {
        code: key
        for key, (_prefix, trades) in ENTERPRISE_TRADES.items()
        for code in trades
    }
    specs = [r for r in REQUESTS if r[0] in mentors_of]
    plans = []
    for n in range(each * len(REQUEST_STEPS)):
        step = REQUEST_STEPS[n % len(REQUEST_STEPS)]
        code, title, problem, site = specs[n % len(specs)]
        key = enterprise_of[code]
        # Older requests went further; the open ones are recent.
        age = (
            rng.randrange(5, 40)
            if step in ("submitted", "published")
            else (rng.randrange(20, 540))
        )
        posted = at(today - datetime.timedelta(days=age), rng.randrange(8, 18))
        mentor = rng.choice(mentors_of[code])
        plans.append((step, code, title, problem, site, key, posted, mentor))
    requests = bulk_insert(
        ServiceRequest,
        (
            {
                "enterprise_id": enterprises[key].pk,
                "posted_by_id": people.hr[key],
                "title": title,
                "problem": problem,
                "occupation_id": occupations[code],
                "site": site,
                "urgency": rng.choice(["low", "normal", "normal", "high", "critical"]),
                "preferred_from": (posted + datetime.timedelta(days=7)).date(),
                "preferred_until": (posted + datetime.timedelta(days=40)).date(),
                "status": step,
                "assigned_mentor_id": mentor
                if step in ("assigned", "closed", "confirmed")
                else None,
                "solution": SOLUTION if step in ("closed", "confirmed") else "",
                "rating": rng.choice([4, 5, 5]) if step == "confirmed" else None,
                "feedback": rng.choice(FEEDBACK) if step == "confirmed" else "",
                "created_at": posted,
                "updated_at": posted,
            }
            for step, code, title, problem, site, key, posted, mentor in plans
        ),
    )
    events, offers, visits = [], [], []
    taken = taken_slots()
    for request, plan in zip(requests, plans, strict=True):
        step, code, _title, problem, site, key, posted, mentor = plan
        path = _path(step)
        actors = {
            "submitted": people.hr[key],
            "published": coordinator_id,
            "assigned": coordinator_id,
            "closed": mentor,
            "confirmed": people.hr[key],
            "rejected": coordinator_id,
            "cancelled": people.hr[key],
        }
        when = posted
        previous = ""
        for to in path:
            events.append(
                {
                    "request_id": request.pk,
                    "from_status": previous,
                    "to_status": to,
                    "actor_id": actors[to],
                    "note": "Outside the union's service scope; please contact the "
                    "equipment supplier."
                    if to == "rejected"
                    else "",
                    "created_at": when,
                }
            )
            previous = to
            if to == "published" and "assigned" in path:
                for n, other in enumerate(
                    {
                        mentor,
                        *rng.sample(mentors_of[code], k=min(2, len(mentors_of[code]))),
                    }
                ):
                    offers.append(
                        {
                            "request_id": request.pk,
                            "mentor_id": other,
                            "note": "I can come next week.",
                            "created_at": when + datetime.timedelta(hours=3 + n),
                        }
                    )
            if to == "assigned":
                visit_day = min((when + datetime.timedelta(days=5)).date(), today)
                minutes = rng.choice([240, 300, 360])
                # The mentor's first free morning from then on, going back a day.
                while not take_slot(
                    taken, mentor, visit_day, datetime.time(9, 0), minutes
                ):
                    visit_day -= datetime.timedelta(days=1)
                visits.append(
                    session_row(
                        service_request_id=request.pk,
                        mentor_id=mentor,
                        day=visit_day,
                        start=datetime.time(9, 0),
                        minutes=minutes,
                        status="confirmed" if step == "confirmed" else "pending",
                        workshop=site,
                        problem=problem[:200],
                    )
                )
            when += datetime.timedelta(days=rng.randrange(1, 6))
        request.updated_at = min(when, at(today, 8))
    bulk_insert(ServiceRequestEvent, events)
    bulk_insert(ServiceRequestOffer, offers)
    bulk_insert(GuidanceSession, visits)
    ServiceRequest.objects.bulk_update(requests, ["updated_at"], batch_size=500)
    return {"service requests": len(requests), "visits": len(visits)}


def _path(step: str) -> list[str]:
    main = ["submitted", "published", "assigned", "closed", "confirmed"]
    if step in main:
        return main[: main.index(step) + 1]
    if step == "rejected":
        return ["submitted", "rejected"]
    return ["submitted", "published", "cancelled"]


def _occupation_ids() -> dict[str, int]:
    from lms.models import Occupation

    return dict(Occupation.objects.values_list("code", "pk"))
