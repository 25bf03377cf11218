"""Courses in Simplified Chinese: a translated course is the same course. Records point
at the canonical (English) pages whichever language the learner works in; pages in
the Chinese tree link within it, falling back to English where a page is not
translated."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import (
    CourseCompletion,
    Enrollment,
    LessonProgress,
    PracticalSubmission,
    QuizAttempt,
)
from courses.selectors.catalogue import (
    courses_taught_by,
    platform_course_figures,
    popular_courses,
)
from courses.selectors.languages import canonical_page, default_locale_id
from courses.selectors.outline import course_outline
from courses.selectors.practicals import practical_reviews_for
from courses.selectors.progress import course_progress_for, enrollment_progress
from courses.services.enrollment import enrollment_create
from courses.services.practicals import practical_decide
from courses.services.progress import lesson_complete, lesson_view
from lms import providers
from tests.courses import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def zh_index(index):
    return f.translate(index, title="课程")


@pytest.fixture
def zh(zh_index, loom_course, lessons):
    """The loom course and its two lessons in Chinese, as ``{"course", "lessons"}``."""
    course = f.translate(loom_course, title="织机保养", summary="怎样保养织机。")
    first = f.translate(lessons[0], title="入门")
    second = f.translate(
        lessons[1],
        title="检查与实操",
        body=json.dumps(
            [f.text_block("<p>保持梭口清洁。</p>"), f.zh_quiz_block()]
            + [f.practical_block()]
        ),
    )
    return {"course": course, "lessons": [first, second]}


def _zh():
    """Addresses reversed in Chinese, as the Chinese pages' forms give them."""
    return translation.override("zh-hans")


def my_learning_url(language: str) -> str:
    """The address in ``language`` (a request leaves its language active in the
    test's thread, so every address is reversed in an explicit language)."""
    with translation.override(language):
        return reverse("courses:my_learning")


# --- the mapping --------------------------------------------------------------


def test_copy_for_translation_keeps_every_block_id(zh_index, loom_course, lessons):
    """Quiz, question and option ids survive Wagtail's translation copy, so answers
    given on the Chinese page name the same questions."""
    f.translate(loom_course)
    copy = f.translate(lessons[1])

    def ids(raw):
        found = []
        for block in raw:
            found.append(block["id"])
            value = block["value"]
            if block["type"] == "quiz":
                for question in value["questions"]:
                    found.append(question["id"])
                    found += [o["id"] for o in question["value"].get("options", [])]
        return found

    assert ids(copy.body.raw_data) == ids(lessons[1].body.raw_data)
    assert "o-oil" in ids(copy.body.raw_data)


def test_canonical_page_is_the_english_page_in_one_query(
    zh, loom_course, django_assert_num_queries
):
    chinese, english_pk = zh["lessons"][1], loom_course.get_children()[1].pk
    # Locale ids are read once per content version (lms/routing.py), and making the
    # pages above changed it: the one query counted is the page's.
    default_locale_id()
    with django_assert_num_queries(1):
        assert canonical_page(chinese).pk == english_pk
    with django_assert_num_queries(0):
        canonical_page(chinese)  # remembered on the instance
    assert canonical_page(loom_course) is loom_course
    assert canonical_page(zh["course"]).pk == loom_course.pk


# --- learning in Chinese ------------------------------------------------------


