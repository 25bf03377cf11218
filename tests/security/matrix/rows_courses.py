"""Courses: the catalogue, course and lesson pages (English and Chinese), the
learner's actions, assignments, practical reviews and the admin's course report."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone, translation

from courses.models import Enrollment, LessonProgress, PracticalSubmission, QuizAttempt
from tests.courses.factories import png

from .table import admin, expect, get, only, post

AREA = "Courses"
ALL = expect(200)
PUBLIC = expect(200, anonymous=200)
# A live lesson: the course's learners, its instructors, editors, moderators, staff.
LESSON = only(200, "learner", "mentor", "editor", "moderator", "staff")
# A practical submission: the learner, the course's instructor, HR of the learner.
PRACTICAL = only(200, "learner", "mentor", "hr_a", "staff", others=404)


def r(name, *args):
    return lambda w: reverse(name, args=[a(w) for a in args])


def page(key):
    return lambda w: getattr(w, key).url


def _zh(name):
    def url(w):
        with translation.override("zh-hans"):
            return reverse(name)

    return url


def _enrolments(w, user):
    return None if user is None else Enrollment.objects.filter(user=user).count()


def _learner_enrollment(w, user):
    return Enrollment.objects.get(pk=w.enrollment.pk).status


def _progress(w, user):
    return LessonProgress.objects.filter(enrollment__course=w.course).count()


def _attempts(w, user):
    return QuizAttempt.objects.count()


def _returned(w):
    """The waiting submission was sent back: the learner may hand in again."""
    PracticalSubmission.objects.filter(pk=w.submission.pk).update(
        status="returned", decided_by=w.users["mentor"], decided_at=timezone.now()
    )


def _submissions(w, user):
    return PracticalSubmission.objects.count()


def _submission(w, user):
    return PracticalSubmission.objects.values_list("status", "text").get(
        pk=w.submission.pk
    )


def _apprentice_enrolments(w, user):
    return Enrollment.objects.filter(user=w.users["apprentice"]).count()


ROWS = [
    get(
        AREA,
        "catalogue (address)",
        "courses:catalogue",
        r("courses:catalogue"),
        expect(302, anonymous=302),
    ),
    get(
        AREA,
        "catalogue page",
        "page:courses.courseindexpage",
        page("catalogue"),
        PUBLIC,
    ),
    get(AREA, "course page", "page:courses.coursepage", page("course"), PUBLIC),
    get(AREA, "lesson page", "page:courses.lessonpage", page("lesson"), LESSON),
    get(
        AREA,
        "catalogue page (Chinese)",
        "page:courses.courseindexpage",
        page("zh_catalogue"),
        PUBLIC,
    ),
    get(
        AREA,
        "course page (Chinese)",
        "page:courses.coursepage",
        page("zh_course"),
        PUBLIC,
    ),
    get(
        AREA,
        "lesson page (Chinese)",
        "page:courses.lessonpage",
        page("zh_lesson"),
        LESSON,
    ),
    get(AREA, "my learning", "courses:my_learning", r("courses:my_learning"), ALL),
    get(
        AREA,
        "completion screen (nobody has completed: back to the course page)",
        "courses:completed",
        r("courses:completed", lambda w: w.course.pk),
        expect(302),
    ),
    get(
        AREA,
        "my learning (Chinese)",
        "courses:my_learning",
        _zh("courses:my_learning"),
        ALL,
    ),
    post(
        AREA,
        "enrol",
        "courses:enrol",
        r("courses:enrol", lambda w: w.course.pk),
        expect(302),
        state=_enrolments,
        acts=set(expect(302)) - {"anonymous", "learner"},  # the learner already is
    ),
    get(
        AREA,
        "leave a course (confirm page)",
        "courses:leave",
        r("courses:leave", lambda w: w.course.pk),
        only(200, "learner", others=404),
    ),
    post(
        AREA,
        "leave a course",
        "courses:leave",
        r("courses:leave", lambda w: w.course.pk),
        only(302, "learner", others=404),
        state=_learner_enrollment,
    ),
    post(
        AREA,
        "complete a lesson",
        "courses:lesson_complete",
        r("courses:lesson_complete", lambda w: w.second_lesson.pk),
        only(302, "learner"),
        state=_progress,
    ),
    post(
        AREA,
        "answer a quiz",
        "courses:quiz_submit",
        r("courses:quiz_submit", lambda w: w.lesson.pk, lambda w: "quiz1"),
        only(302, "learner"),
        data=lambda w: {"attempt": "2", "q-q-single": "o-oil", "q-q-tf": "false"},
        state=_attempts,
    ),
    get(
        AREA,
        "a quiz attempt",
        "courses:quiz_attempt",
        r("courses:quiz_attempt", lambda w: w.attempt.pk),
        only(200, "learner", others=404),
    ),
    post(
        AREA,
        "hand in a practical task",
        "courses:practical_submit",
        r("courses:practical_submit", lambda w: w.lesson.pk, lambda w: "task1"),
        only(302, "learner"),
        data=lambda w: {"text": "Cleaned it again.", "photos": [png()]},
        setup=_returned,
        state=_submissions,
    ),
    get(
        AREA,
        "assign a course (form)",
        "courses:assign",
        r("courses:assign"),
        only(200, "mentor", "other_mentor", "hr_a", "hr_b", "staff"),
    ),
    post(
        AREA,
        "assign a course to A's apprentice",
        "courses:assign",
        r("courses:assign"),
        only(302, "mentor", "hr_a", "staff", other_mentor=400, hr_b=400),
        data=lambda w: {"email": w.users["apprentice"].email, "course": w.course.pk},
        state=_apprentice_enrolments,
    ),
    get(
        AREA,
        "practical reviews",
        "courses:practical_reviews",
        r("courses:practical_reviews"),
        only(200, "mentor", "other_mentor"),
    ),
    get(
        AREA,
        "a practical submission",
        "courses:practical_review",
        r("courses:practical_review", lambda w: w.submission.pk),
        PRACTICAL,
    ),
    post(
        AREA,
        "sign off a practical task",
        "courses:practical_review",
        r("courses:practical_review", lambda w: w.submission.pk),
        only(302, "mentor", others=404, learner=403, hr_a=403, staff=403),
        data=lambda w: {"decision": "approve", "comment": "Good."},
        state=_submission,
    ),
    get(
        AREA,
        "a practical's photo",
        "courses:evidence_photo",
        r("courses:evidence_photo", lambda w: w.evidence_photo.pk),
        PRACTICAL,
    ),
    get(
        AREA,
        "course report (admin)",
        "courses_report",
        r("courses_report"),
        admin(200, "hr_a", "hr_b", "editor", "moderator", "staff"),
    ),
]
