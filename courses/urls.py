from django.urls import path

from courses.views import actions, learning, reviews

app_name = "courses"
urlpatterns = [
    path("", learning.my_learning, name="my_learning"),
    path("catalogue/", learning.catalogue, name="catalogue"),
    path("assign/", learning.assign, name="assign"),
    path("courses/<int:course_id>/enrol/", actions.enrol, name="enrol"),
    path("courses/<int:course_id>/leave/", actions.leave, name="leave"),
    path("courses/<int:course_id>/completed/", learning.completed, name="completed"),
    path(
        "lessons/<int:lesson_id>/complete/",
        actions.complete_lesson,
        name="lesson_complete",
    ),
    path(
        "lessons/<int:lesson_id>/quizzes/<str:quiz_id>/",
        actions.submit_quiz,
        name="quiz_submit",
    ),
    path("attempts/<int:attempt_id>/", actions.quiz_attempt, name="quiz_attempt"),
    path(
        "lessons/<int:lesson_id>/practicals/<str:task_id>/",
        actions.submit_practical,
        name="practical_submit",
    ),
    path("practicals/", reviews.practical_reviews, name="practical_reviews"),
    path(
        "practicals/<int:submission_id>/",
        reviews.practical_review,
        name="practical_review",
    ),
    path(
        "practicals/photos/<int:photo_id>/",
        reviews.evidence_photo,
        name="evidence_photo",
    ),
]
