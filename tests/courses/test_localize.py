"""Translations stay in step (wagtail-localize): a Chinese lesson is a translation of
the English one, so a quiz added to the English lesson reaches it after "Sync
translated pages", shown in English and reported as untranslated until a translator
writes its Chinese words; records still point at the English lesson. Pages translated
before wagtail-localize (copies) are registered as translations once, by command."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from courses.models import LessonPage, QuizAttempt
from courses.services.enrollment import enrollment_create
from courses.services.quizzes import quiz_attempt_submit
from lms.errors import DomainError
from lms.services.pages import page_translation_register
from tests.courses import factories as f

pytestmark = pytest.mark.django_db

NEW_QUIZ_ZH = {
    "Check": "检查",
    "What does a loom need daily?": "织机每天需要什么？",
    "EXPLAIN-OIL daily lubrication": "解释-每天加油润滑",
    "Oil": "加油",
    "Paint": "刷漆",
    "A running loom may be cleaned by hand.": "运转中的织机可以用手清洁。",
    "EXPLAIN-STOP never reach into a running loom": "解释-绝不把手伸进运转中的织机",
}


@pytest.fixture
def zh_intro(index, loom_course, lessons):
    """The first (plain) lesson and its Chinese copy, registered as its translation:
    ``(english, chinese)``."""
    page_translation_register(source=index, target=f.translate(index, title="课程"))
    page_translation_register(
        source=loom_course, target=f.translate(loom_course, title="织机保养")
    )
    english = lessons[0]
    chinese = f.translate(
        english,
        title="入门",
        body=json.dumps([f.text_block("<p>保持梭口清洁。</p>")]),
    )
    page_translation_register(source=english, target=chinese)
    return english, chinese


def _translation(page) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=f.zh_locale()
    )


def _sync(english) -> None:
    """What "Sync translated pages" (with "publish") does: the source takes the
    English page's content, and every translation is rebuilt from it and published."""
    source = TranslationSource.objects.get(
        object_id=english.translation_key, locale=english.locale
    )
    source.update_from_db()
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)


def _untranslated(translation: Translation) -> list[StringSegment]:
    done = StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
    ).values_list("translation_of_id", "context_id")
    done = set(done)
    return [
        segment
        for segment in translation.source.stringsegment_set.select_related("string")
        if (segment.string_id, segment.context_id) not in done
    ]


def test_registering_takes_the_words_of_the_chinese_copy(zh_intro):
    """Each string of the English lesson has the Chinese words found at the same
    place in the Chinese copy, so the translation starts complete."""
    english, chinese = zh_intro
    translation = _translation(english)
    assert translation.get_progress() == (3, 3)  # title, slug and paragraph
    words = set(
        StringTranslation.objects.filter(locale=chinese.locale).values_list(
            "data", flat=True
        )
    )
    assert {"入门", "保持梭口清洁。"} <= words


def test_a_quiz_added_in_english_reaches_the_chinese_lesson_untranslated_then_chinese(
    zh_intro, client
):
    english, chinese = zh_intro
    english.body = json.dumps(
        [*english.body.raw_data, f.quiz_block(block_id="quiz-new")]
    )
    english.save_revision().publish()
    _sync(english)

    # The Chinese lesson has the new quiz (the same block, question and option
    # ids), in English, and its strings are reported as untranslated.
    chinese = LessonPage.objects.get(pk=chinese.pk)
    blocks = {block.id: block for block in chinese.body}
    assert "quiz-new" in blocks
    quiz = blocks["quiz-new"].value
    assert quiz["title"] == "Check"
    assert [q.id for q in quiz["questions"]] == ["q-single", "q-tf"]
    assert chinese.body.raw_data[0]["value"] == "<p>保持梭口清洁。</p>"
    translation = _translation(english)
    total, translated = translation.get_progress()
    assert (total, translated) == (3 + len(NEW_QUIZ_ZH), 3)
    missing = _untranslated(translation)
    assert {segment.string.data for segment in missing} == set(NEW_QUIZ_ZH)
    assert translation.get_status_display() == "Waiting for translations"

    # A translator writes the Chinese words (as the translation editor does) and
    # publishes: the Chinese lesson shows them.
    for segment in missing:
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=translation.target_locale,
            data=NEW_QUIZ_ZH[segment.string.data],
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    translation.save_target(publish=True)  # published when the transaction commits
    assert translation.get_progress() == (total, total)
    chinese = LessonPage.objects.get(pk=chinese.pk)
    quiz = {block.id: block for block in chinese.body}["quiz-new"].value
    assert quiz["title"] == "检查"
    assert quiz["questions"][0].value["prompt"] == "织机每天需要什么？"
    assert quiz["pass_mark"] == 50  # settings and answers come from the English quiz
    assert chinese.live
    assert chinese.get_latest_revision().content["title"] == "入门"


