"""Each key page stays within its query budget (tests/query_budgets.json): the
number of queries of one view, as the role that uses the page, once what is the
same for everyone is in the cache (Wagtail's site and route, page translations, a
course's lessons: lms/routing.py; the first view of a page after a publication
pays for them once). Session and user look-ups are counted. Budgets are the
measured count + 1, so a page that gets cheaper must have its budget lowered too.
The key pages (issue 15) cost at most 10 queries, the same with 3 and with 20 rows
of everything."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.courses.factories import RIGHT

from . import world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rendered_pages(settings):
    """Budgets are for rendered pages: with production's caches on (PRODUCTION_CACHES=1)
    an anonymous page would come from the anonymous page cache at 0 queries. The
    session is read from the database either way (production's cached_db sessions
    would take it from the cache), so the counts are the same in both runs."""
    settings.ANON_PAGE_CACHE_SECONDS = 0
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


BUDGETS = json.loads((Path(__file__).parents[1] / "query_budgets.json").read_text())
SLACK = 2  # a budget above the measured count by more than this is stale
KEY_PAGES = {
    "quiz submit",
    "quiz result",
    "lesson complete",
    "course page",
    "lesson page",
    "catalogue",
    "my learning",
    "progress page",
    "mentor dashboard",
    "HR board",
    "event page",
    "check-in page",
    "voting page",
    "judge page",
    "hall screen",
}
KEY_PAGE_MOST = 10


def pages(w: dict) -> dict[str, tuple[object, str]]:
    """Page name -> (who asks, URL)."""
    return {
        "home": (None, "/"),
        "catalogue": (w["learner"], w["course"].get_parent().url),
        "course page": (w["learner"], w["course"].url),
        "lesson page": (w["learner"], w["lesson"].url),
        "my learning": (w["learner"], reverse("courses:my_learning")),
        "my profile": (w["learner"], reverse("lms:profile")),
        "HR board": (w["hr"], reverse("certification:board")),
        "verification page": (
            None,
            reverse("certification:verify", args=[w["certificate"].verification_code]),
        ),
        "mentor dashboard": (w["mentor"], reverse("mentorship:mentor_dashboard")),
        "my page (learner)": (w["learner"], reverse("lms:dashboard")),
        "my page (mentor)": (w["mentor"], reverse("lms:dashboard")),
        "my page (HR)": (w["hr"], reverse("lms:dashboard")),
        "progress page": (
            w["mentor"],
            reverse("mentorship:agreement_progress", args=[w["agreement"].pk]),
        ),
        "profile page": (None, w["profile"].url),
        "story": (None, w["story"].url),
        "studio": (None, w["studio"].url),
        "event page": (w["learner"], w["event"].url),
        "check-in page": (
            w["steward"],
            reverse("events:check_in", args=[w["event_session"].pk]),
        ),
        "voting page": (w["learner"], reverse("voting:ballot", args=[w["ballot"].pk])),
        "judge page": (w["judge"], reverse("judging:judge", args=[w["panel"].pk])),
        "hall screen": (
            None,
            reverse("judging:hall_live", args=[w["published_panel"].pk]),
        ),
    }


def count(client, viewer, url) -> int:
    """Queries of one view, as the viewer, after a first view filled the shared
    caches (and made the image renditions)."""
    client.logout()
    if viewer is not None:
        client.force_login(viewer)
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def counted(method, url, data=None) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = method(url, data) if data is not None else method(url)
    return len(captured), response


def learner_path(client, w: dict) -> dict[str, int]:
    """The learner's steps between pages, as the exam start and the load scenario
    make them: the quiz submitted (right answers, so the course's completion is
    checked), its result page (the submit's redirect target), the lesson marked
    done. Each is taken first on one lesson (caches, content types) and counted on
    another; the course is not completed by either (other lessons are open)."""
    client.logout()
    client.force_login(w["learner"])

    def steps(lesson) -> dict[str, int]:
        assert client.get(lesson.url).status_code == 200
        submit = reverse("courses:quiz_submit", args=[lesson.pk, lesson.body[1].id])
        answers = {f"q-{k}": v for k, v in RIGHT.items()} | {"attempt": "1"}
        n_submit, response = counted(client.post, submit, answers)
        assert response.status_code == 302, response
        n_result, result = counted(client.get, response.url)
        assert result.status_code == 200
        done = reverse("courses:lesson_complete", args=[lesson.pk])
        n_done, response = counted(client.post, done, {})
        assert response.status_code == 302, response
        return {
            "quiz submit": n_submit,
            "quiz result": n_result,
            "lesson complete": n_done,
        }

    steps(w["lessons"][2])
    return steps(w["lessons"][1])


def measure(client, rows: int) -> dict[str, int]:
    cache.clear()
    w = world.build(rows=rows)
    return {
        **{
            name: count(client, viewer, url) for name, (viewer, url) in pages(w).items()
        },
        **learner_path(client, w),
    }


def test_every_key_page_stays_within_its_query_budget(client):
    measured = measure(client, rows=3)
    assert set(measured) == set(BUDGETS), "query_budgets.json lists other pages"
    over = {n: (measured[n], BUDGETS[n]) for n in measured if measured[n] > BUDGETS[n]}
    assert not over, f"(measured, budget) over budget: {over}"
    stale = {
        n: (measured[n], BUDGETS[n])
        for n in measured
        if BUDGETS[n] > measured[n] + SLACK
    }
    assert not stale, f"(measured, budget) lower these budgets: {stale}"


def test_key_pages_cost_at_most_ten_queries_whatever_the_number_of_rows(client):
    """Issue 15: course, lesson, catalogue, my learning, the progress page, the
    mentor's dashboard and the HR board (and the event, check-in and voting pages)
    read at most 10 queries, and the same number with 3 and with 20 rows of
    everything (nothing is read per row)."""
    small = {n: c for n, c in measure(client, rows=3).items() if n in KEY_PAGES}
    large = {n: c for n, c in measure(client, rows=20).items() if n in KEY_PAGES}
    assert set(small) == KEY_PAGES
    over = {n: c for n, c in {**small, **large}.items() if c > KEY_PAGE_MOST}
    assert not over, f"over {KEY_PAGE_MOST} queries: {over}"
    grew = {n: (small[n], large[n]) for n in KEY_PAGES if small[n] != large[n]}
    assert not grew, f"(3 rows, 20 rows) the count grows with rows: {grew}"
