"""What the load scenarios need beyond the data of a size (``bench.scenarios``): an
exam course of one lesson holding a quiz, with ``LEARNERS`` learners enrolled, and as
many extra learners as the size lacks (the small size has 980 workers). Each extra
learner also takes two ordinary bench courses, so that the long scenario has
``LEARNERS`` people with courses to walk. Made once: a second run finds the exam."""

from __future__ import annotations

import time

from bench.generation.naming import (
    BATCH,
    COURSE_SLUG,
    EXAM_SLUG,
    LEARNERS,
    course_of,
    learner_email,
    worker_email,
)
from bench.generation.quizzes import quiz_block

EXTRA_COURSES = 2


def make_exam(out, *, learners: int = LEARNERS) -> int:
    """The exam course and its learners; returns how many were enrolled (0 if the
    exam was there already)."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from bench.generation.courses import catalogue
    from courses.models import CoursePage, Enrollment, LessonPage
    from home.demo_world.names import person_names
    from home.demo_world.rows import bulk_insert, enrollment_row
    from lms.models import User
    from lms.roles import Role

    if CoursePage.objects.filter(slug=EXAM_SLUG).exists():
        return 0
    began = time.monotonic()
    import random

    with transaction.atomic():
        first = CoursePage.objects.get(slug=COURSE_SLUG.format(n=0))
        exam = CoursePage(
            title="Bench exam: measuring",
            slug=EXAM_SLUG,
            summary="The synchronised exam of the load benchmark.",
            industry=first.industry,
            occupation=first.occupation,
            skill_level=2,
            estimated_hours=1,
            learning_outcomes="<p>Pass the exam.</p>",
        )
        catalogue().add_child(instance=exam)
        lesson = LessonPage(
            title="Exam",
            slug="exam",
            summary="Answer every question, then submit.",
            body=[quiz_block("bench-exam-", title="Exam")],
        )
        exam.add_child(instance=lesson)

        workers = list(
            User.objects.filter(email__startswith="bench-worker-")
            .order_by("pk")
            .values_list("pk", flat=True)[:learners]
        )
        missing = learners - len(workers)
        extra = []
        if missing > 0:
            password = User.objects.get(email=worker_email(0)).password
            if not password:
                password = make_password("bench-pass-2026")
            extra = User.objects.bulk_create(
                (
                    User(
                        email=learner_email(n),
                        display_name=name.written,
                        last_name=name.surname,
                        first_name=name.given,
                        password=password,
                    )
                    for n, name in enumerate(person_names(random.Random(15), missing))
                ),
                batch_size=BATCH,
            )
            group = Group.objects.get_or_create(name=Role.LEARNER)[0]
            through = User.groups.through
            through.objects.bulk_create(
                [through(user_id=u.pk, group_id=group.pk) for u in extra],
                batch_size=BATCH,
            )
        now = timezone.now()
        courses = list(
            CoursePage.objects.filter(slug__startswith="bench-course-").order_by("pk")
        )
        firsts = {
            c.pk: c.get_children().order_by("path").values_list("pk", flat=True)[0]
            for c in courses
        }

        def rows():
            for user_id in workers + [u.pk for u in extra]:
                yield enrollment_row(
                    user_id=user_id,
                    course_id=exam.pk,
                    enrolled_at=now,
                    last_lesson_id=lesson.pk,
                )
            for n, user in enumerate(extra):
                for j in range(EXTRA_COURSES):
                    course = courses[course_of(n, j, len(courses))]
                    yield enrollment_row(
                        user_id=user.pk,
                        course_id=course.pk,
                        enrolled_at=now,
                        last_lesson_id=firsts[course.pk],
                    )

        made = len(bulk_insert(Enrollment, rows()))
    out.write(
        f"  exam course: {len(workers) + len(extra)} learners enrolled "
        f"({len(extra)} extra learners, {made} enrolments) in "
        f"{time.monotonic() - began:.1f} s\n"
    )
    return len(workers) + len(extra)
