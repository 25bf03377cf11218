"""The courses part of a person's data (registered in ``CoursesConfig.ready()``):
enrolments with their progress, quiz attempts, practical evidence and completions.
On erasure all of it is deleted with the evidence photos; sign-offs the person gave
on other learners' work stay (they are those learners' records)."""

from __future__ import annotations

from courses.models import (
    Enrollment,
    LessonProgress,
    PracticalEvidencePhoto,
    PracticalSubmission,
    QuizAttempt,
)
from lms.personal_data import delete_files_on_commit, when


def _enrollment(e: Enrollment) -> dict:
    completion = getattr(e, "completion", None)
    return {
        "course": e.course.title,
        "status": e.status,
        "source": e.source,
        "due_on": when(e.due_on),
        "enrolled_at": when(e.enrolled_at),
        "left_at": when(e.left_at),
        "completed_at": when(completion.completed_at) if completion else None,
        "hours_credited": str(completion.hours) if completion else None,
        "lessons": [
            {
                "lesson": p.lesson.title,
                "first_opened": when(p.first_viewed_at),
                "completed_at": when(p.completed_at),
            }
            for p in e.lesson_progress.all()
        ],
        "quiz_attempts": [
            {
                "lesson": a.lesson.title,
                "quiz": a.quiz_id,
                "number": a.number,
                "answers": a.answers,
                "score": a.score,
                "passed": a.passed,
                "submitted_at": when(a.submitted_at),
            }
            for a in e.quiz_attempts.all()
        ],
        "practicals": [
            {
                "lesson": s.lesson.title,
                "task": s.task_id,
                "text": s.text,
                "status": s.status,
                "submitted_at": when(s.submitted_at),
                "reviewer_comment": s.comment,
                "photos": [photo.image.name for photo in s.photos.all()],
            }
            for s in e.practical_submissions.all()
        ],
    }


def export_courses(user) -> dict:
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("course", "completion")
        .prefetch_related(
            "lesson_progress__lesson",
            "quiz_attempts__lesson",
            "practical_submissions__lesson",
            "practical_submissions__photos",
        )
    )
    data = {"enrollments": [_enrollment(e) for e in enrollments]}
    data["files"] = [
        name
        for e in data["enrollments"]
        for practical in e["practicals"]
        for name in practical["photos"]
    ]
    return data


def erase_courses(user) -> None:
    photos = PracticalEvidencePhoto.objects.filter(submission__enrollment__user=user)
    files = list(photos.values_list("image", flat=True))
    # Children first, explicitly: cascades alone would also do, but this way each
    # kind of record is seen to go.
    photos.delete()
    PracticalSubmission.objects.filter(enrollment__user=user).delete()
    QuizAttempt.objects.filter(enrollment__user=user).delete()
    LessonProgress.objects.filter(enrollment__user=user).delete()
    Enrollment.objects.filter(user=user).delete()
    delete_files_on_commit(files)
