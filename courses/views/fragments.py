"""The parts of the course and lesson pages that are the same for every reader,
rendered once per content version, page revision and language (``lms.fragments``):
a lesson's blocks other than quizzes and practical tasks, and each lesson of an
outline in every form a reader may see it in (done or not, linked or not). The page
then picks the reader's form; nothing personal is ever kept."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from courses.selectors.catalogue import courses_by_ids
from lms import fragments

# Blocks whose rendering depends on the reader (attempts, submissions, a form's
# CSRF token): rendered on every request.
ACTIVITY_BLOCKS = ("quiz", "practical")


def lesson_blocks(request, lesson) -> list:
    """The rendered HTML of each block of the lesson's body, ``None`` for quizzes
    and practical tasks."""

    def render():
        context = {"page": lesson, "self": lesson, "request": request}
        return [
            None
            if item["type"] in ACTIVITY_BLOCKS
            else str(lesson.body[i].render_as_block(context=context))
            for i, item in enumerate(lesson.body.raw_data)
        ]

    found = fragments.cached("lesson-blocks", render, page=lesson, request=request)
    return [None if html is None else mark_safe(html) for html in found]  # noqa: S308


def outline_items(
    request, *, page, lessons: list, forms: dict[str, dict], template: str, vary=()
) -> list[dict]:
    """Each lesson of ``lessons`` rendered with ``template`` in each form of
    ``forms`` (name → extra context), kept for ``page``: ``{"id": canonical id,
    form name: HTML, ...}`` per lesson."""

    def render():
        items = []
        previous_module = None
        for number, lesson in enumerate(lessons, start=1):
            context = {
                "item": lesson,
                "number": number,
                "new_module": lesson.module != previous_module,
                "request": request,
            }
            previous_module = lesson.module
            item = {"id": lesson.canonical_id}
            for form, extra in forms.items():
                item[form] = render_to_string(template, context | extra)
            items.append(item)
        return items

    return fragments.cached(
        f"outline:{template}",
        render,
        page=page,
        request=request,
        vary=[*vary, *(x.pk for x in lessons)],
    )


def course_cards(request, *, page, ids: list[int]) -> list[tuple[int, str]]:
    """(id, HTML) of the catalogue cards of these courses, in this order: what
    every reader sees of a card (cover, title, occupation, level, hours, summary),
    kept for the catalogue ``page`` and these ids; the reader's progress is added
    around it."""

    def render():
        return [
            (
                course.pk,
                render_to_string(
                    "courses/_course_card.html", {"course": course, "request": request}
                ),
            )
            for course in courses_by_ids(ids)
        ]

    found = fragments.cached(
        "catalogue-cards", render, page=page, request=request, vary=ids
    )
    return [(pk, mark_safe(html)) for pk, html in found]  # noqa: S308


def pick(items: list[dict], form_of) -> list:
    """The reader's form of each kept lesson: ``form_of(canonical id)`` names it."""
    return [mark_safe(item[form_of(item["id"])]) for item in items]  # noqa: S308
