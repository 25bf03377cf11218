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
BATCH = 5_000
EMAIL = "bench-{kind}-{n}@bench.example"
COURSE_SLUG = "bench-course-{n}"


def hr_email(n: int = 0) -> str:
    return EMAIL.format(kind="hr", n=n)


def worker_email(n: int = 0) -> str:
    return EMAIL.format(kind="worker", n=n)


def mentor_email(n: int = 0) -> str:
    return EMAIL.format(kind="mentor", n=n)


def credit_code(n: int) -> str:
    from lms.validators import CREDIT_CODE_ALPHABET, credit_code_check_char

    body = "92440000" + "".join(
        CREDIT_CODE_ALPHABET[(n // 31**i) % 31] for i in range(9)
    )
    return body + credit_code_check_char(body)


def course_of(user_index: int, j: int, courses: int) -> int:
    """The j-th course of a worker: distinct for every j < courses (37 is coprime
    with 20 and 100), so (user, course) stays unique."""
    return (user_index + 37 * j) % courses


# --- the parts ----------------------------------------------------------------------


def _people(spec, rng, out):
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


def _catalogue():
    """The live catalogue in the default language (the demo's), or a new one below
    the site's home page."""
    from django.conf import settings
    from wagtail.models import Site

    from courses.models import CourseIndexPage
    from courses.services.catalogue import catalogue_ensure

    found = (
        CourseIndexPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    if found is not None:
        return found
    root = Site.objects.get(is_default_site=True).root_page
    return catalogue_ensure(parent=root, title="Courses", slug="courses")


def _lesson_body(n: int, k: int) -> list[dict]:
    paragraph = (
        "<p>Check the workpiece against the drawing before you clamp it. Measure "
        "twice, note the reading on the route card, and call the team leader when "
        "a value is outside the tolerance band.</p>"
    )
    return [
        {
            "type": "text",
            "value": f"<h2>Step {k + 1} of course {n}</h2>" + paragraph * 4,
            "id": f"bench-{n}-{k}-text",
        }
    ]


def _courses(spec, people, out):
    """Courses and lessons through Wagtail's page tree API: ``add_child`` on the
    catalogue, then on each course (live pages, no revisions)."""
    from decimal import Decimal

    from courses.models import CoursePage, LessonPage

    index = _catalogue()
    courses, lessons = [], []
    began = time.monotonic()
    for n in range(spec["courses"]):
        occupation = people["occupations"][n % len(people["occupations"])]
        course = CoursePage(
            title=f"Bench course {n}: {occupation.name}",
            slug=COURSE_SLUG.format(n=n),
            summary="Generated for the benchmarks: a course of the bench trade.",
            industry=people["industry"],
            occupation=occupation,
            skill_level=2 + n % 5,
            estimated_hours=Decimal("8.0"),
            learning_outcomes="<ul><li>Work safely</li><li>Measure right</li></ul>",
        )
        index.add_child(instance=course)
        course_lessons = []
        for k in range(spec["lessons"]):
            lesson = LessonPage(
                title=f"Lesson {k + 1}",
                slug=f"lesson-{k + 1}",
                module=f"Module {k // 5 + 1}",
                summary="A bench lesson.",
                body=_lesson_body(n, k),
            )
            course.add_child(instance=lesson)
            course_lessons.append(lesson)
        courses.append(course)
        lessons.append(course_lessons)
    out.write(
        f"  {len(courses)} courses, {sum(map(len, lessons))} lessons "
        f"(add_child) in {time.monotonic() - began:.1f} s\n"
    )
    return courses, lessons


def _learning(spec, people, courses, lessons, out):
    from django.utils import timezone

    from courses.models import Enrollment, LessonProgress
    from home.demo_world.rows import (
        bulk_insert,
        copy_rows,
        enrollment_row,
        progress_row,
    )

    began = time.monotonic()
    workers = people["workers"]
    now = timezone.now()

    def enrolment_rows():
        for e in range(spec["enrolments"]):
            u, j = e % len(workers), e // len(workers)
            c = course_of(u, j, len(courses))
            yield enrollment_row(
                user_id=workers[u].pk,
                course_id=courses[c].pk,
                enrolled_at=now,
                last_lesson_id=lessons[c][0].pk,
            )

    enrolments = bulk_insert(Enrollment, enrolment_rows())
    lesson_ids = {
        c.pk: [lesson.pk for lesson in ls]
        for c, ls in zip(courses, lessons, strict=True)
    }
    per = min(spec["progress_per_enrolment"], spec["lessons"])

    def rows():
        for i, enrolment in enumerate(enrolments):
            ids = lesson_ids[enrolment.course_id]
            for k in range(per):
                # Every other enrolment has finished what it opened.
                yield progress_row(
                    enrollment_id=enrolment.pk,
                    lesson_id=ids[k],
                    opened_at=now,
                    completed_at=now if (i + k) % 2 == 0 else None,
                )

    progress = copy_rows(LessonProgress, rows())
    out.write(
        f"  {len(enrolments)} enrolments, {progress} lesson progress rows in "
        f"{time.monotonic() - began:.1f} s\n"
    )
    return len(enrolments), progress


def _mentorship(spec, people, today, out):
    from decimal import Decimal

    from django.utils import timezone

    from home.demo_world.rows import copy_rows, session_row
    from mentorship.models import Agreement, GuidanceSession

    began = time.monotonic()
    workers, mentors = people["workers"], people["mentors"]
    now = timezone.now()
    agreements = Agreement.objects.bulk_create(
        (
            Agreement(
                mentor=mentors[n % len(mentors)],
                # Apprentices spread over the enterprises, one agreement each.
                apprentice=workers[(n * 7) % len(workers)],
                enterprise=people["enterprise_of"]((n * 7) % len(workers)),
                coordinator=people["coordinator"],
                occupation=people["occupations"][n % len(people["occupations"])],
                goals="Reach the next skill level on the line.",
                start_date=today - datetime.timedelta(days=200),
                end_date=today + datetime.timedelta(days=165),
                planned_hours=Decimal("60.0"),
                status=Agreement.Status.ACTIVE,
                activated_at=now,
            )
            for n in range(spec["agreements"])
        ),
        batch_size=BATCH,
    )
    per = spec["sessions_per_agreement"]

    def rows():
        for agreement in agreements:
            for k in range(per):
                yield session_row(
                    agreement_id=agreement.pk,
                    mentor_id=agreement.mentor_id,
                    day=today - datetime.timedelta(days=7 * (per - k)),
                    start=datetime.time(9, 0),
                    minutes=90,
                    status="confirmed" if k % 4 != 0 else "pending",
                    workshop="Workshop 2",
                    line="Line A",
                    workstation=f"Station {k % 9 + 1}",
                    topics="Fixture set-up and first-piece inspection",
                    skills="Reading the drawing",
                )

    sessions = copy_rows(GuidanceSession, rows())
    out.write(
        f"  {len(agreements)} agreements, {sessions} sessions in "
        f"{time.monotonic() - began:.1f} s\n"
    )
    return len(agreements), sessions


def _certificates(spec, people, rng, today, out):
    from django.utils import timezone

    from home.demo_world.rows import certificate_row, copy_rows
    from lms.certification.services.certificates import issuing_body_for
    from lms.models import Notification, SkillCertificate

    began = time.monotonic()
    workers, occupations = people["workers"], people["occupations"]
    now = timezone.now()
    total = spec["certificates"]
    centre = "Bench appraisal centre"
    centre_id = issuing_body_for(centre).pk

    def rows():
        for i in range(total):
            issued = today - datetime.timedelta(days=rng.randrange(30, 3000))
            # A third never expire; the rest last three years from issue. No
            # renewals in the generated data (nothing superseded).
            holder = workers[i % len(workers)]
            yield certificate_row(
                rng=rng,
                holder_id=holder.pk,
                holder_name=holder.get_full_name(),
                occupation_id=occupations[rng.randrange(len(occupations))].pk,
                level=rng.randint(1, 8),
                number=f"BENCH-{i:07d}",
                issuer_kind=SkillCertificate.IssuerKind.OUTSIDE,
                issuer_name=centre,
                issuing_body_id=centre_id,
                issued_on=issued,
                valid_until=None
                if i % 3 == 0
                else issued + datetime.timedelta(days=3 * 365),
                evidence_kind=SkillCertificate.Evidence.APPRAISAL,
            )

    certificates = copy_rows(SkillCertificate, rows())
    notes = copy_rows(
        Notification,
        (
            {
                "recipient_id": worker.pk,
                "key": f"bench-{k}",
                "kind": "legacy",
                "params": {
                    "subject": f"Bench notice {k}",
                    "body": "Your shift's training starts at eight.",
                },
                "created_at": now,
            }
            for worker in workers
            for k in range(spec["notes"])
        ),
    )
    out.write(
        f"  {certificates} certificates, {notes} notifications in "
        f"{time.monotonic() - began:.1f} s\n"
    )
    return certificates, notes


def generate(size: str, *, seed: int = 8, out=sys.stdout) -> dict[str, int]:
    from django.db import connection, transaction

    from lms.models import User

    spec = SIZES[size]
    if User.objects.filter(email=hr_email()).exists():
        out.write("bench data already present: nothing made\n")
        return {}
    rng = random.Random(seed)
    started = time.monotonic()
    today = datetime.date.today()
    with transaction.atomic():
        people = _people(spec, rng, out)
        courses, lessons = _courses(spec, people, out)
        enrolments, progress = _learning(spec, people, courses, lessons, out)
        agreements, sessions = _mentorship(spec, people, today, out)
        certificates, notes = _certificates(spec, people, rng, today, out)
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
