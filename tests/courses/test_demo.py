"""The demo courses' Chinese words fit the English lessons block by block, and the
courses demo (with its translations) loads twice to the same result."""

import io
import json

import pytest

from courses import demo, demo_content_zh

TRANSLATED_TYPES = {"text", "safety", "procedure", "video", "quiz", "practical"}


def _texts(raw) -> list[str]:
    """Every string of a lesson body except ids, types and settings."""
    found = []
    for block in raw:
        value = block["value"]
        if isinstance(value, str):
            found.append(value)
            continue
        for key, item in value.items():
            if key in ("questions", "steps", "options"):
                for child in item:
                    found += _texts([child])
            elif isinstance(item, str) and key not in ("severity", "answer", "url"):
                found.append(item)
    return [t for t in found if t and not t.replace(".", "").isdigit()]


@pytest.mark.parametrize("spec", demo.COURSES, ids=lambda s: s["slug"])
def test_every_demo_lesson_is_translated_word_for_word(spec):
    """Each lesson's Chinese body keeps every id and setting of the English one and
    has no English sentence left (units and formulas aside)."""
    chinese_lessons = demo_content_zh.LESSONS[spec["slug"]]
    assert len(chinese_lessons) == len(spec["lessons"])
    for (_title, _module, _minutes, blocks), words in zip(
        spec["lessons"], chinese_lessons, strict=True
    ):
        english = json.loads(json.dumps(blocks))
        translated = demo_content_zh.translate_body(english, words["blocks"])
        assert {b["id"] for b in english if b["type"] in TRANSLATED_TYPES} == set(
            words["blocks"]
        )
        assert _ids(translated) == _ids(english)
        leftovers = set(_texts(translated)) & set(_texts(english))
        assert leftovers <= {
            "mm/s",
            "%",
            "°",
            "http://training.mill.local/videos/vibration-trend.mp4",
            "2.0 × 1.5 = 3.0 mm/s.",
        }


def _ids(raw) -> list:
    found = []
    for block in raw:
        found.append((block["id"], block["type"]))
        value = block["value"]
        if isinstance(value, dict):
            for key in ("questions", "steps", "options"):
                found += _ids(value.get(key, []))
            found += [
                (k, str(v))
                for k, v in value.items()
                if k
                in (
                    "answer",
                    "correct",
                    "pass_mark",
                    "max_attempts",
                    "min_photos",
                    "tolerance",
                    "severity",
                )
            ]
    return found


@pytest.mark.django_db
def test_the_courses_demo_loads_twice_to_the_same_pages():
    from wagtail.images.models import Image
    from wagtail.models import Page

    from courses.models import CoursePage, Enrollment, LessonPage
    from lms import demo as lms_demo

    out = io.StringIO()
    lms_demo.load(stdout=out)
    home = Page.objects.get(depth=2, locale__language_code="en")
    demo.load(stdout=out, parent=home)
    first = (Page.objects.count(), Enrollment.objects.count(), Image.objects.count())
    demo.load(stdout=out, parent=home)
    assert (
        Page.objects.count(),
        Enrollment.objects.count(),
        Image.objects.count(),
    ) == first
    # Every course (and its translation) has a drawn cover; the lessons that
    # teach from text have a diagram, described in the page's language.
    assert not CoursePage.objects.filter(cover_image=None).exists()
    for lesson in LessonPage.objects.all():
        pictures = [b for b in lesson.body.raw_data if b["type"] == "image"]
        if lesson.body.raw_data[0]["type"] in ("quiz", "practical"):
            continue
        assert len(pictures) == 1, lesson.title
        alt = pictures[0]["value"]["alt"]
        chinese = lesson.locale.language_code == "zh-hans"
        assert any("\u4e00" <= c <= "\u9fff" for c in alt) == chinese, alt
    chinese = LessonPage.objects.live().filter(locale__language_code="zh-hans")
    assert (
        chinese.count() == LessonPage.objects.filter(locale__language_code="en").count()
    )
    assert (
        CoursePage.objects.live()
        .filter(locale__language_code="zh-hans", title="人工智能+纺织：智能纺纱与织造")
        .exists()
    )
