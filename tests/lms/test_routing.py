"""Cached Wagtail routing (lms/routing.py): a page's URL is routed by Wagtail the
first time, then read in one query; every change to the tree (publish, unpublish,
move, rename, view restriction) is seen on the very next request, and a request
is routed as Wagtail routes it (404s, private pages, aliases, languages)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.courses import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Runs the on-commit work of the writes inside (the anonymous page cache
    empties on commit; under PRODUCTION_CACHES=1 it is on)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def two_courses(db):
    index = f.catalogue()
    return f.course(index=index, title="Loom care"), f.course(
        index=index, title="Dyeing"
    )


def get_twice(client, url):
    """The first answer (routed by Wagtail) and the second (from the cache)."""
    return client.get(url), client.get(url)


def test_each_url_gets_its_own_page_from_the_cache(client, two_courses):
    """Two pages seen once each are then served each by its own address."""
    loom, dye = two_courses
    for page in (loom, dye):
        client.get(page.url)
    for page, other in ((loom, dye), (dye, loom)):
        html = client.get(page.url).content.decode()
        assert page.title in html
        assert f"<title>{other.title}" not in html


def test_a_cached_page_costs_fewer_queries_than_wagtail_routing(client, two_courses):
    loom, _ = two_courses
    with CaptureQueriesContext(connection) as first:
        client.get(loom.url)
    with CaptureQueriesContext(connection) as second:
        response = client.get(loom.url)
    assert response.status_code == 200
    assert len(second) < len(first)


def test_an_unpublished_page_is_a_404_at_once(client, two_courses, commits):
    loom, _ = two_courses
    first, second = get_twice(client, loom.url)
    assert first.status_code == second.status_code == 200
    with commits():
        loom.unpublish()
    assert client.get(loom.url).status_code == 404


def test_a_page_made_not_live_without_signals_is_still_a_404(client, two_courses):
    """The page is read afresh on every request: a queryset update (no signal)
    taking it offline is honoured too (signed in: no anonymous page cache)."""
    loom, _ = two_courses
    client.force_login(f.mentor())
    get_twice(client, loom.url)
    Page.objects.filter(pk=loom.pk).update(live=False)
    assert client.get(loom.url).status_code == 404


def test_a_renamed_page_moves_to_its_new_address(client, two_courses, commits):
    loom, _ = two_courses
    old_url = loom.url
    get_twice(client, old_url)
    loom.slug = "loom-care-basics"
    with commits():
        loom.save_revision().publish()
    loom.refresh_from_db()
    old = client.get(old_url)  # no page there: Wagtail's redirect answers the 404
    assert old.status_code == 301
    assert old["Location"] == loom.url
    assert client.get(loom.url).status_code == 200


def test_a_moved_page_is_not_served_at_its_old_address(client, two_courses, commits):
    """The old address finds no page (Wagtail's redirect, made on the move, answers
    the 404 with the new address)."""
    loom, dye = two_courses
    lesson = f.lesson(course=loom, title="Oiling")
    client.force_login(f.mentor())
    old_url = lesson.url
    get_twice(client, old_url)
    with commits():
        lesson.move(dye, pos="last-child")
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == "/courses/dyeing/oiling/"


def test_a_view_restriction_added_later_applies_at_once(client, two_courses, commits):
    """A page seen as public, then restricted to signed-in people: the next
    anonymous visitor is sent to sign in."""
    loom, _ = two_courses
    first, second = get_twice(client, loom.url)
    assert second.status_code == 200
    with commits():
        PageViewRestriction.objects.create(
            page=loom, restriction_type=PageViewRestriction.LOGIN
        )
    response = client.get(loom.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restricted_page_stays_restricted_when_cached(client, two_courses):
    loom, _ = two_courses
    PageViewRestriction.objects.create(
        page=loom, restriction_type=PageViewRestriction.LOGIN
    )
    first, second = get_twice(client, loom.url)
    assert first.status_code == second.status_code == 302


def test_an_unknown_address_is_a_404_every_time(client, two_courses):
    first, second = get_twice(client, "/courses/no-such-course/")
    assert first.status_code == second.status_code == 404


def test_an_alias_is_served_at_its_own_address(client, two_courses):
    loom, dye = two_courses
    lesson = f.lesson(course=loom, title="Oiling the shuttle")
    alias = lesson.create_alias(parent=dye, update_slug="oiling-alias")
    client.force_login(f.mentor())
    first, second = get_twice(client, alias.url)
    assert first.status_code == second.status_code
    assert (first.content == second.content) or first.status_code != 200


def test_each_language_gets_its_own_page(client, two_courses):
    """The same path under /zh-hans/ is the Chinese page, not the cached English one."""
    loom, _ = two_courses
    f.translate(loom.get_parent().specific, title="课程")
    chinese = f.translate(loom, title="织机保养")
    get_twice(client, loom.url)
    get_twice(client, chinese.url)
    assert "织机保养" in client.get(chinese.url).content.decode()
    assert "织机保养" not in client.get(loom.url).content.decode()
