from .pages import CourseIndexPage, CoursePage, LessonPage
from .records import (
    CourseCompletion,
    Enrollment,
    LessonProgress,
    PracticalEvidencePhoto,
    PracticalSubmission,
    QuizAttempt,
)

__all__ = [
    "CourseCompletion",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonPage",
    "LessonProgress",
    "PracticalEvidencePhoto",
    "PracticalSubmission",
    "QuizAttempt",
]
