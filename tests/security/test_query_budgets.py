"""Each key page stays within its query budget (tests/query_budgets.json): the
number of queries of one view with a cold cache (the worst case), as the role that
uses the page, with a few rows of everything (the per-app tests prove the counts do
not grow with rows). Budgets are the measured count + 1, so a page that gets
cheaper must have its budget lowered too."""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from . import world

pytestmark = pytest.mark.django_db

BUDGETS = json.loads((Path(__file__).parents[1] / "query_budgets.json").read_text())
SLACK = 2  # a budget above the measured count by more than this is stale


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
    }


def count(client, viewer, url) -> int:
    """Queries of one view with a cold cache (after a first view made the image
    renditions), as the viewer."""
    client.logout()
    if viewer is not None:
        client.force_login(viewer)
    assert client.get(url).status_code == 200, url
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_every_key_page_stays_within_its_query_budget(client):
    measured = {
        name: count(client, viewer, url)
        for name, (viewer, url) in pages(world.build(rows=3)).items()
    }
    assert set(measured) == set(BUDGETS), "query_budgets.json lists other pages"
    over = {n: (measured[n], BUDGETS[n]) for n in measured if measured[n] > BUDGETS[n]}
    assert not over, f"(measured, budget) over budget: {over}"
    stale = {
        n: (measured[n], BUDGETS[n])
        for n in measured
        if BUDGETS[n] > measured[n] + SLACK
    }
    assert not stale, f"(measured, budget) lower these budgets: {stale}"
