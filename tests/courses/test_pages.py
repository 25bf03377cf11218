"""The catalogue, course, lesson and my-learning pages: what they show, what they
never show, and that each costs the same number of queries for 1 or 50 rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.services.enrollment import enrollment_create
from courses.services.progress import lesson_complete
from courses.services.quizzes import quiz_attempt_submit
from tests.courses import factories as f

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


def test_lesson_html_has_no_answers_before_submission(client, learner, loom_course):
    enrollment_create(user=learner, course=loom_course)
    client.force_login(learner)
    lesson = loom_course.get_children().specific()[1]
    html = client.get(lesson.url).content.decode()
    assert "What does a loom need daily?" in html and "o-oil" in html
    assert "correct" not in html.lower()
    assert "EXPLAIN-" not in html


def submit_quiz(client, learner, course, single_answer: str):
    """The enrolled learner answers the loom lesson's quiz (the single-choice
    question with ``single_answer``)."""
    enrollment = enrollment_create(user=learner, course=course)
    lesson = course.get_children().specific()[1]
    client.force_login(learner)
    response = client.post(
        reverse("courses:quiz_submit", args=[lesson.pk, "quiz1"]),
        {"attempt": "1", "q-q-single": single_answer, "q-q-tf": "false"},
    )
    return enrollment, response


def test_after_submission_the_attempt_page_shows_explanations(
    client, learner, loom_course
):
    enrollment, response = submit_quiz(client, learner, loom_course, "o-paint")
    attempt = enrollment.quiz_attempts.get()
    assert response.url == reverse("courses:quiz_attempt", args=[attempt.pk])
    html = client.get(response.url).content.decode()
    assert "EXPLAIN-OIL" in html and "50%" in html


def test_a_tampered_quiz_post_is_a_400_and_records_nothing(
    client, learner, loom_course
):
    enrollment, response = submit_quiz(client, learner, loom_course, "o-gold")
    assert response.status_code == 400
    assert "do not match" in response.content.decode()
    assert not enrollment.quiz_attempts.exists()


def test_a_lesson_of_a_course_one_is_not_enrolled_in_is_403(
    client, learner, loom_course
):
    client.force_login(learner)
    lesson = loom_course.get_children().specific()[0]
    response = client.get(lesson.url)
    assert response.status_code == 403
    assert "Enrol in" in response.content.decode()
    response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
    assert response.status_code == 403


def test_an_unpublished_lesson_is_404(client, learner, loom_course):
    enrollment_create(user=learner, course=loom_course)
    draft = f.lesson(course=loom_course, title="Draft", live=False)
    client.force_login(learner)
    assert client.get(f"/courses/{loom_course.slug}/{draft.slug}/").status_code == 404
    response = client.post(reverse("courses:lesson_complete", args=[draft.pk]))
    assert response.status_code == 404


def test_a_non_image_upload_is_a_400(client, learner, loom_course):
    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson = loom_course.get_children().specific()[1]
    client.force_login(learner)
    response = client.post(
        reverse("courses:practical_submit", args=[lesson.pk, "task1"]),
        {"text": "x", "photos": [f.not_an_image()]},
    )
    assert response.status_code == 400
    assert not enrollment.practical_submissions.exists()


def test_course_page_shows_progress_and_continue(client, learner, loom_course):
    enrollment = enrollment_create(user=learner, course=loom_course)
    first = loom_course.get_children().specific()[0]
    lesson_complete(enrollment=enrollment, lesson=first)
    client.force_login(learner)
    html = client.get(loom_course.url).content.decode()
    assert "25% done" in html and "Continue where you left off" in html


def test_catalogue_filters_and_searches(client, index):
    f.course(index=index, title="Weaving basics", estimated_hours=2)
    f.course(index=index, title="Robot welding", estimated_hours=20)
    html = client.get(index.url, {"duration": "short"}).content.decode()
    assert "Weaving basics" in html and "Robot welding" not in html
    html = client.get(index.url, {"q": "welding"}).content.decode()
    assert "Robot welding" in html and "Weaving basics" not in html
    html = client.get(index.url, {"q": "welding", "duration": "short"}).content
    assert b"Robot welding" not in html
    html = client.get(index.url, {"level": "9", "industry": "x"}).content.decode()
    assert "Weaving basics" in html  # bad filter values are ignored


def test_my_learning_marks_overdue_courses(client, learner, loom_course):
    import datetime

    from django.utils import timezone

    f.enrollment(
        user=learner,
        course=loom_course,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    client.force_login(learner)
    html = client.get(reverse("courses:my_learning")).content.decode()
    assert "Overdue since" in html


# --- a fixed number of queries ------------------------------------------------


def _course_with_lessons(index, teacher, n):
    course = f.course(index=index, title=f"C{n}", instructors=[teacher])
    for i in range(n):
        f.lesson(
            course=course,
            title=f"L{i}",
            body=[f.text_block(), f.quiz_block(block_id=f"quiz{i}")],
        )
    return course


def test_course_and_lesson_pages_cost_the_same_for_1_and_50_lessons(
    client, learner, index, teacher
):
    client.force_login(learner)
    counts = []
    for n in (1, 50):
        course = _course_with_lessons(index, teacher, n)
        enrollment = enrollment_create(user=learner, course=course)
        lessons = list(course.get_children().specific())
        for lesson in lessons:
            lesson_complete(enrollment=enrollment, lesson=lesson)
        quiz_attempt_submit(
            enrollment=enrollment,
            lesson=lessons[0],
            quiz_id="quiz0",
            answers=f.WRONG,
            attempt_number=1,
        )
        counts.append((queries(client, course.url), queries(client, lessons[0].url)))
    assert counts[0] == counts[1]


def test_catalogue_and_my_learning_cost_the_same_for_1_and_50_courses(
    client, learner, teacher
):
    from courses.models import CourseIndexPage

    client.force_login(learner)
    counts = []
    index = f.catalogue()
    for n in (1, 50):
        CourseIndexPage.objects.get(pk=index.pk).get_children().delete()
        index.refresh_from_db()
        for i in range(n):
            course = f.course(index=index, title=f"Course {i}", instructors=[teacher])
            f.lesson(course=course, body=[f.quiz_block(), f.practical_block()])
            enrollment_create(user=learner, course=course)
        counts.append(
            (
                queries(client, index.url),
                queries(client, index.url + "?q=Course"),
                queries(client, reverse("courses:my_learning")),
            )
        )
    assert counts[0] == counts[1]


def test_catalogue_search_finds_a_chinese_word_inside_a_title_or_summary(client, index):
    """The catalogue box uses the site's Chinese tokenisation: a word inside a run
    of Chinese is found; a query of punctuation finds nothing and is no error."""
    f.course(index=index, title="焊接机器人操作", summary="弧焊机器人工作站。")
    f.course(index=index, title="人工智能+纺织", summary="织机预测性维护。")
    html = client.get(index.url, {"q": "织机"}).content.decode()
    assert "人工智能+纺织" in html and "焊接机器人操作" not in html
    html = client.get(index.url, {"q": "机器人"}).content.decode()
    assert "焊接机器人操作" in html and "人工智能+纺织" not in html
    response = client.get(index.url, {"q": "？！……"})
    assert response.status_code == 200
    assert "焊接机器人操作" not in response.text
