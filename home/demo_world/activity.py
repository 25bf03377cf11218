"""The demo world's latest events, done through the services people use, so that
every demo login finds its inbox as the platform fills it: an agreement waiting for
the coordinator's approval, a disputed session, a service request assigned, an
import whose rows have errors, a welcome for the logins no event reaches."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

# Shanxi centre's numbers in the national style (lms.certification.demo): S, body
# 000014, province 14, year, level mark, serial. Rows 3 to 6 have an error each.
IMPORT_ROWS = [
    "number,employee_number,occupation_code,level,issued_on,valid_until",
    "S00001414263090001,AS-1010,6-18-01-07,3,2026-10-12,2031-10-11",
    "S00001414264090002,AS-1011,6-18-01-01,四级/中级工,2026-10-12,2031-10-11",
    "S00001414263090003,AS-1012,6-18-01-07,7,2026-10-12,2031-10-11",
    "S00001414264090004,AS-9999,6-18-01-07,4,2026-10-12,2031-10-11",
    "S00001414264090005,AS-1014,6-99-99-99,4,2026-10-12,2031-10-11",
    "S00001414263090006,AS-1015,6-23-03-05,3,2026-13-01,2031-10-11",
    "S00001414263090007,AS-1016,6-23-03-05,高级工,2026-10-12,2031-10-11",
]


def make_activity(*, today, people, enterprises) -> None:
    from lms.certification.services import (
        import_batch_check,
        import_batch_create,
    )
    from lms.demo import demo_user
    from lms.notice_kinds import ROLE_WELCOME, WELCOME
    from lms.services.notifications import notification_send

    _agreement_to_approve(today, people, enterprises)
    _disputed_session(today)
    _request_assigned(today, enterprises)
    officer = demo_user("officer")
    batch = import_batch_create(
        actor=officer,
        upload=ContentFile(
            "\n".join(IMPORT_ROWS).encode(), name="appraisal-results-2026-10.csv"
        ),
        issuer_kind="outside",
        issuer_name="Shanxi Vocational Skill Appraisal Centre",
        enterprise=enterprises["aerospace"],
    )
    import_batch_check(batch_id=batch.pk)
    for role in ROLE_WELCOME:
        notification_send(
            recipient=demo_user(role),
            key="demo:welcome",
            kind=WELCOME.name,
            params={"role": role},
        )


def _agreement_to_approve(today, people, enterprises) -> None:
    """Han Liping and a new apprentice have both signed; the coordinator approves."""
    from lms.demo import demo_user
    from lms.models import Occupation, User
    from mentorship.models import Agreement
    from mentorship.services import agreements, milestones

    han, coordinator = demo_user("mentor2"), demo_user("coordinator")
    taken = set(Agreement.objects.values_list("apprentice_id", flat=True))
    mentors = {m.user_id for m in people.mentors}
    apprentice = User.objects.get(
        pk=next(
            w.user_id
            for w in people.workers["aerospace"]
            if w.user_id not in taken and w.user_id not in mentors
        )
    )
    start = today + datetime.timedelta(days=14)
    agreement = agreements.agreement_create(
        coordinator=coordinator,
        mentor=han,
        apprentice=apprentice,
        enterprise=enterprises["aerospace"],
        occupation=Occupation.objects.get(code="6-18-01-07"),
        goals="1. Machine intersecting hole systems without burrs.\n"
        "2. Reach senior worker (level 3).",
        start_date=start,
        end_date=start + datetime.timedelta(days=365),
        planned_hours=Decimal("60"),
        cadence=Agreement.Cadence.FORTNIGHTLY,
    )
    milestones.milestone_add(
        agreement=agreement,
        actor=han,
        title="Burr-free cross holes in one set-up",
        target_date=start + datetime.timedelta(days=120),
        skill_level=4,  # 三级/高级工
        courses=[],
    )
    agreements.agreement_send_for_signature(agreement=agreement, actor=coordinator)
    agreements.agreement_sign(agreement=agreement, user=han)
    agreements.agreement_sign(agreement=agreement, user=apprentice)


def _disputed_session(today) -> None:
    """An apprentice of Han Liping disputes the length of a session she logged."""
    from lms.demo import demo_user
    from mentorship.models import Agreement, GuidanceSession
    from mentorship.services import sessions

    han = demo_user("mentor2")
    agreement = (
        Agreement.objects.filter(mentor=han, status=Agreement.Status.ACTIVE)
        .order_by("pk")
        .first()
    )
    start, end = datetime.time(13, 30), datetime.time(17, 0)
    # The most recent afternoon she has free (a mentor's sessions never overlap).
    busy = set(
        GuidanceSession.objects.filter(
            mentor=han, start_time__lt=end, end_time__gt=start
        ).values_list("date", flat=True)
    )
    date = next(
        today - datetime.timedelta(days=n)
        for n in range(2, 60)
        if today - datetime.timedelta(days=n) not in busy
    )
    session = sessions.guidance_session_log(
        agreement=agreement,
        mentor=han,
        date=date,
        start_time=start,
        end_time=end,
        workshop="Machining workshop 3",
        topics="Pilot drilling of intersecting holes",
        skills="Choosing the pilot drill, reading the probe result",
    )
    sessions.guidance_session_dispute(
        session=session,
        apprentice=agreement.apprentice,
        comment="We stopped at four for the shift change, not at five.",
    )


def _request_assigned(today, enterprises) -> None:
    """The auto park's manager asks for help; Yi Ran offers and is assigned."""
    from lms.demo import demo_user
    from lms.models import Occupation
    from mentorship.services import requests

    manager, coordinator = demo_user("manager"), demo_user("coordinator")
    yi_ran = demo_user("mentor")
    request = requests.service_request_create(
        enterprise=enterprises["autopark"],
        posted_by=manager,
        title="Spatter on the new robot welding line",
        problem="Spatter on the robot welding line rose after the switch to a new "
        "wire supplier; cleaning takes an extra hour per shift.",
        occupation=Occupation.objects.get(code="6-18-02-04"),
        site="Body shop, robot line 3",
        urgency="high",
        preferred_from=today + datetime.timedelta(days=3),
        preferred_until=today + datetime.timedelta(days=21),
    )
    requests.service_request_publish(service_request=request, actor=coordinator)
    requests.service_request_offer(
        service_request=request, mentor=yi_ran, note="I can come on Monday."
    )
    requests.service_request_assign(
        service_request=request, actor=coordinator, mentor=yi_ran
    )
