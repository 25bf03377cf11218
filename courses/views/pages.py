"""How the catalogue, course and lesson pages are served (called from each page
model's ``serve``): access is checked here, before anything is rendered."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.forms import CatalogueFilterForm
from courses.models import Enrollment, LessonPage
from courses.permissions import can_view_lesson
from courses.selectors.catalogue import catalogue_courses, catalogue_pages
from courses.selectors.languages import canonical_page
from courses.selectors.outline import course_of_lesson, course_outline, lesson_state
from courses.selectors.progress import course_progress_for
from courses.services.progress import lesson_view
from courses.views import fragments
from courses.views.common import error_response
from lms.errors import DomainError
from lms.models import Industry, Occupation
from lms.permissions import user_can
from lms.routing import content_cached

PER_PAGE = 12


def catalogue_serve(request, index):
    # The filter's choices are the same for every reader: kept with the content.
    def choices():
        live = catalogue_pages(index)
        return (
            list(
                Industry.objects.filter(pk__in=live.values("industry_id")).order_by(
                    "name"
                )
            ),
            list(
                Occupation.objects.filter(pk__in=live.values("occupation_id")).order_by(
                    "name"
                )
            ),
        )

    industries, occupations = content_cached(f"catalogue-choices:{index.pk}", choices)
    asked = request.GET.copy()
    asked.pop("page", None)
    form = CatalogueFilterForm(
        asked or None, industries=industries, occupations=occupations
    )
    filters = form.filters() if asked else {}
    if not any(filters.values()):
        # The whole catalogue, in title order: the same for every reader, kept.
        paginator = Paginator(
            content_cached(
                f"catalogue-ids:{index.pk}",
                lambda: list(
                    catalogue_courses(index=index).values_list("pk", flat=True)
                ),
            ),
            PER_PAGE,
        )
    elif filters.get("query"):
        paginator = Paginator(catalogue_courses(index=index, **filters), PER_PAGE)
    else:
        results = catalogue_courses(index=index, **filters)
        paginator = Paginator(results.values_list("pk", flat=True), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    ids = [getattr(c, "pk", c) for c in page.object_list]
    progress = course_progress_for(user=request.user, course_ids=ids)
    cards = [
        {"html": html, "progress": progress.get(pk)}
        for pk, html in fragments.course_cards(request, page=index, ids=ids)
    ]
    return TemplateResponse(
        request,
        "courses/course_index_page.html",
        {
            "page": index,
            "self": index,
            "form": form,
            "cards": cards,
            "results_page": page,
            "query_string": asked.urlencode(),
            "filtered": bool(filters and any(filters.values())),
        },
    )


def course_serve(request, course):
    """The course in the language of the page; enrolment and progress are those of
    its canonical course."""
    outline = course_outline(
        course=course,
        user=request.user,
        preview=getattr(request, "is_preview", False),
        request=request,
    )
    enrollment = outline["enrollment"]
    context = {
        "page": course,
        "self": course,
        "can_enrol": user_can(request.user, "enrol", outline["canonical_course"])
        and (enrollment is None or enrollment.status == Enrollment.Status.LEFT),
        **outline,
    }
    completed = set()
    if outline["progress"] is not None:
        context["completed_lessons"] = completed = outline["progress"].completed_lessons
    linked = enrollment is not None and enrollment.status != Enrollment.Status.LEFT
    items = fragments.outline_items(
        request,
        page=course,
        lessons=outline["lessons"],
        template="courses/_lesson_item.html",
        forms={
            f"{done}-{link}": {"done": done == "done", "linked": link == "linked"}
            for done in ("done", "todo")
            for link in ("linked", "plain")
        },
    )
    link = "linked" if linked else "plain"
    context["lesson_rows"] = fragments.pick(
        items, lambda pk: f"{'done' if pk in completed else 'todo'}-{link}"
    )
    return TemplateResponse(request, "courses/course_page.html", context)


def _quiz_state(block, attempts: list) -> dict:
    quiz = block.value
    passed = any(a.passed for a in attempts)
    left = max(quiz["max_attempts"] - len(attempts), 0)
    return {
        "attempts": attempts,
        "last": attempts[-1] if attempts else None,
        "best": max((a.score for a in attempts), default=None),
        "passed": passed,
        "attempts_left": left,
        "can_attempt": not passed and left > 0,
        "next_number": len(attempts) + 1,
    }


def _practical_state(submissions: list) -> dict:
    statuses = {s.status for s in submissions}
    return {
        "submissions": submissions,
        "waiting": "submitted" in statuses,
        "signed_off": "signed_off" in statuses,
        "can_submit": not statuses & {"submitted", "signed_off"},
    }


def lesson_serve(request, lesson: LessonPage):
    """The lesson in the language of the page (a translation keeps the block ids);
    access, progress, attempts and submissions go by the canonical course."""
    course = course_of_lesson(lesson)
    canonical_course = canonical_page(course)
    preview = getattr(request, "is_preview", False)
    enrollment = None
    if not preview:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        enrollment = Enrollment.objects.filter(
            user=request.user, course=canonical_course
        ).first()
        if enrollment is not None:  # the course is known: no join to read it again
            enrollment.course = canonical_course
        allowed = can_view_lesson(
            request.user, lesson, course=canonical_course, enrollment=enrollment
        )
        if not allowed:
            return error_response(
                request,
                _("Enrol in “%(course)s” to open its lessons.")
                % {"course": course.title},
                back_url=course.get_url(request),
                status=403,
            )
        if enrollment is not None and enrollment.status == Enrollment.Status.LEFT:
            enrollment = None
        if enrollment is not None:
            try:
                lesson_view(enrollment=enrollment, lesson=lesson)
            except DomainError:  # a translated lesson with no canonical lesson
                enrollment = None
    state = lesson_state(
        lesson=lesson,
        course=canonical_course,
        enrollment=enrollment,
        progress_row=None,  # read with the course's rows (lesson_view upserted it)
        preview=preview,
    )
    # Plain blocks come rendered from the kept fragment; quizzes and practical
    # tasks (attempts, submissions, forms) are rendered for this reader.
    sections = []
    for i, html in enumerate(fragments.lesson_blocks(request, lesson)):
        if html is not None:
            sections.append((None, None, html))
            continue
        block = lesson.body[i]
        if block.block_type == "quiz":
            extra = _quiz_state(block, state["attempts"].get(block.id, []))
        else:
            extra = _practical_state(state["submissions"].get(block.id, []))
        sections.append((block, extra, None))
    completed = state["completed_lessons"]
    outline = fragments.outline_items(
        request,
        page=lesson,
        lessons=state["siblings"],
        template="courses/_outline_item.html",
        forms={
            form: {"done": form == "done", "position": state["position"]}
            for form in ("done", "todo")
        },
    )
    response = TemplateResponse(
        request,
        "courses/lesson_page.html",
        {
            "page": lesson,
            "self": lesson,
            "course": course,
            "enrollment": enrollment,
            "learner": enrollment is not None
            and enrollment.status == Enrollment.Status.ACTIVE,
            "sections": sections,
            "outline": fragments.pick(
                outline, lambda pk: "done" if pk in completed else "todo"
            ),
            **state,
        },
    )
    return response
