"""Builds course trees for tests: a catalogue under the English home page, courses,
lessons whose bodies are raw StreamField JSON with fixed block ids."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from courses.models import CoursePage, Enrollment, LessonPage
from courses.services.catalogue import catalogue_ensure
from home.models import HomePage
from lms.roles import Role
from tests.lms.factories import UserFactory


def catalogue():
    home = HomePage.objects.get(locale__language_code="en")
    return catalogue_ensure(parent=home, title="Courses", slug="courses")


def course(*, index=None, title="Loom care", instructors=(), **fields) -> CoursePage:
    index = index or catalogue()
    fields.setdefault("summary", "How to look after a loom.")
    fields.setdefault("estimated_hours", Decimal("6.0"))
    page = CoursePage(title=title, **fields)
    index.add_child(instance=page)
    if instructors:
        page.instructors.set(instructors)
        page.save()
    return page


def lesson(*, course: CoursePage, title="Lesson", body=(), live=True) -> LessonPage:
    page = LessonPage(title=title, body=json.dumps(list(body)), live=live)
    course.add_child(instance=page)
    return page


def text_block(text="<p>Keep the shed clear.</p>", block_id="t1") -> dict:
    return {"type": "text", "value": text, "id": block_id}


def option(text: str, correct: bool = False, option_id: str | None = None) -> dict:
    return {
        "type": "item",
        "id": option_id or f"opt-{text}",
        "value": {"text": text, "correct": correct},
    }


def quiz_block(
    *, block_id="quiz1", pass_mark=50, max_attempts=2, questions=None
) -> dict:
    """A quiz of two questions by default: single choice (right: "Oil") and true or
    false (right: false)."""
    if questions is None:
        questions = [
            {
                "type": "single_choice",
                "id": "q-single",
                "value": {
                    "prompt": "What does a loom need daily?",
                    "explanation": "EXPLAIN-OIL daily lubrication",
                    "options": [
                        option("Oil", True, "o-oil"),
                        option("Paint", False, "o-paint"),
                    ],
                },
            },
            {
                "type": "true_false",
                "id": "q-tf",
                "value": {
                    "prompt": "A running loom may be cleaned by hand.",
                    "explanation": "EXPLAIN-STOP never reach into a running loom",
                    "answer": "false",
                },
            },
        ]
    return {
        "type": "quiz",
        "id": block_id,
        "value": {
            "title": "Check",
            "intro": "",
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "questions": questions,
        },
    }


RIGHT = {"q-single": ["o-oil"], "q-tf": ["false"]}
WRONG = {"q-single": ["o-paint"], "q-tf": ["true"]}


def practical_block(*, block_id="task1", min_photos=1) -> dict:
    return {
        "type": "practical",
        "id": block_id,
        "value": {
            "title": "Clean the sensor",
            "instructions": "<p>Photograph it.</p>",
            "min_photos": min_photos,
        },
    }


def mentor(**kwargs):
    return UserFactory(roles=[Role.MENTOR, Role.LEARNER], **kwargs)


def enrollment(*, user, course, **fields) -> Enrollment:
    return Enrollment.objects.create(user=user, course=course, **fields)


def png(name="photo.png", size=(20, 20)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def not_an_image(name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ not an image at all", content_type="image/png")


def zh_locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="zh-hans")


def translate(page, **fields):
    """The page's published Chinese copy (its parent must be translated first), made
    with Wagtail's copy_for_translation, with ``fields`` set on it."""
    from lms.services.pages import page_translation_get_or_create

    copy, _created = page_translation_get_or_create(page=page, locale=zh_locale())
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def zh_quiz_block(**kwargs) -> dict:
    """``quiz_block`` in Chinese: the same block, question and option ids."""
    block = quiz_block(**kwargs)
    single, true_false = block["value"]["questions"]
    block["value"]["title"] = "检查"
    single["value"]["prompt"] = "织机每天需要什么？"
    single["value"]["explanation"] = "解释-每天加油润滑"
    single["value"]["options"][0]["value"]["text"] = "加油"
    single["value"]["options"][1]["value"]["text"] = "刷漆"
    true_false["value"]["prompt"] = "运转中的织机可以用手清洁。"
    true_false["value"]["explanation"] = "解释-绝不把手伸进运转中的织机"
    return block
