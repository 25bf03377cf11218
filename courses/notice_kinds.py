"""The notification kinds courses sends (registered in ``CoursesConfig.ready``).
Course and lesson titles are read in the reader's language when rendered."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from lms.notices import NoticeKind, loader, register


def _language() -> str:
    return translation.get_language() or "en"


def _title(page) -> str:
    from courses.selectors.languages import localized_page

    return localized_page(page, language=_language()).title


@loader
def _submission(params):
    from courses.models import PracticalSubmission

    return PracticalSubmission.objects.select_related(
        "enrollment__user", "enrollment__course", "lesson"
    ).get(pk=params["submission"])


def _task_title(submission, params) -> str:
    """The task's title in the reader's language where the lesson has a copy in it,
    else the title it had when submitted."""
    from courses.selectors.languages import localized_page

    lesson = localized_page(submission.lesson, language=_language())
    block = lesson.activity_block(submission.task_id, "practical")
    if block is not None:
        return block.value["title"]
    return str(params.get("task", ""))


# --- a learner submitted evidence: to each instructor ----------------------------


def _submitted_subject(params):
    submission = _submission(params)
    return _("Practical task to review: %(task)s") % {
        "task": _task_title(submission, params)
    }


def _submitted_body(params):
    submission = _submission(params)
    return _("%(learner)s submitted evidence for %(task)s in %(course)s.") % {
        "learner": submission.enrollment.user,
        "task": _task_title(submission, params),
        "course": _title(submission.enrollment.course),
    }


def _submitted_link(params):
    return reverse("courses:practical_review", args=[_submission(params).pk])


# --- the instructor decided: to the learner --------------------------------------


def _decided_subject(params):
    submission = _submission(params)
    values = {"lesson": _title(submission.lesson)}
    if params.get("approved"):
        return _("Practical task signed off: %(lesson)s") % values
    return _("Practical task sent back: %(lesson)s") % values


def _decided_body(params):
    return _submission(params).comment


def _decided_link(params):
    from courses.selectors.languages import localized_page

    lesson = localized_page(_submission(params).lesson, language=_language())
    return lesson.url or ""


# --- a course assigned: to the learner -------------------------------------------


@loader
def _enrollment(params):
    from courses.models import Enrollment

    return Enrollment.objects.select_related("course", "assigned_by").get(
        pk=params["enrollment"]
    )


def _assigned_subject(params):
    return _("Course assigned: %(course)s") % {
        "course": _title(_enrollment(params).course)
    }


def _assigned_body(params):
    enrollment = _enrollment(params)
    due = params.get("due")
    return _("%(actor)s assigned you the course %(course)s (due: %(due)s).") % {
        "actor": enrollment.assigned_by or "",
        "course": _title(enrollment.course),
        "due": (
            formats.date_format(datetime.date.fromisoformat(due), "DATE_FORMAT")
            if due
            else _("no due date")
        ),
    }


def _my_learning(params):
    return reverse("courses:my_learning")


# --- a course completed: to the learner ------------------------------------------


@loader
def _completion(params):
    from courses.models import CourseCompletion

    return CourseCompletion.objects.select_related("enrollment__course").get(
        pk=params["completion"]
    )


def _completed_subject(params):
    return _("Course completed: %(course)s") % {
        "course": _title(_completion(params).enrollment.course)
    }


def _completed_body(params):
    values = {"course": _title(_completion(params).enrollment.course)}
    if params.get("with_certificate"):
        return (
            _(
                "Congratulations: you completed %(course)s. Your skill certificate "
                "is ready on your learning page."
            )
            % values
        )
    return _("Congratulations: you completed %(course)s.") % values


def _completed_link(params):
    _completion(params)
    return reverse("courses:my_learning")


PRACTICAL_SUBMITTED = register(
    NoticeKind(
        name="courses.practical_submitted",
        subject=_submitted_subject,
        body=_submitted_body,
        link=_submitted_link,
    )
)
PRACTICAL_DECIDED = register(
    NoticeKind(
        name="courses.practical_decided",
        subject=_decided_subject,
        body=_decided_body,
        link=_decided_link,
    )
)
COURSE_ASSIGNED = register(
    NoticeKind(
        name="courses.course_assigned",
        subject=_assigned_subject,
        body=_assigned_body,
        link=_my_learning,
    )
)
COURSE_COMPLETED = register(
    NoticeKind(
        name="courses.course_completed",
        subject=_completed_subject,
        body=_completed_body,
        link=_completed_link,
    )
)
