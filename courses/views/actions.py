"""What a learner does on a course: enrol, leave, complete a lesson, answer a quiz,
hand in a practical task. POST only (leaving asks first, on a page of its own); a
refusal answers 4xx with its reason."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.forms import PracticalSubmitForm
from courses.models import CoursePage, Enrollment, LessonPage, QuizAttempt
from courses.selectors.languages import (
    canonical_page,
    current_language,
    localized_page,
    localized_pages,
)
from courses.selectors.outline import course_of_lesson
from courses.selectors.structure import lessons_of
from courses.services import enrollment as enrollment_services
from courses.services.practicals import practical_submit
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from courses.views.common import error_response
from lms.errors import DomainError


def _lesson_and_enrollment(request, lesson_id: int):
    """The live lesson (in any language), its canonical course and the user's
    enrolment in it (None if absent)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = course_of_lesson(canonical_page(lesson))
    enrollment = Enrollment.objects.filter(user=request.user, course=course).first()
    if enrollment is not None:  # the course is known: no join to read it again
        enrollment.course = course
    return lesson, course, enrollment


def _not_enrolled(request, course):
    return error_response(
        request,
        _("You are not enrolled in “%(course)s”.") % {"course": course.title},
        back_url=course.get_url(request),
        status=403,
    )


@login_required
@require_POST
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrollment_services.enrollment_create(user=request.user, course=course)
    except DomainError as error:
        return error_response(request, error, back_url=course.get_url(request))
    messages.success(request, _("You are enrolled. Start with the first lesson."))
    return redirect(course.get_url(request))


@login_required
def leave(request, course_id: int):
    """GET asks for confirmation on a page of its own; POST leaves the course."""
    course = get_object_or_404(CoursePage, pk=course_id)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("course"),
        user=request.user,
        course=canonical_page(course),
    )
    if request.method != "POST":
        return render(
            request,
            "confirm.html",
            {
                "title": _("Leave this course?"),
                "subject": course.title,
                "explanation": _(
                    "You stop taking the course. Your progress is kept: if you enrol "
                    "again, you continue where you left off."
                ),
                "action_label": _("Yes, leave the course"),
                "cancel_url": course.get_url(request),
            },
        )
    try:
        enrollment_services.enrollment_leave(user=request.user, enrollment=enrollment)
    except DomainError as error:
        return error_response(request, error, back_url=course.get_url(request))
    messages.success(request, _("You left the course; your progress is kept."))
    return redirect("courses:my_learning")


@login_required
@require_POST
def complete_lesson(request, lesson_id: int):
    lesson, course, enrollment = _lesson_and_enrollment(request, lesson_id)
    if enrollment is None:
        return _not_enrolled(request, course)
    try:
        enrollment = lesson_complete(enrollment=enrollment, lesson=lesson)
    except DomainError as error:
        return error_response(request, error, back_url=lesson.get_url(request))
    shown_course = course_of_lesson(lesson)
    if enrollment.status == Enrollment.Status.COMPLETED:
        return redirect("courses:completed", course_id=shown_course.pk)
    following = _next_lesson(course, canonical_page(lesson), lesson.locale_id)
    if following is not None:
        return redirect(following.get_url(request))
    return redirect(shown_course.get_url(request))


@login_required
@require_POST
def submit_quiz(request, lesson_id: int, quiz_id: str):
    lesson, course, enrollment = _lesson_and_enrollment(request, lesson_id)
    if enrollment is None:
        return _not_enrolled(request, course)
    answers = {
        key[2:]: request.POST.getlist(key)
        for key in request.POST
        if key.startswith("q-")
    }
    back = lesson.get_url(request)
    try:
        number = int(request.POST.get("attempt", ""))
    except ValueError:
        return error_response(request, _("The quiz form is incomplete."), back_url=back)
    try:
        attempt = quiz_attempt_submit(
            enrollment=enrollment,
            lesson=lesson,
            quiz_id=quiz_id,
            answers=answers,
            attempt_number=number,
        )
    except DomainError as error:
        return error_response(request, error, back_url=back)
    return redirect("courses:quiz_attempt", attempt_id=attempt.pk)


@login_required
def quiz_attempt(request, attempt_id: int):
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("lesson", "enrollment"),
        pk=attempt_id,
        enrollment__user=request.user,
    )
    # The quiz's words and the way back in the reader's language; the results are
    # kept as they were graded.
    lesson = localized_page(attempt.lesson, language=current_language())
    block = lesson.activity_block(
        attempt.quiz_id, "quiz"
    ) or attempt.lesson.activity_block(attempt.quiz_id, "quiz")
    attempts_used = QuizAttempt.objects.filter(
        enrollment=attempt.enrollment, lesson=attempt.lesson, quiz_id=attempt.quiz_id
    ).count()
    max_attempts = block.value["max_attempts"] if block else attempts_used
    pass_mark = block.value["pass_mark"] if block else None
    course = course_of_lesson(attempt.lesson)
    shown_course = localized_page(course, language=current_language())
    return render(
        request,
        "courses/quiz_attempt.html",
        {
            "attempt": attempt,
            "quiz_title": block.value["title"] if block else "",
            "pass_mark": pass_mark,
            "attempts_left": max(max_attempts - attempts_used, 0),
            "show_answers": attempt.passed or attempts_used >= max_attempts,
            "lesson": lesson,
            "lesson_url": lesson.get_url(request),
            "course": shown_course,
            "course_completed": attempt.enrollment.status
            == Enrollment.Status.COMPLETED,
            "next_lesson": _next_lesson(course, attempt.lesson, lesson.locale_id),
        },
    )


def _next_lesson(course, canonical_lesson, locale_id):
    """The lesson after this one in the course, shown in ``locale_id`` where
    translated; None after the last."""
    siblings = lessons_of([course], with_body=False)
    ids = [s.pk for s in siblings]
    if canonical_lesson.pk not in ids:
        return None
    at = ids.index(canonical_lesson.pk) + 1
    if at >= len(ids):
        return None
    following = siblings[at]
    shown = localized_pages([following], locale_id=locale_id, with_body=False)
    return shown[following.pk]


@login_required
@require_POST
def submit_practical(request, lesson_id: int, task_id: str):
    lesson, course, enrollment = _lesson_and_enrollment(request, lesson_id)
    if enrollment is None:
        return _not_enrolled(request, course)
    back = lesson.get_url(request)
    form = PracticalSubmitForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        return error_response(request, errors, back_url=back)
    try:
        practical_submit(
            enrollment=enrollment,
            lesson=lesson,
            task_id=task_id,
            text=form.cleaned_data["text"],
            photos=form.cleaned_data["photos"],
        )
    except DomainError as error:
        return error_response(request, error, back_url=back)
    messages.success(request, _("Your evidence was sent to the instructors."))
    return redirect(f"{back}#task-{task_id}")
