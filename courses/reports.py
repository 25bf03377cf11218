"""Figures for the course reports in the admin, scoped to the people the viewer may
see (the enrolments' ``report`` rule, ``courses/permissions.py``), and their
CSV/XLSX export."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Avg, Count, Q, QuerySet
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment, LessonProgress, QuizAttempt
from courses.permissions import reports_see_everyone
from courses.selectors import lessons_of, progress_for, requirements_for
from lms import charts
from lms.models import Membership
from lms.permissions import hr_enterprise_ids, records_for
from lms.spreadsheets import spreadsheet_response

PEOPLE_LIMIT = 500
BAR_START, BAR_AREA = 240, 320  # SVG chart: where bars start, their full width


def enrollments_for_report(
    *, user, course_id: int | None = None, enterprise_id: int | None = None
) -> QuerySet[Enrollment]:
    qs = records_for(user, "report", Enrollment)
    if course_id:
        qs = qs.filter(course_id=course_id)
    if enterprise_id:
        qs = qs.filter(
            user_id__in=Membership.objects.filter(enterprise_id=enterprise_id).values(
                "user_id"
            )
        )
    return qs


def _rate(part: int, whole: int) -> int:
    return round(part * 100 / whole) if whole else 0


def course_summary(enrollments: QuerySet[Enrollment]) -> list[dict]:
    """Per course: enrolments, in progress, completed, left, completion rate and the
    average quiz score."""
    rows = list(
        enrollments.values("course_id", "course__title")
        .annotate(
            enrolments=Count("id"),
            active=Count("id", filter=Q(status=Enrollment.Status.ACTIVE)),
            completed=Count("id", filter=Q(status=Enrollment.Status.COMPLETED)),
            left=Count("id", filter=Q(status=Enrollment.Status.LEFT)),
        )
        .order_by("course__title")
    )
    scores = dict(
        QuizAttempt.objects.filter(enrollment__in=enrollments.values("pk"))
        .values("enrollment__course_id")
        .annotate(avg=Avg("score"))
        .values_list("enrollment__course_id", "avg")
    )
    for row in rows:
        row["rate"] = _rate(row["completed"], row["enrolments"])
        avg = scores.get(row["course_id"])
        row["avg_score"] = round(avg) if avg is not None else None
    return rows


def lesson_dropoff(enrollments: QuerySet[Enrollment], course: CoursePage) -> list:
    """Per lesson of the course, in order: how many of its learners opened it and
    how many completed it; where the numbers fall is where people drop off."""
    lessons = lessons_of([course], with_body=False)
    counts = {
        row["lesson_id"]: row
        for row in LessonProgress.objects.filter(
            enrollment__in=enrollments.filter(course=course).values("pk")
        )
        .values("lesson_id")
        .annotate(
            opened=Count("id"),
            completed=Count("id", filter=Q(completed_at__isnull=False)),
        )
    }
    return [
        {
            "lesson": lesson.title,
            "opened": counts.get(lesson.pk, {}).get("opened", 0),
            "completed": counts.get(lesson.pk, {}).get("completed", 0),
        }
        for lesson in lessons
    ]


def people_rows(enrollments: QuerySet[Enrollment], *, limit: int | None) -> list:
    """One row per enrolment: learner, enterprise, course, status, progress, average
    quiz score, due date."""
    qs = enrollments.select_related("user", "course").order_by(
        "user__display_name", "user__email", "course__title"
    )
    rows = list(qs[:limit] if limit else qs)
    active = [e for e in rows if e.status == Enrollment.Status.ACTIVE]
    progress = progress_for(active, requirements_for({e.course for e in active}))
    ids = [e.pk for e in rows]
    scores = dict(
        QuizAttempt.objects.filter(enrollment_id__in=ids)
        .values("enrollment_id")
        .annotate(avg=Avg("score"))
        .values_list("enrollment_id", "avg")
    )
    enterprises = defaultdict(list)
    for user_id, name in Membership.objects.filter(
        user_id__in={e.user_id for e in rows}
    ).values_list("user_id", "enterprise__name"):
        enterprises[user_id].append(name)
    result = []
    for e in rows:
        percent = 100 if e.status == Enrollment.Status.COMPLETED else 0
        if e.pk in progress:
            percent = progress[e.pk].percent
        avg = scores.get(e.pk)
        result.append(
            {
                "learner": str(e.user),
                "email": e.user.email,
                "enterprise": ", ".join(sorted(enterprises[e.user_id])),
                "course": e.course.title,
                "status": e.get_status_display(),
                "progress": percent,
                "avg_score": round(avg) if avg is not None else None,
                "due_on": e.due_on,
            }
        )
    return result


def enterprise_rows(enrollments: QuerySet[Enrollment], *, user) -> list[dict]:
    """Per enterprise (only the viewer's own for HR): learners, enrolments,
    completions and the completion rate."""
    memberships = Membership.objects.filter(user_id__in=enrollments.values("user_id"))
    if not reports_see_everyone(user):
        memberships = memberships.filter(enterprise_id__in=hr_enterprise_ids(user))
    people_by_enterprise = defaultdict(set)
    names = {}
    for user_id, enterprise_id, name in memberships.values_list(
        "user_id", "enterprise_id", "enterprise__name"
    ):
        people_by_enterprise[enterprise_id].add(user_id)
        names[enterprise_id] = name
    per_user = defaultdict(lambda: [0, 0])
    for user_id, status in enrollments.values_list("user_id", "status"):
        per_user[user_id][0] += 1
        per_user[user_id][1] += status == Enrollment.Status.COMPLETED
    rows = []
    for enterprise_id, people in people_by_enterprise.items():
        enrolments = sum(per_user[p][0] for p in people)
        completed = sum(per_user[p][1] for p in people)
        rows.append(
            {
                "enterprise": names[enterprise_id],
                "learners": len(people),
                "enrolments": enrolments,
                "completed": completed,
                "rate": _rate(completed, enrolments),
            }
        )
    return sorted(rows, key=lambda r: r["enterprise"])


def bars(rows: list[dict], *, label: str, value: str, maximum: int | None = None):
    """Bars of the report's inline SVG chart (``lms.charts.bars``), each with where
    its figure is written."""
    result = charts.bars(
        [(r[label], [(value, r[value])]) for r in rows], span=BAR_AREA, maximum=maximum
    )
    for bar in result:
        bar["text_x"] = BAR_START + bar["width"] + 6
    return result


# --- export -------------------------------------------------------------------


def export_tables() -> dict:
    return {
        "people": [
            ("learner", _("Learner")),
            ("email", _("E-mail")),
            ("enterprise", _("Enterprise")),
            ("course", _("Course")),
            ("status", _("Status")),
            ("progress", _("Progress (%)")),
            ("avg_score", _("Average quiz score (%)")),
            ("due_on", _("Due on")),
        ],
        "courses": [
            ("course__title", _("Course")),
            ("enrolments", _("Enrolments")),
            ("active", _("In progress")),
            ("completed", _("Completed")),
            ("left", _("Left")),
            ("rate", _("Completion rate (%)")),
            ("avg_score", _("Average quiz score (%)")),
        ],
        "dropoff": [
            ("lesson", _("Lesson")),
            ("opened", _("Opened")),
            ("completed", _("Completed")),
        ],
        "enterprises": [
            ("enterprise", _("Enterprise")),
            ("learners", _("Learners")),
            ("enrolments", _("Enrolments")),
            ("completed", _("Completed")),
            ("rate", _("Completion rate (%)")),
        ],
    }


def export_response(*, rows: list[dict], columns, fmt: str, filename: str):
    """A report table as CSV or XLSX (``lms.spreadsheets``), columns in order."""
    header = [str(title) for _key, title in columns]
    body = ([row.get(key) for key, _title in columns] for row in rows)
    return spreadsheet_response([header, *body], fmt=fmt, filename=filename)
