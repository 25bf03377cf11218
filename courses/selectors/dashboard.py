"""What courses contribute to a person's start page (lms.dashboard): the courses in
progress with their progress and due dates, and "continue where you left off"."""

from __future__ import annotations

from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.selectors.languages import current_language, localized_pages
from courses.selectors.learning import my_learning
from lms.dashboard import NextStep
from lms.models import User

SHOWN = 5  # courses the panel lists; its count links to "My learning"


def learning_panel(user: User) -> dict | None:
    """The courses in progress (soonest due first) with progress; None when the
    person takes no course."""
    learning = my_learning(user=user)
    active = learning["active"]
    if not active:
        return None
    return {
        "active": active[:SHOWN],
        "active_count": len(active),
        "overdue_count": sum(1 for e in active if e.is_overdue),
    }


def learning_next_step(user: User) -> NextStep | None:
    """Continue the course due soonest (else the latest started), at the lesson
    where the person left off."""
    enrollment = (
        Enrollment.objects.filter(user=user, status=Enrollment.Status.ACTIVE)
        .select_related("course", "last_lesson")
        .order_by("due_on", "-enrolled_at")
        .first()
    )
    if enrollment is None:
        return None
    pages = [enrollment.course] + [p for p in [enrollment.last_lesson] if p]
    shown = localized_pages(pages, language=current_language(), with_body=False)
    course = shown[enrollment.course_id]
    target = shown.get(enrollment.last_lesson_id) or course
    return NextStep(
        _("Continue “%(title)s”") % {"title": course.title}, target.get_url() or ""
    )


def register_panels() -> None:
    from lms import dashboard

    dashboard.register(
        dashboard.Panel(
            "courses.learning",
            "courses/dashboard/learning.html",
            lambda u: u.is_authenticated,
            learning_panel,
            order=30,
            next_step=learning_next_step,
        )
    )
