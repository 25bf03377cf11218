"""Benchmark data, made fast with bulk_create (not through the services: this is volume,
not behaviour). ``python -m bench.generate --size small|large`` on a migrated database.

Made: industries, occupations, enterprises, workers and their memberships, one HR per
enterprise, skill certificates and inbox notifications. Not made yet: courses,
enrolments, mentorships (their pages and records need the apps' own generators)."""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time

SIZES = {
    # certs and notes are per worker
    "small": {
        "enterprises": 3,
        "workers": 300,
        "occupations": 20,
        "certs": 2,
        "notes": 10,
    },
    "large": {
        "enterprises": 30,
        "workers": 20_000,
        "occupations": 200,
        "certs": 2,
        "notes": 10,
    },
}
BATCH = 2000
EMAIL = "bench-{kind}-{n}@bench.example"


def hr_email(n: int = 0) -> str:
    return EMAIL.format(kind="hr", n=n)


def worker_email(n: int = 0) -> str:
    return EMAIL.format(kind="worker", n=n)


def credit_code(n: int) -> str:
    from lms.validators import CREDIT_CODE_ALPHABET, credit_code_check_char

    body = "92440000" + "".join(
        CREDIT_CODE_ALPHABET[(n // 31**i) % 31] for i in range(9)
    )
    return body + credit_code_check_char(body)


def generate(size: str, *, seed: int = 8, out=sys.stdout) -> dict[str, int]:
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction

    from lms.models import (
        Enterprise,
        Industry,
        Membership,
        Notification,
        Occupation,
        SkillCertificate,
        User,
    )
    from lms.roles import Role

    spec = SIZES[size]
    rng = random.Random(seed)
    if User.objects.filter(email=hr_email()).exists():
        out.write("bench data already present: nothing made\n")
        return {}
    started = time.monotonic()
    password = make_password("bench-pass-2026")  # hashed once, shared by everyone
    today = datetime.date.today()

    with transaction.atomic():
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
        hrs = User.objects.bulk_create(
            User(email=hr_email(n), display_name=f"Bench HR {n}", password=password)
            for n in range(spec["enterprises"])
        )
        workers = User.objects.bulk_create(
            (
                User(
                    email=worker_email(n),
                    display_name=f"Bench worker {n}",
                    password=password,
                )
                for n in range(spec["workers"])
            ),
            batch_size=BATCH,
        )

        # Enterprise 0 is the big one (a quarter of everybody); the rest share evenly.
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
            + [
                through(user_id=u.pk, group_id=groups[Role.LEARNER].pk) for u in workers
            ],
            batch_size=BATCH,
        )
        certificates = []
        for n, worker in enumerate(workers):
            for k in range(spec["certs"]):
                issued = today - datetime.timedelta(days=rng.randrange(30, 3000))
                certificates.append(
                    SkillCertificate(
                        holder=worker,
                        occupation=rng.choice(occupations),
                        level=rng.randint(1, 5),
                        number=f"BENCH-{n:06d}-{k}",
                        issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
                        issuer_name="Bench appraisal centre",
                        issued_on=issued,
                        valid_until=rng.choice(
                            [None, issued + datetime.timedelta(days=3 * 365)]
                        ),
                        evidence_kind=SkillCertificate.Evidence.APPRAISAL,
                    )
                )
        SkillCertificate.objects.bulk_create(certificates, batch_size=BATCH)
        Notification.objects.bulk_create(
            (
                Notification(
                    recipient=worker,
                    key=f"bench-{n}-{k}",
                    subject=f"Bench notice {k}",
                    body="Your shift's training starts at eight.",
                )
                for n, worker in enumerate(workers)
                for k in range(spec["notes"])
            ),
            batch_size=BATCH * 2,
        )
    counts = {
        "enterprises": len(enterprises),
        "users": len(hrs) + len(workers),
        "certificates": len(certificates),
        "notifications": len(workers) * spec["notes"],
    }
    out.write(f"bench {size}: {counts} in {time.monotonic() - started:.1f} s\n")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    generate(args.size)


if __name__ == "__main__":
    main()
