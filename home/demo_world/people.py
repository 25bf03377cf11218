"""The people of the demo world: the workers, HR officers and model-worker mentors
of the story enterprises, written in bulk with Chinese names from the seeded
generator; the named demo people join them where their stories put them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from home.demo_world.names import person_names
from home.demo_world.rows import at, bulk_insert

EMAIL = "{enterprise}-{n:04d}@workers.demo.craftskills.cn"

# enterprise key: (employee number prefix, trades in order of headcount)
ENTERPRISE_TRADES = {
    "aerospace": ("AS", ["6-18-01-07", "6-23-03-05", "6-18-01-01"]),
    "textile": ("TX", ["6-04-01-01", "6-04-02-01", "6-04-05-01"]),
    "petrochem": ("QG", ["6-11-01-03", "6-31-01-02", "6-31-01-09", "6-31-01-03"]),
    "autopark": ("AP", ["6-18-02-04", "6-22-02-01", "6-18-01-02"]),
}
# The named mentors' trades and the enterprise whose apprentices they take.
NAMED_MENTORS = {
    "mentor2": ("6-18-01-07", "aerospace"),  # Han Liping
    "mentor": ("6-18-02-04", "autopark"),  # Yi Ran
    "zhang_zhaohong": ("6-31-01-02", "petrochem"),
}
MENTORS_PER_ENTERPRISE = 3


@dataclass
class Person:
    user_id: int
    name: str
    enterprise: str
    trade: str  # occupation code
    joined_on: datetime.date


@dataclass
class People:
    workers: dict[str, list[Person]] = field(default_factory=dict)
    mentors: list[Person] = field(default_factory=list)
    hr: dict[str, int] = field(default_factory=dict)  # enterprise key: user id


def world_exists() -> bool:
    from lms.models import User

    return User.objects.filter(email=EMAIL.format(enterprise="aerospace", n=0)).exists()


def make_people(*, rng, today, enterprises, workers_per_enterprise: int) -> People:
    """Workers (a few of them model-worker mentors) of every story enterprise, an
    HR officer where the demo has none, and the named people in their places."""
    from django.contrib.auth.models import Group

    from lms.demo import DEMO_ACCOUNTS, demo_password_hash, demo_user
    from lms.models import Membership, User
    from lms.roles import Role
    from mentorship.models import MentorTrade

    people = People()
    password = demo_password_hash()
    specs = []  # (enterprise, n, name, trade, joined, is_mentor)
    for key, (_prefix, trades) in ENTERPRISE_TRADES.items():
        names = person_names(rng, workers_per_enterprise + 1)
        for n, name in enumerate(names):
            trade = trades[min(int(rng.paretovariate(1.2)) - 1, len(trades) - 1)]
            joined = today - datetime.timedelta(days=rng.randrange(200, 9000))
            specs.append((key, n, name, trade, joined))
    users = bulk_insert(
        User,
        (
            {
                "email": EMAIL.format(enterprise=key, n=n),
                "password": password,
                "display_name": name.written,
                "last_name": name.surname,
                "first_name": name.given,
                "preferred_language": "zh-hans",
                "date_joined": at(today - datetime.timedelta(days=730), 8),
            }
            for key, n, name, _trade, _joined in specs
        ),
    )
    memberships = []
    for user, (key, n, name, trade, joined) in zip(users, specs, strict=True):
        prefix = ENTERPRISE_TRADES[key][0]
        is_hr = n == workers_per_enterprise  # the last one of each enterprise
        memberships.append(
            {
                "user_id": user.pk,
                "enterprise_id": enterprises[key].pk,
                "role": "hr" if is_hr else "worker",
                "employee_number": f"{prefix}-{'HR' if is_hr else ''}{1000 + n}",
                "joined_on": joined,
            }
        )
        if is_hr:
            people.hr[key] = user.pk
            continue
        person = Person(user.pk, name.written, key, trade, joined)
        people.workers.setdefault(key, []).append(person)
        if n < MENTORS_PER_ENTERPRISE:
            people.mentors.append(person)
    bulk_insert(Membership, memberships)
    groups = {role: Group.objects.get_or_create(name=role)[0].pk for role in Role}
    mentor_ids = {p.user_id for p in people.mentors}
    through = User.groups.through
    bulk_insert(
        through,
        [
            {"user_id": m["user_id"], "group_id": groups[Role.HR]}
            for m in memberships
            if m["role"] == "hr"
        ]
        + [
            {"user_id": m["user_id"], "group_id": groups[Role.LEARNER]}
            for m in memberships
            if m["role"] == "worker"
        ]
        + [{"user_id": pk, "group_id": groups[Role.MENTOR]} for pk in mentor_ids],
    )
    # The demo logins' HR officers replace the generated ones where they exist.
    for key, (_email, _name, _roles, _lang, membership) in DEMO_ACCOUNTS.items():
        if membership and membership[1] == "hr":
            people.hr[membership[0]] = demo_user(key).pk
    for key, (trade, enterprise) in NAMED_MENTORS.items():
        user = demo_user(key)
        people.mentors.append(
            Person(user.pk, user.display_name, enterprise, trade, today)
        )
    occupations = _occupation_ids()
    existing = set(MentorTrade.objects.values_list("user_id", "occupation_id"))
    bulk_insert(
        MentorTrade,
        (
            {"user_id": p.user_id, "occupation_id": occupations[p.trade]}
            for p in people.mentors
            if (p.user_id, occupations[p.trade]) not in existing
        ),
    )
    return people


def _occupation_ids() -> dict[str, int]:
    from lms.models import Occupation

    return dict(Occupation.objects.values_list("code", "pk"))
