"""Courses and their lessons as live Wagtail pages below the catalogue (through the page
tree API, ``add_child``): a text body and a quiz each (``bench.generation.quizzes``)."""

from __future__ import annotations

import time

from bench.generation.naming import COURSE_SLUG
from bench.generation.quizzes import quiz_block


def catalogue():
    """The live catalogue in the default language (the demo's), or a new one below
    the site's home page."""
    from django.conf import settings
    from wagtail.models import Site

    from courses.models import CourseIndexPage
    from courses.services.catalogue import catalogue_ensure

    found = (
        CourseIndexPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    if found is not None:
        return found
    root = Site.objects.get(is_default_site=True).root_page
    return catalogue_ensure(parent=root, title="Courses", slug="courses")


def lesson_body(n: int, k: int) -> list[dict]:
    paragraph = (
        "<p>Check the workpiece against the drawing before you clamp it. Measure "
        "twice, note the reading on the route card, and call the team leader when "
        "a value is outside the tolerance band.</p>"
    )
    return [
        {
            "type": "text",
            "value": f"<h2>Step {k + 1} of course {n}</h2>" + paragraph * 4,
            "id": f"bench-{n}-{k}-text",
        },
        quiz_block(f"bench-{n}-{k}-"),
    ]


def make_courses(spec, people, out):
    """Courses and lessons through Wagtail's page tree API: ``add_child`` on the
    catalogue, then on each course (live pages, no revisions)."""
    from decimal import Decimal

    from courses.models import CoursePage, LessonPage

    index = catalogue()
    courses, lessons = [], []
    began = time.monotonic()
    for n in range(spec["courses"]):
        occupation = people["occupations"][n % len(people["occupations"])]
        course = CoursePage(
            title=f"Bench course {n}: {occupation.name}",
            slug=COURSE_SLUG.format(n=n),
            summary="Generated for the benchmarks: a course of the bench trade.",
            industry=people["industry"],
            occupation=occupation,
            skill_level=2 + n % 5,
            estimated_hours=Decimal("8.0"),
            learning_outcomes="<ul><li>Work safely</li><li>Measure right</li></ul>",
        )
        index.add_child(instance=course)
        course_lessons = []
        for k in range(spec["lessons"]):
            lesson = LessonPage(
                title=f"Lesson {k + 1}",
                slug=f"lesson-{k + 1}",
                module=f"Module {k // 5 + 1}",
                summary="A bench lesson.",
                body=lesson_body(n, k),
            )
            course.add_child(instance=lesson)
            course_lessons.append(lesson)
        courses.append(course)
        lessons.append(course_lessons)
    out.write(
        f"  {len(courses)} courses, {sum(map(len, lessons))} lessons "
        f"(add_child) in {time.monotonic() - began:.1f} s\n"
    )
    return courses, lessons
