"""The learning of the demo world over two years: enrolments (some assigned by HR),
lesson progress, quiz attempts that pass about three times in four at the first
try, practical tasks signed off or sent back, completions with their platform
certificates, as the course services would have left them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from home.demo_world.rows import (
    at,
    bulk_insert,
    enrollment_row,
    progress_row,
    verification_code,
)

# enterprise key: (its workers' course, a second course some of them take)
COURSES_OF = {
    "textile": ("ai-textile", None),
    "autopark": ("welding-robot-operation", "cnc-valve-body-hole-systems"),
    "aerospace": ("cnc-valve-body-hole-systems", "welding-robot-operation"),
    "petrochem": ("welding-robot-operation", "cnc-valve-body-hole-systems"),
}
RETURN_COMMENTS = [
    "The photo does not show the weld toe; take it from the side, please.",
    "Measure the hole position again; the reading on the card is missing.",
    "Describe how you locked out the machine before clearing it.",
]
SIGN_OFF_COMMENTS = ["Well done.", "Clean work, as required.", "Good; keep it up."]


@dataclass
class Lesson:
    pk: int
    quizzes: list[tuple[str, int, int]]  # (block id, pass mark, max attempts)
    tasks: list[str]  # practical block ids


def _courses() -> dict[str, tuple]:
    from courses.models import CoursePage, LessonPage

    found = {}
    for slug in {s for pair in COURSES_OF.values() for s in pair if s}:
        course = (
            CoursePage.objects.filter(slug=slug, locale__language_code="en")
            .prefetch_related("instructors")
            .first()
        )
        if course is None:
            continue
        lessons = []
        for lesson in LessonPage.objects.live().child_of(course).order_by("path"):
            blocks = lesson.body.raw_data
            lessons.append(
                Lesson(
                    lesson.pk,
                    [
                        (
                            b["id"],
                            int(b["value"].get("pass_mark") or 70),
                            int(b["value"].get("max_attempts") or 3),
                        )
                        for b in blocks
                        if b["type"] == "quiz"
                    ],
                    [b["id"] for b in blocks if b["type"] == "practical"],
                )
            )
        instructor = course.instructors.first()
        found[slug] = (course, lessons, instructor.pk if instructor else None)
    return found


def make_learning(*, rng, today, people) -> dict[str, int]:
    from courses.models import (
        CourseCompletion,
        Enrollment,
        LessonProgress,
        PracticalSubmission,
        QuizAttempt,
    )
    from lms.certification.services import (
        issuing_body_for,
        platform_issuer_name,
    )
    from lms.models import CertificateEvent, SkillCertificate

    courses = _courses()
    plans = []  # (enrolment row, lessons done, finished_at or None, course slug)
    for key, workers in people.workers.items():
        first, second = COURSES_OF[key]
        for person in workers:
            for slug, chance in ((first, 0.85), (second, 0.3)):
                if not slug or slug not in courses or rng.random() > chance:
                    continue
                plans.append(_plan(rng, today, person, slug, courses, people.hr[key]))
    enrolments = bulk_insert(Enrollment, (row for row, *_ in plans))
    progress, attempts, submissions, completions = [], [], [], []
    for enrolment, (_row, done, finished, slug) in zip(enrolments, plans, strict=True):
        _course, lessons, instructor = courses[slug]
        start = enrolment.enrolled_at
        span = (finished or at(today, 12)) - start
        for i, lesson in enumerate(lessons[: done + 1]):
            opened = start + span * i / max(len(lessons), 1)
            completed = start + span * (i + 1) / len(lessons) if i < done else None
            if i == done and enrolment.status != "active":
                break  # left, or completed every lesson
            progress.append(
                progress_row(
                    enrollment_id=enrolment.pk,
                    lesson_id=lesson.pk,
                    opened_at=opened,
                    completed_at=completed,
                )
            )
            when = completed or opened + datetime.timedelta(hours=1)
            for quiz_id, pass_mark, max_attempts in lesson.quizzes:
                attempts += _attempts(
                    rng,
                    enrolment.pk,
                    lesson.pk,
                    quiz_id,
                    pass_mark,
                    max_attempts,
                    when,
                    passed=completed is not None,
                )
            for task_id in lesson.tasks:
                submissions += _submissions(
                    rng,
                    enrolment.pk,
                    lesson.pk,
                    task_id,
                    when,
                    instructor,
                    signed_off=completed is not None,
                )
        if finished is not None:
            completions.append(
                {
                    "enrollment_id": enrolment.pk,
                    "completed_at": finished,
                    "hours": courses[slug][0].estimated_hours,
                    "certificate_checked_at": finished,
                }
            )
    bulk_insert(LessonProgress, progress)
    bulk_insert(QuizAttempt, attempts)
    bulk_insert(PracticalSubmission, submissions)
    saved = bulk_insert(CourseCompletion, completions)
    # The platform's certificate of each completion, as the certificate step issues
    # it (numbered like ``platform_certificate_issue``).
    course_of = {e.pk: courses[p[3]][0] for e, p in zip(enrolments, plans, strict=True)}
    user_of = {e.pk: e.user_id for e in enrolments}
    name_of = {
        p.user_id: p.name for workers in people.workers.values() for p in workers
    }
    issuer, numbers = platform_issuer_name(), set()
    issuer_id = issuing_body_for(issuer).pk
    rows = []
    for completion in saved:
        course = course_of[completion.enrollment_id]
        number = None
        while number is None or number in numbers:
            number = f"CS-{completion.completed_at:%Y}-{rng.getrandbits(32):08X}"
        numbers.add(number)
        rows.append(
            {
                "holder_id": user_of[completion.enrollment_id],
                "holder_name": name_of[user_of[completion.enrollment_id]],
                "occupation_id": course.occupation_id,
                "level": course.skill_level,
                "number": number,
                "issuer_kind": SkillCertificate.IssuerKind.PLATFORM,
                "issuer_name": issuer,
                "issuing_body_id": issuer_id,
                "issued_on": completion.completed_at.date(),
                "valid_until": None,
                "evidence_kind": SkillCertificate.Evidence.COURSE,
                "evidence_detail": course.title[:255],
                "verification_code": verification_code(rng),
                "source_key": f"course-completion:{completion.pk}",
                "created_at": completion.completed_at,
            }
        )
    certificates = bulk_insert(SkillCertificate, rows)
    for completion, certificate in zip(saved, certificates, strict=True):
        completion.certificate_id = certificate.pk
    CourseCompletion.objects.bulk_update(saved, ["certificate"], batch_size=1000)
    bulk_insert(
        CertificateEvent,
        (
            {
                "certificate_id": c.pk,
                "actor_id": None,
                "at": c.created_at,
                "action": CertificateEvent.Action.ISSUE,
                "changes": {"source_key": c.source_key, "course": c.evidence_detail},
                "reason": "",
            }
            for c in certificates
        ),
    )
    return {
        "enrolments": len(enrolments),
        "lesson progress": len(progress),
        "quiz attempts": len(attempts),
        "practical submissions": len(submissions),
        "completions": len(saved),
    }


def _plan(rng, today, person, slug, courses, hr_id) -> tuple:
    """One enrolment: its row, how many lessons are done and when it finished."""
    _course, lessons, _instructor = courses[slug]
    days_ago = rng.randrange(3, 730)
    enrolled = at(today - datetime.timedelta(days=days_ago), rng.randrange(8, 21))
    assigned = rng.random() < 0.25
    length = rng.randrange(7, 120)  # days it takes this learner
    finished, status, left_at = None, "active", None
    roll = rng.random()
    if roll < 0.08:
        status, done = "left", rng.randrange(0, max(len(lessons) // 2, 1))
        left_at = enrolled + datetime.timedelta(days=min(length, days_ago) // 2)
    elif length < days_ago and roll < 0.7:
        status, done = "completed", len(lessons)
        finished = enrolled + datetime.timedelta(days=length, hours=2)
    else:
        done = rng.randrange(0, len(lessons))
    last = lessons[min(done, len(lessons) - 1)].pk if lessons else None
    row = enrollment_row(
        user_id=person.user_id,
        course_id=courses[slug][0].pk,
        enrolled_at=enrolled,
        status=status,
        last_lesson_id=last,
        last_activity_at=finished or left_at or enrolled,
        left_at=left_at,
        assigned_by_id=hr_id if assigned else None,
        due_on=(enrolled + datetime.timedelta(days=60)).date() if assigned else None,
    )
    return row, done, finished, slug


def _attempts(rng, enrollment_id, lesson_id, quiz_id, pass_mark, most, when, *, passed):
    rows = []
    for number in range(1, most + 1):
        last = number == most
        success = passed and (last or rng.random() < (0.74 if number == 1 else 0.85))
        if not passed and rng.random() < 0.6:
            break  # has not tried this quiz yet
        score = (
            rng.randrange(pass_mark, 101)
            if success
            else rng.randrange(max(pass_mark - 40, 0), pass_mark)
        )
        rows.append(
            {
                "enrollment_id": enrollment_id,
                "lesson_id": lesson_id,
                "quiz_id": quiz_id,
                "number": number,
                "answers": {},
                "results": [],
                "score": score,
                "passed": success,
                "submitted_at": when - datetime.timedelta(hours=most - number),
            }
        )
        if success or not passed:
            break
    return rows


def _submissions(rng, enrollment_id, lesson_id, task_id, when, reviewer, *, signed_off):
    base = {
        "enrollment_id": enrollment_id,
        "lesson_id": lesson_id,
        "task_id": task_id,
        "text": "Done at my workstation; photos of the set-up and the result.",
    }
    rows = []
    returned_first = rng.random() < (0.2 if signed_off else 0.35)
    if returned_first or not signed_off:
        if returned_first:
            rows.append(
                base
                | {
                    "status": "returned",
                    "submitted_at": when - datetime.timedelta(days=4),
                    "decided_by_id": reviewer,
                    "decided_at": when - datetime.timedelta(days=3),
                    "comment": rng.choice(RETURN_COMMENTS),
                }
            )
    if signed_off:
        rows.append(
            base
            | {
                "status": "signed_off",
                "submitted_at": when - datetime.timedelta(days=1),
                "decided_by_id": reviewer,
                "decided_at": when,
                "comment": rng.choice(SIGN_OFF_COMMENTS),
            }
        )
    elif rng.random() < 0.5:
        rows.append(base | {"status": "submitted", "submitted_at": when})
    if reviewer is None:  # a decision needs a reviewer; keep only waiting ones
        rows = [r for r in rows if r["status"] == "submitted"]
    return rows
