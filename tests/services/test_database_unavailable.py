"""A database that cannot be reached answers our translated 503 page quickly, from
wherever the error comes (a view, or a middleware loading the user); other errors
stay plain 500s. Runs in the ordinary suite (no services needed)."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client


@pytest.fixture
def client_without_raise():
    client = Client(raise_request_exception=False)
    return client


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.django_db
def test_database_error_in_a_middleware_is_a_503_page(
    client_without_raise, learner, monkeypatch, error
):
    """The user is loaded in a middleware: the database failing there gives the 503
    page ("Back in a moment", Retry-After, not cached), no traceback."""
    client_without_raise.force_login(learner)

    def down(self, request):
        raise error("connection refused")

    monkeypatch.setattr("lms.middleware.RequireMFAMiddleware._must_set_up", down)
    response = client_without_raise.get("/learning/")
    assert response.status_code == 503
    body = response.content.decode()
    assert "Back in a moment" in body
    assert "Traceback" not in body and "connection refused" not in body
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_database_error_on_a_chinese_page_is_in_chinese(
    client_without_raise, learner, monkeypatch
):
    """The page is in the language of the request (the lead translates the words)."""
    client_without_raise.force_login(learner)

    def down(self, request):
        raise OperationalError("the database system is shutting down")

    monkeypatch.setattr("lms.middleware.RequireMFAMiddleware._must_set_up", down)
    response = client_without_raise.get("/zh-hans/learning/")
    assert response.status_code == 503
    assert '<html lang="zh-hans">' in response.content.decode()


@pytest.mark.django_db
def test_any_other_error_stays_a_plain_500(client_without_raise, learner, monkeypatch):
    client_without_raise.force_login(learner)

    def broken(self, request):
        raise ValueError("a bug")

    monkeypatch.setattr("lms.middleware.RequireMFAMiddleware._must_set_up", broken)
    response = client_without_raise.get("/learning/")
    assert response.status_code == 500
    assert "Back in a moment" not in response.content.decode()
