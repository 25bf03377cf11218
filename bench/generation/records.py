"""The records people make, in volume and without the services: enrolments and lesson
progress, mentorship agreements with their guidance sessions, skill certificates and
inbox notifications (``home.demo_world.rows``: bulk_create, or PostgreSQL's COPY for the
big tables)."""

from __future__ import annotations

import datetime
import time

from bench.generation.naming import BATCH, course_of

SLOTS = [
    datetime.time(8, 0),
    datetime.time(10, 0),
    datetime.time(13, 0),
    datetime.time(15, 0),
]


def make_learning(spec, people, courses, lessons, out):
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


def make_mentorship(spec, people, today, out):
    from decimal import Decimal

    from django.utils import timezone

    from home.demo_world.rows import copy_rows, session_row
    from mentorship.models import Agreement, GuidanceSession

    began = time.monotonic()
    workers, mentors = people["workers"], people["mentors"]
    now = timezone.now()
    per = spec["sessions_per_agreement"]
    # A mentor's sessions never overlap (PostgreSQL refuses it: mentorship migration
    # 0002). Agreement i of a mentor meets in slot i % 4 of the day (90 min each)
    # and i // 4 days after the others; its series repeats every `stride` days.
    per_mentor = -(-spec["agreements"] // len(mentors))
    stride = max(7, -(-per_mentor // len(SLOTS)))
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
                start_date=today - datetime.timedelta(days=stride * (per + 1)),
                end_date=today + datetime.timedelta(days=165),
                planned_hours=Decimal("60.0"),
                status=Agreement.Status.ACTIVE,
                activated_at=now,
            )
            for n in range(spec["agreements"])
        ),
        batch_size=BATCH,
    )

    def rows():
        for n, agreement in enumerate(agreements):
            i = n // len(mentors)  # the how-manieth agreement of its mentor
            for k in range(per):
                yield session_row(
                    agreement_id=agreement.pk,
                    mentor_id=agreement.mentor_id,
                    day=today - datetime.timedelta(days=stride * (per - k) + i // 4),
                    start=SLOTS[i % len(SLOTS)],
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


def make_certificates(spec, people, rng, today, out):
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
                "failure": "",  # COPY applies no model default
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
