"""Quiz attempts, graded on the server against the live lesson's quiz block. The
block is read from the page the learner answered (its words in their language; a
translation keeps the block ids), the attempt is recorded on the canonical lesson."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import Enrollment, LessonPage, QuizAttempt
from courses.services.progress import check_active, check_lesson_of_course
from lms.errors import DomainError


def _tampered() -> DomainError:
    return DomainError(
        _("The answers do not match this quiz. Reload the lesson and try again."),
        code="tampered",
    )


_MAX_EXPONENT = 30


def _parse_number(raw: str) -> Decimal:
    try:
        # NFKC turns full-width digits (from Chinese input methods) into ASCII;
        # commas are thousands separators.
        cleaned = unicodedata.normalize("NFKC", raw).replace(",", "").replace(" ", "")
        number = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        raise DomainError(
            _("“%(value)s” is not a number.") % {"value": raw[:40]}, code="number"
        ) from None
    if not number.is_finite():
        raise DomainError(
            _("“%(value)s” is not a number.") % {"value": raw[:40]}, code="number"
        )
    # Arithmetic on 1e999999999 overflows the decimal context (a 500); no workshop
    # measure needs more than 30 digits either side of the point.
    if number and not -_MAX_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        raise DomainError(
            _("“%(value)s” is too large or too small to be an answer.")
            % {"value": raw[:40]},
            code="number",
        )
    return number


def _grade_question(question, given: list[str]) -> dict:
    """One question's result; raises DomainError for an answer that cannot exist."""
    kind, value = question.block_type, question.value
    row = {
        "id": question.id,
        "type": kind,
        "prompt": value["prompt"],
        "explanation": value["explanation"],
    }
    if kind in ("single_choice", "multiple_choice"):
        options = {child.id: child.value for child in value["options"].bound_blocks}
        if any(g not in options for g in given):
            raise _tampered()
        if kind == "single_choice" and len(given) != 1:
            raise _tampered()
        right = {oid for oid, option in options.items() if option["correct"]}
        row["given"] = [options[g]["text"] for g in given]
        row["answer"] = [o["text"] for o in options.values() if o["correct"]]
        row["correct"] = set(given) == right
    elif kind == "true_false":
        if len(given) != 1 or given[0] not in ("true", "false"):
            raise _tampered()
        labels = {"true": _("True"), "false": _("False")}
        row["given"] = [labels[given[0]]]
        row["answer"] = [labels[value["answer"]]]
        row["correct"] = given[0] == value["answer"]
    elif kind == "numeric":
        if len(given) != 1:
            raise _tampered()
        number = _parse_number(given[0])
        answer = Decimal(value["answer"])
        tolerance = Decimal(value["tolerance"] or 0)
        unit = value["unit"] or ""
        row["given"] = [f"{number} {unit}".strip()]
        row["answer"] = [f"{answer.normalize():f} ± {tolerance.normalize():f} {unit}"]
        row["correct"] = abs(number - answer) <= tolerance
    else:  # pragma: no cover - a block type added without grading
        raise _tampered()
    return row


def quiz_grade(*, quiz, answers: Mapping[str, Sequence[str]]) -> tuple[int, list]:
    """Score in percent (rounded down) and per-question results. Every question
    must be answered; a question or option that is not in the quiz is refused."""
    questions = list(quiz["questions"])
    known = {q.id for q in questions}
    if any(qid not in known for qid in answers):
        raise _tampered()
    results = []
    for number, question in enumerate(questions, start=1):
        given = [g for g in answers.get(question.id, ()) if g.strip()]
        if not given:
            raise DomainError(
                _("Answer every question (question %(n)s has no answer).")
                % {"n": number},
                code="unanswered",
            )
        results.append(_grade_question(question, given))
    right = sum(1 for r in results if r["correct"])
    return (right * 100) // len(results) if results else 0, results


@transaction.atomic
def quiz_attempt_submit(
    *,
    enrollment: Enrollment,
    lesson: LessonPage,
    quiz_id: str,
    answers: Mapping[str, Sequence[str]],
    attempt_number: int,
) -> QuizAttempt:
    """Grades and records attempt ``attempt_number``. The number comes from the form
    the learner saw: sending that form twice returns the first attempt (even when
    that attempt completed the course in between), and the attempt limit holds
    under concurrent submits: the enrolment row is locked, so they queue up, and
    the second finds the first's attempt (the unique attempt number is the last
    guard). Three queries besides the course's completion check, which only a
    passed attempt runs."""
    from courses.services.completion import completion_check_locked

    locked = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrollment.pk)
    )
    shown, lesson = (
        lesson,
        check_lesson_of_course(lesson=lesson, course=locked.course),
    )
    previous = list(
        QuizAttempt.objects.filter(
            enrollment=locked, lesson=lesson, quiz_id=quiz_id
        ).order_by("number")
    )
    repeated = next((a for a in previous if a.number == attempt_number), None)
    if repeated is not None:
        return repeated  # the same form sent again (a double click, a retry)
    check_active(locked)
    enrollment = locked
    block = shown.activity_block(quiz_id, "quiz")
    if block is None:
        raise DomainError(_("This quiz does not exist."), code="not_found")
    quiz = block.value
    if any(a.passed for a in previous):
        raise DomainError(_("You have already passed this quiz."), code="passed")
    if len(previous) >= quiz["max_attempts"]:
        raise DomainError(
            ngettext(
                "You have used your one attempt at this quiz.",
                "You have used all %(n)s attempts at this quiz.",
                quiz["max_attempts"],
            )
            % {"n": quiz["max_attempts"]},
            code="no_attempts_left",
        )
    if attempt_number != len(previous) + 1:
        raise DomainError(
            _("This quiz form is out of date. Reload the lesson and try again."),
            code="stale",
        )
    score, results = quiz_grade(quiz=quiz, answers=answers)
    # No savepoint: under the enrolment's lock no other attempt at this quiz can
    # be written between the read above and this insert.
    attempt = QuizAttempt.objects.create(
        enrollment=enrollment,
        lesson=lesson,
        quiz_id=quiz_id,
        number=attempt_number,
        answers={k: list(v) for k, v in answers.items()},
        results=results,
        score=score,
        passed=score >= quiz["pass_mark"],
    )
    if attempt.passed:
        completion_check_locked(enrollment=enrollment)
    return attempt
