"""The anonymous page cache (lms/page_cache.py) serves public pages to visitors who are
not signed in, never shares a CSRF token or a signed-in page, and empties when a page
is published. The bench floor view is routed only by the bench settings' URLs."""

import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client, RequestFactory

from lms import page_cache
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture
def cache_on(settings):
    settings.ANON_PAGE_CACHE_SECONDS = 300


def _token(response) -> str:
    return TOKEN.search(response.content.decode()).group(1)


def test_second_anonymous_view_is_a_cache_hit_without_queries(
    home, cache_on, django_assert_num_queries
):
    first = Client().get("/")
    assert first.status_code == 200 and "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = Client().get("/")
    assert second["X-Page-Cache"] == "hit"
    assert "Cookie" in second["Vary"]
    assert home["en"].title in second.content.decode()


def test_each_visitor_gets_a_csrf_token_of_their_own_that_works(home, cache_on):
    first = Client()
    first_page = first.get("/")
    second = Client(enforce_csrf_checks=True)
    page = second.get("/")
    assert page["X-Page-Cache"] == "hit"
    assert page_cache.CSRF_PLACEHOLDER not in page.content.decode()
    secret = second.cookies["csrftoken"].value
    assert _unmask_cipher_token(_token(page)) == secret
    assert _unmask_cipher_token(_token(page)) != _unmask_cipher_token(
        _token(first_page)
    )
    # The token really is accepted: switching language is a CSRF-protected POST.
    switched = second.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/", "csrfmiddlewaretoken": _token(page)},
    )
    assert switched.status_code == 302


def test_signed_in_visitors_neither_read_nor_fill_the_cache(home, cache_on):
    member = Client()
    member.force_login(UserFactory(display_name="Signed In Person"))
    mine = member.get("/")
    assert "X-Page-Cache" not in mine
    anonymous = Client().get("/")
    assert "X-Page-Cache" not in anonymous  # the member's page was not stored
    assert "Signed In Person" not in anonymous.content.decode()
    assert Client().get("/")["X-Page-Cache"] == "hit"
    again = member.get("/")
    assert "X-Page-Cache" not in again


def test_publishing_a_page_empties_the_cache(
    home, cache_on, django_capture_on_commit_callbacks
):
    Client().get("/")
    assert Client().get("/")["X-Page-Cache"] == "hit"
    page = home["en"]
    page.title = "A freshly published title"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    fresh = Client().get("/")
    assert "X-Page-Cache" not in fresh
    assert "A freshly published title" in fresh.content.decode()


def test_query_strings_and_languages_are_cached_apart(home, cache_on):
    Client().get("/")
    assert "X-Page-Cache" not in Client().get("/?page=2")
    chinese = Client().get("/zh-hans/")
    assert "X-Page-Cache" not in chinese
    assert chinese["Content-Language"] == "zh-hans"


def test_off_unless_configured(home, settings):
    settings.ANON_PAGE_CACHE_SECONDS = 0
    Client().get("/")
    assert "X-Page-Cache" not in Client().get("/")


def test_views_not_listed_are_not_cached(home, cache_on):
    for url in ("/verify/", "/accounts/login/"):
        Client().get(url)
        assert "X-Page-Cache" not in Client().get(url)


def test_requests_with_a_session_cookie_or_post_bypass_the_cache(home, cache_on):
    Client().get("/")
    with_cookie = Client()
    with_cookie.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in with_cookie.get("/")
    assert "X-Page-Cache" not in Client().head("/")


@pytest.mark.parametrize(
    "change",
    ["cookie", "private", "status", "session"],
)
def test_answers_that_set_cookies_or_are_private_are_not_stored(change, settings):
    settings.ANON_PAGE_CACHE_VIEWS = ["wagtail_serve"]
    request = RequestFactory().get("/")
    request.resolver_match = type("Match", (), {"view_name": "wagtail_serve"})()
    response = HttpResponse("page")
    assert page_cache._response_cacheable(request, response)
    if change == "cookie":
        response.set_cookie("seen", "1")
    elif change == "private":
        response["Cache-Control"] = "private"
    elif change == "status":
        response.status_code = 404
    else:
        request.session = type("Session", (), {"modified": True})()
    assert not page_cache._response_cacheable(request, response)


def test_a_secret_shown_unmasked_is_never_stored():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "s" * 32
    assert page_cache._strip_csrf(request, "<p>" + "s" * 32 + "</p>") is None


@pytest.mark.django_db
@pytest.mark.parametrize("urlconf", ["config.urls", "bench.urls"])
def test_the_bench_floor_view_is_routed_only_by_the_bench_urls(
    urlconf, settings, client
):
    """The production URLs have no benchmark route; the bench settings' URLs do."""
    settings.ROOT_URLCONF = urlconf
    response = client.get("/bench/floor/1234/")
    if urlconf == "bench.urls":
        assert response.status_code == 200 and response.content == b"x" * 1234
    else:
        assert response.status_code == 404


def test_revoking_a_certificate_turns_its_cached_verification_page_at_once(
    cache_on, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from lms.certification.services.certificates import certificate_revoke
    from lms.roles import Role
    from tests.lms.certification.factories import SkillCertificateFactory
    from tests.lms.helpers import give_totp

    certificate = SkillCertificateFactory()
    url = reverse("certification:verify", args=[certificate.verification_code])
    Client().get(url)
    assert Client().get(url)["X-Page-Cache"] == "hit"
    officer = give_totp(UserFactory(roles=[Role.OFFICER]))
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(actor=officer, certificate=certificate, reason="Forged")
    fresh = Client().get(url)
    assert "X-Page-Cache" not in fresh
    assert "Revoked" in fresh.content.decode()
