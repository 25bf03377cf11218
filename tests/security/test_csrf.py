"""CSRF: every URL of our apps refuses a POST without a CSRF token, and no view of
ours is exempt except the token-authenticated API (whose session-authenticated calls
still need the token)."""

import pytest
from django.test import Client
from django.urls import reverse

from lms.services.tokens import api_token_issue

from .urlwalk import our_routes

pytestmark = pytest.mark.django_db

ROUTES = our_routes()

# Exempt on purpose, each with its reason.
EXEMPT = {
    # The size guard must be installed before the body is read; the inner view is
    # csrf_protect'ed (the walk below proves the POST is still refused).
    "import_upload": "lms.certification.views.imports",
    "verify_upload": "lms.certification.views.verify",
    # DRF: TokenAuthentication needs no CSRF; SessionAuthentication enforces it.
    "certificates": "lms.certification.views.api",
    "certificate": "lms.certification.views.api",
    "worker_certificates": "lms.certification.views.api",
}


def test_the_walk_finds_the_pages_of_every_app():
    modules = {route.module.split(".")[0] for route in ROUTES}
    assert {"lms", "courses", "mentorship", "home"} <= modules
    assert len(ROUTES) > 60


def test_no_view_of_ours_is_csrf_exempt_except_the_api():
    exempt = {
        route.name: route.module
        for route in ROUTES
        if getattr(route.callback, "csrf_exempt", False)
    }
    assert exempt == EXEMPT


@pytest.mark.parametrize("route", ROUTES, ids=[r.url for r in ROUTES])
def test_a_post_without_a_csrf_token_is_refused(route, learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(route.url, {"anything": "1"})
    assert response.status_code == 403, route.url
    assert b"CSRF" in response.content, route.url


def test_the_api_with_a_session_needs_the_csrf_token(hr_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(hr_user)
    url = reverse("api:certificates")
    assert client.get(url).status_code == 200  # reading is not a state change
    response = client.post(url, {})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_the_api_with_a_token_needs_no_csrf_token(hr_user):
    _token, key = api_token_issue(user=hr_user, name="HR system", days=30)
    client = Client(enforce_csrf_checks=True)
    url = reverse("api:certificates")
    headers = {"Authorization": f"Token {key}"}
    assert client.get(url, headers=headers).status_code == 200
    # Past authentication: refused only because the API is read-only.
    assert client.post(url, {}, headers=headers).status_code == 405


def test_a_post_with_the_token_gets_through(learner):
    """The refusal above is the CSRF check, not something else: the same POST with
    the token reaches the view."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get(reverse("lms:profile"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("lms:inbox_mark_read"), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_anonymous_posts_are_refused_too():
    client = Client(enforce_csrf_checks=True)
    for url in (reverse("account_login"), reverse("account_signup"), "/i18n/setlang/"):
        assert client.post(url, {}).status_code == 403, url
