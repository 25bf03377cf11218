"""Every search box answers a huge or pathological query with a normal page (or,
where a form limits the length, a 400 that says so), and what reaches the search
selector is capped: at most 200 characters, no NUL byte (PostgreSQL refuses them),
no double quote (it broke Wagtail's SQLite FTS5 query: a 500)."""

import pytest
from django.urls import reverse

import courses.views.pages
import home.views
import lms.certification.selectors
from lms.search import search_text
from lms.services.tokens import api_token_issue
from tests.courses import factories as course_f

pytestmark = pytest.mark.django_db

CAP = 200
QUERIES = {
    "10k": "welding " * 1250,
    "parens": "(((((" * 40,
    "stars": "*" * 500,
    "operators": '" OR 1=1 -- %_% \\ AND NOT ~ ^ | & !',
    "unicode": "𝔘𝔫𝔦\u202eＡＢ" + "\u0301" * 300 + "漢字" * 300 + "🔧" * 100,
    "nul": "lathe\x00 operator",
}


@pytest.fixture
def spy(monkeypatch):
    """Records the search text each selector is given."""
    seen = []

    def wrap(module, name, pick):
        original = getattr(module, name)

        def spied(*args, **kwargs):
            seen.append(pick(kwargs))
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, spied)

    wrap(home.views, "search_pages", lambda kw: kw["query"])
    wrap(courses.views.pages, "catalogue_courses", lambda kw: kw.get("query", ""))
    wrap(
        lms.certification.selectors,
        "board_certificates",
        lambda kw: kw["filters"].q or "",
    )
    return seen


def assert_capped(seen, *, full_text=True):
    """Quotes matter only to full-text search (the board filters with LIKE)."""
    assert seen, "the selector was not called"
    for query in seen:
        assert len(query) <= CAP and "\x00" not in query
        assert not (full_text and '"' in query)


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_home_search_caps_the_query(client, spy, query):
    response = client.get(reverse("home:search"), {"q": query})
    assert response.status_code == 200
    assert len(response.context["query"]) <= CAP
    assert_capped(spy)


def test_home_search_shows_the_cleaned_query(client):
    """Quotes and extra spaces go; the words stay."""
    response = client.get(reverse("home:search"), {"q": '  "loom"   care '})
    assert response.status_code == 200
    assert response.context["query"] == "loom care"


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_catalogue_search_caps_the_query(client, learner, spy, query):
    course = course_f.course(title="Lathe basics")
    client.force_login(learner)
    response = client.get(course.get_parent().url, {"q": query})
    assert response.status_code == 200
    assert_capped(spy)


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_hr_board_search_caps_the_query(client, hr_user, spy, query):
    client.force_login(hr_user)
    response = client.get(reverse("certification:board"), {"q": query})
    if response.status_code == 400:  # the form's limit (100) or a NUL: said so
        assert response.context["form"].errors["q"]
    else:
        assert response.status_code == 200
    assert_capped(spy, full_text=False)


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_certificate_api_search_caps_the_query(client, hr_user, spy, query):
    _token, key = api_token_issue(user=hr_user, name="HR system", days=30)
    response = client.get(
        reverse("api:certificates"),
        {"q": query},
        headers={"Authorization": f"Token {key}"},
    )
    assert response.status_code == 200
    assert_capped(spy)


def test_search_text_caps_and_cleans():
    assert search_text("a" * 10_000) == "a" * CAP
    assert search_text('  lathe\x00"operator"  ') == "lathe operator"
    assert search_text("x" * 500, max_length=100) == "x" * 100
