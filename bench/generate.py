"""Benchmark data in volume: ``python -m bench.generate --size small|large`` on a
migrated database (the demo content may or may not be there).

Made (counts in ``SIZES``): industries and occupations, enterprises with one HR each,
workers and their memberships, mentors and a union coordinator, courses and their
lessons as live Wagtail pages below the catalogue (through the page tree API,
``add_child``), enrolments, lesson progress, mentorship agreements and their guidance
sessions, skill certificates and inbox notifications.

Pages go through Wagtail; the records do not go through the services (this is volume,
not behaviour). The rows are built and written by ``home.demo_world.rows``, the code
path the demo world uses too: ``bulk_create`` in batches where the rows' ids are
needed later, and PostgreSQL's ``COPY`` (psycopg's ``cursor.copy``) for the big tables
(lesson progress, sessions, certificates, notifications). On SQLite ``COPY`` falls
back to bulk_create. People have Chinese names from the demo's name generator.
Everything is one transaction: a run that fails leaves nothing behind, and a second
run finds the data and does nothing."""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time

from bench.generation.courses import make_courses
from bench.generation.exam import make_exam
from bench.generation.naming import hr_email
from bench.generation.people import make_people
from bench.generation.records import make_certificates, make_learning, make_mentorship

SIZES = {
    "small": {
        "enterprises": 10,
        "workers": 980,  # + 10 HR + 9 mentors + 1 coordinator = 1,000 users
        "mentors": 9,
        "occupations": 20,
        "courses": 20,
        "lessons": 5,
        "enrolments": 2_000,
        "progress_per_enrolment": 5,  # 10,000 lesson progress rows
        "agreements": 100,
        "sessions_per_agreement": 20,  # 2,000 sessions
        "certificates": 10_000,
        "notes": 5,
    },
    "large": {
        "enterprises": 200,
        "workers": 19_749,  # + 200 HR + 50 mentors + 1 coordinator = 20,000 users
        "mentors": 50,
        "occupations": 200,
        "courses": 100,
        "lessons": 20,
        "enrolments": 50_000,
        "progress_per_enrolment": 10,  # 500,000 lesson progress rows
        "agreements": 2_000,
        "sessions_per_agreement": 20,  # 40,000 sessions
        "certificates": 1_000_000,
        "notes": 10,
    },
}


def generate(size: str, *, seed: int = 8, out=sys.stdout) -> dict[str, int]:
    from django.db import connection, transaction

    from lms.models import User

    spec = SIZES[size]
    if User.objects.filter(email=hr_email()).exists():
        out.write("bench data already present: nothing made\n")
        make_exam(out)  # databases generated before the exam existed
        return {}
    rng = random.Random(seed)
    started = time.monotonic()
    today = datetime.date.today()
    with transaction.atomic():
        people = make_people(spec, rng, out)
        courses, lessons = make_courses(spec, people, out)
        enrolments, progress = make_learning(spec, people, courses, lessons, out)
        agreements, sessions = make_mentorship(spec, people, today, out)
        certificates, notes = make_certificates(spec, people, rng, today, out)
        examinees = make_exam(out)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics for the planner
    counts = {
        "users": User.objects.count(),
        "enterprises": len(people["enterprises"]),
        "courses": len(courses),
        "lessons": sum(map(len, lessons)),
        "enrolments": enrolments,
        "lesson progress": progress,
        "agreements": agreements,
        "sessions": sessions,
        "certificates": certificates,
        "notifications": notes,
        "exam learners": examinees,
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
