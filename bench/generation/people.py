"""The people: industries and occupations, enterprises with one HR each, workers and
their memberships, mentors and a union coordinator, with Chinese names from the
demo's name generator."""

from __future__ import annotations

from bench.generation.naming import BATCH, EMAIL, credit_code


def make_people(spec, rng, out):
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from home.demo_world.names import person_names
    from lms.models import Enterprise, Industry, Membership, Occupation, User
    from lms.roles import Role

    password = make_password("bench-pass-2026")  # hashed once, shared by everyone
    industry, _ = Industry.objects.get_or_create(
        code="bench-manufacturing", defaults={"name": "Bench manufacturing"}
    )
    occupations = Occupation.objects.bulk_create(
        Occupation(code=f"B-{n:04d}", name=f"Bench trade {n}", industry=industry)
        for n in range(spec["occupations"])
    )
    enterprises = Enterprise.objects.bulk_create(
        Enterprise(
            name=f"Bench works {n}",
            credit_code=credit_code(700_000 + n),
            industry=industry,
            region="Bench province",
        )
        for n in range(spec["enterprises"])
    )

    def users(kind, count):
        return User.objects.bulk_create(
            (
                User(
                    email=EMAIL.format(kind=kind, n=n),
                    display_name=name.written,
                    last_name=name.surname,
                    first_name=name.given,
                    password=password,
                )
                for n, name in enumerate(person_names(rng, count))
            ),
            batch_size=BATCH,
        )

    hrs = users("hr", spec["enterprises"])
    workers = users("worker", spec["workers"])
    mentors = users("mentor", spec["mentors"])
    coordinator = users("coordinator", 1)[0]

    # Enterprise 0 is the big one (a quarter of the workers); the rest share evenly.
    def enterprise_of(n: int) -> Enterprise:
        if n % 4 == 0 or len(enterprises) == 1:
            return enterprises[0]
        return enterprises[1 + n % (len(enterprises) - 1)]

    Membership.objects.bulk_create(
        [
            Membership(user=hr, enterprise=enterprises[n], role="hr")
            for n, hr in enumerate(hrs)
        ]
        + [
            Membership(
                user=w,
                enterprise=enterprise_of(n),
                role="worker",
                employee_number=f"E{n:06d}",
            )
            for n, w in enumerate(workers)
        ],
        batch_size=BATCH,
    )
    groups = {role: Group.objects.get_or_create(name=role)[0] for role in Role}
    through = User.groups.through
    through.objects.bulk_create(
        [through(user_id=u.pk, group_id=groups[Role.HR].pk) for u in hrs]
        + [through(user_id=u.pk, group_id=groups[Role.LEARNER].pk) for u in workers]
        + [through(user_id=u.pk, group_id=groups[Role.MENTOR].pk) for u in mentors]
        + [through(user_id=coordinator.pk, group_id=groups[Role.COORDINATOR].pk)],
        batch_size=BATCH,
    )
    return {
        "industry": industry,
        "occupations": occupations,
        "enterprises": enterprises,
        "enterprise_of": enterprise_of,
        "hrs": hrs,
        "workers": workers,
        "mentors": mentors,
        "coordinator": coordinator,
    }