def test_an_answer_on_the_synced_chinese_quiz_is_recorded_on_the_english_lesson(
    zh_intro, learner, loom_course
):
    english, chinese = zh_intro
    english.body = json.dumps([*english.body.raw_data, f.quiz_block()])
    english.save_revision().publish()
    _sync(english)
    enrollment = enrollment_create(user=learner, course=loom_course)
    attempt = quiz_attempt_submit(
        enrollment=enrollment,
        lesson=LessonPage.objects.get(pk=chinese.pk),
        quiz_id="quiz1",
        answers={"q-single": ["o-oil"], "q-tf": ["false"]},
        attempt_number=1,
    )
    assert attempt.lesson_id == english.pk
    assert attempt.passed
    assert QuizAttempt.objects.filter(lesson=english).count() == 1


def test_registering_a_page_that_is_not_a_translation_is_refused(lessons):
    with pytest.raises(DomainError):
        page_translation_register(source=lessons[0], target=lessons[1])
    assert not Translation.objects.exists()


def test_the_command_registers_pages_translated_before_once(
    index, loom_course, lessons
):
    """Copies made before wagtail-localize become translations of their English
    pages, with their words; running the command again changes nothing, and a
    translator's later work is kept."""
    f.translate(index, title="课程")
    f.translate(loom_course, title="织机保养", summary="怎样保养织机。")
    f.translate(
        lessons[0], title="入门", body=json.dumps([f.text_block("<p>清洁</p>")])
    )
    out = io.StringIO()
    call_command("register_translations", stdout=out)
    # The three, and the Chinese home page the migrations made.
    assert "Registered 4 translations" in out.getvalue()
    course = _translation(loom_course)
    assert course.get_progress()[0] == course.get_progress()[1]
    assert StringTranslation.objects.filter(data="怎样保养织机。").exists()
    StringTranslation.objects.filter(data="清洁").update(data="清洁梭口")

    out = io.StringIO()
    call_command("register_translations", stdout=out)
    assert "Registered 0 translations" in out.getvalue()
    assert "4 were registered already" in out.getvalue()
    assert Translation.objects.count() == 4
    assert StringTranslation.objects.filter(data="清洁梭口").exists()


def test_a_block_whose_structure_differs_is_left_to_translate(index, loom_course):
    """A Chinese paragraph block split differently from the English one cannot be
    paired string by string: it is reported and left untranslated, the rest is
    taken."""
    english = f.lesson(
        course=loom_course,
        title="Oiling",
        body=[f.text_block("<p>One.</p><p>Two.</p>", block_id="two")],
    )
    f.translate(index)
    f.translate(loom_course)
    chinese = f.translate(
        english,
        title="加油",
        body=json.dumps([f.text_block("<p>一和二。</p>", block_id="two")]),
    )
    done = page_translation_register(source=english, target=chinese)
    assert done.mismatched == ["body.two"]
    assert done.strings == 2  # the title and the slug
    assert _translation(english).get_progress() == (4, 2)