def test_chinese_lesson_serves_for_an_enrolled_learner(client, learner, zh, lessons):
    """The Chinese lesson shows its Chinese words to a learner enrolled in the
    English course, and the visit is recorded on the English lesson."""
    enrollment = enrollment_create(user=learner, course=zh["course"])
    client.force_login(learner)
    response = client.get(zh["lessons"][1].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "织机每天需要什么？" in html and "检查与实操" in html
    assert "What does a loom need daily?" not in html
    row = LessonProgress.objects.get(enrollment=enrollment)
    assert row.lesson_id == lessons[1].pk
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == lessons[1].pk


def test_a_chinese_lesson_is_403_for_a_learner_not_enrolled(client, learner, zh):
    client.force_login(learner)
    assert client.get(zh["lessons"][0].url).status_code == 403


def test_enrolling_on_the_chinese_page_enrols_in_the_english_course(
    client, learner, zh, loom_course
):
    client.force_login(learner)
    with _zh():
        response = client.post(reverse("courses:enrol", args=[zh["course"].pk]))
    assert response.url == zh["course"].url
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.course_id == loom_course.pk
    html = client.get(zh["course"].url).content.decode()
    assert "入门" in html and "检查与实操" in html  # lessons in Chinese
    assert f'href="{zh["lessons"][0].url}"' in html


def test_progress_in_chinese_and_english_is_the_same_progress(
    client, learner, zh, loom_course, lessons
):
    """A lesson completed in Chinese is complete in English, and the next lesson
    opens in Chinese."""
    enrollment = enrollment_create(user=learner, course=loom_course)
    client.force_login(learner)
    with _zh():
        response = client.post(
            reverse("courses:lesson_complete", args=[zh["lessons"][0].pk])
        )
    assert response.url == zh["lessons"][1].url
    row = LessonProgress.objects.get(enrollment=enrollment)
    assert row.lesson_id == lessons[0].pk and row.completed_at is not None
    english = course_outline(course=loom_course, user=learner)
    chinese = course_outline(course=zh["course"], user=learner)
    assert english["progress"].percent == chinese["progress"].percent == 25
    assert english["continue_lesson"].pk == lessons[1].pk
    assert chinese["continue_lesson"].pk == zh["lessons"][1].pk
    html = client.get(loom_course.url).content.decode()
    assert "25% done" in html and "Done" in html


def test_quiz_submitted_in_chinese_grades_right_on_the_english_lesson(
    client, learner, zh, lessons
):
    """The Chinese quiz is graded against its own (Chinese) questions, which share
    the ids; the attempt is recorded on the English lesson and counts there."""
    enrollment = enrollment_create(user=learner, course=zh["course"])
    client.force_login(learner)
    with _zh():
        response = client.post(
            reverse("courses:quiz_submit", args=[zh["lessons"][1].pk, "quiz1"]),
            {"attempt": "1", "q-q-single": "o-oil", "q-q-tf": "false"},
        )
    attempt = QuizAttempt.objects.get(enrollment=enrollment)
    assert response.url == f"/zh-hans/learning/attempts/{attempt.pk}/"
    assert attempt.lesson_id == lessons[1].pk and attempt.quiz_id == "quiz1"
    assert attempt.passed and attempt.score == 100
    assert attempt.results[0]["prompt"] == "织机每天需要什么？"
    assert attempt.results[0]["given"] == ["加油"]
    html = client.get(response.url).content.decode()
    assert "解释-每天加油润滑" in html and zh["lessons"][1].url in html
    progress = enrollment_progress(enrollment)
    assert (lessons[1].pk, "quiz1") in progress.passed_quizzes
    html = client.get(lessons[1].url).content.decode()  # English: already passed
    assert "You passed this quiz." in html


def test_practical_submitted_in_chinese_is_one_task_with_the_english_lesson(
    client, learner, zh, lessons, teacher
):
    enrollment = enrollment_create(user=learner, course=zh["course"])
    client.force_login(learner)
    url = reverse("courses:practical_submit", args=[zh["lessons"][1].pk, "task1"])
    response = client.post(url, {"text": "清洁了传感器", "photos": [f.png()]})
    assert response.status_code == 302
    submission = PracticalSubmission.objects.get(enrollment=enrollment)
    assert submission.lesson_id == lessons[1].pk
    assert list(practical_reviews_for(user=teacher)) == [submission]
    # Sending the English form too is the same task: the waiting one comes back.
    client.post(
        reverse("courses:practical_submit", args=[lessons[1].pk, "task1"]),
        {"text": "again", "photos": [f.png()]},
    )
    assert PracticalSubmission.objects.filter(enrollment=enrollment).count() == 1


def test_a_course_done_in_chinese_is_completed_once(learner, zh, teacher):
    """Every step taken on Chinese pages completes the (English) course."""
    enrollment = enrollment_create(user=learner, course=zh["course"])
    first, second = zh["lessons"]
    lesson_complete(enrollment=enrollment, lesson=first)
    lesson_complete(enrollment=enrollment, lesson=second)
    from courses.services.quizzes import quiz_attempt_submit

    quiz_attempt_submit(
        enrollment=enrollment,
        lesson=second,
        quiz_id="quiz1",
        answers=f.RIGHT,
        attempt_number=1,
    )
    from courses.services.practicals import practical_submit

    submission = practical_submit(
        enrollment=enrollment,
        lesson=second,
        task_id="task1",
        text="完成",
        photos=[f.png()],
    )
    practical_decide(reviewer=teacher, submission=submission, approve=True)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert CourseCompletion.objects.filter(enrollment=enrollment).count() == 1
    assert Enrollment.objects.filter(user=learner).count() == 1
    done = providers.completed_courses(learner)
    assert {zh["course"].pk, enrollment.course_id} <= done


# --- links stay in the Chinese tree -------------------------------------------


def test_chinese_catalogue_lists_each_course_once(client, zh, index, loom_course):
    """Translated courses appear in Chinese only; a course not translated yet
    appears in English, once."""
    f.course(index=index, title="Robot welding")
    zh_index = zh["course"].get_parent()
    html = client.get(zh_index.url).content.decode()
    assert html.count("织机保养") == 1 and "Loom care" not in html
    assert html.count("Robot welding") == 1
    assert html.count('class="card course-card"') == 2
    english = client.get(index.url).content.decode()
    assert "Loom care" in english and "织机保养" not in english
    html = client.get(zh_index.url, {"q": "Robot"}).content.decode()
    assert "Robot welding" in html and "织机保养" not in html
    html = client.get(zh_index.url, {"q": "保养"}).content.decode()  # no spaces
    assert "织机保养" in html and "Robot welding" not in html


def test_catalogue_cards_show_progress_in_either_language(client, learner, zh):
    enrollment = enrollment_create(user=learner, course=zh["course"])
    lesson_complete(enrollment=enrollment, lesson=zh["lessons"][0])
    client.force_login(learner)
    html = client.get(zh["course"].get_parent().url).content.decode()
    assert 'aria-valuenow="25"' in html
    assert course_progress_for(
        user=learner, course_ids=[zh["course"].pk, enrollment.course_id]
    ) == {zh["course"].pk: 25, enrollment.course_id: 25}


def test_lesson_neighbours_are_chinese_and_fall_back_to_english(
    client, learner, zh, loom_course
):
    third = f.lesson(course=loom_course, title="Untranslated")
    enrollment_create(user=learner, course=loom_course)
    client.force_login(learner)
    html = client.get(zh["lessons"][1].url).content.decode()
    assert f'rel="prev" href="{zh["lessons"][0].url}"' in html
    assert f'rel="next" href="{third.url}"' in html  # no Chinese copy yet
    assert f'href="{zh["course"].url}"' in html


def test_my_learning_in_chinese_links_to_chinese_pages(
    client, learner, zh, index, loom_course
):
    """Courses and "continue where you left off" open in the reader's language
    where a translation exists, else in English."""
    enrollment = enrollment_create(user=learner, course=loom_course)
    lesson_view(enrollment=enrollment, lesson=zh["lessons"][1])
    other = f.course(index=index, title="Robot welding")
    enrollment_create(user=learner, course=other)
    client.force_login(learner)
    html = client.get(my_learning_url("zh-hans")).content.decode()
    assert f'href="{zh["course"].url}"' in html and "织机保养" in html
    assert f'href="{zh["lessons"][1].url}"' in html
    assert f'href="{other.url}"' in html
    html = client.get(my_learning_url("en")).content.decode()
    assert f'href="{loom_course.url}"' in html and "织机保养" not in html


def test_leaving_from_the_chinese_page_leaves_the_course(client, learner, zh):
    enrollment = enrollment_create(user=learner, course=zh["course"])
    client.force_login(learner)
    response = client.post(reverse("courses:leave", args=[zh["course"].pk]))
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.LEFT


def test_figures_and_rankings_count_a_translated_course_once(learner, zh, teacher):
    enrollment_create(user=learner, course=zh["course"])
    assert platform_course_figures()["courses"] == 1
    assert [c.pk for c in popular_courses(5)] == [canonical_page(zh["course"]).pk]
    assert len(courses_taught_by(user=teacher)) == 1


# --- a fixed number of queries ------------------------------------------------


def _queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_chinese_pages_cost_the_same_for_1_and_10_lessons_and_courses(
    client, learner, zh_index, index, teacher
):
    """Course, lesson, catalogue and my-learning pages in Chinese: the same number
    of queries for one lesson and course as for ten."""
    client.force_login(learner)
    counts = []
    for n in (1, 10):
        course = f.course(index=index, title=f"C{n}", instructors=[teacher])
        zh_course = f.translate(course, title=f"课程{n}")
        zh_lessons = []
        for i in range(n):
            lesson = f.lesson(
                course=course, title=f"L{i}", body=[f.quiz_block(block_id=f"q{i}")]
            )
            zh_lessons.append(f.translate(lesson, title=f"第{i}课"))
        enrollment = enrollment_create(user=learner, course=zh_course)
        for lesson in zh_lessons:
            lesson_complete(enrollment=enrollment, lesson=lesson)
        for i in range(n - 1):  # more courses in the catalogue and my learning
            extra = f.course(index=index, title=f"X{n}-{i}")
            f.lesson(course=extra, body=[f.quiz_block()])
            if i % 2:
                f.translate(extra, title=f"额外{n}-{i}")
            enrollment_create(user=learner, course=extra)
        counts.append(
            (
                _queries(client, zh_course.url),
                _queries(client, zh_lessons[0].url),
                _queries(client, zh_index.url),
                _queries(client, zh_index.url + "?q=C"),
                _queries(client, zh_index.url + "?q=课程"),
                _queries(client, my_learning_url("zh-hans")),
            )
        )
    assert counts[0] == counts[1]
