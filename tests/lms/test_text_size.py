"""The text-size switch (适老化): three sizes, kept on the account of a signed-in
person and in a cookie for a visitor, applied to every page as the root's class."""

import pytest
from django.urls import reverse

from lms import text_size
from lms.errors import DomainError
from lms.models import User
from lms.services.accounts import user_set_text_size

pytestmark = pytest.mark.django_db
SWITCH = reverse("set_text_size")


def test_at_least_three_sizes_are_offered():
    assert len(text_size.TextSize.values) >= 3


def test_a_signed_in_persons_size_is_kept_on_the_account(client, learner):
    client.force_login(learner)
    response = client.post(SWITCH, {"size": "larger", "next": "/me/"})
    assert response.status_code == 302 and response.url == "/me/"
    assert User.objects.get(pk=learner.pk).text_size == "larger"
    # ...and shown on every page afterwards, also in another session.
    client.logout()
    client.force_login(learner)
    for url in ("/me/", reverse("lms:profile"), reverse("lms:inbox")):
        assert 'class="text-larger"' in client.get(url).content.decode()


def test_a_visitors_size_is_kept_in_a_cookie(client):
    response = client.post(SWITCH, {"size": "large", "next": "/"})
    assert response.cookies[text_size.COOKIE].value == "large"
    html = client.get(reverse("account_login")).content.decode()
    assert 'class="text-large"' in html
    assert 'aria-pressed="true">A+' in html


def test_an_unknown_size_changes_nothing_and_says_so(client, learner):
    client.force_login(learner)
    response = client.post(SWITCH, {"size": "huge", "next": "/me/"}, follow=True)
    assert "That text size is not offered." in response.content.decode()
    assert User.objects.get(pk=learner.pk).text_size == "normal"
    assert text_size.COOKIE not in response.cookies


def test_the_switch_returns_only_to_this_site(client):
    response = client.post(SWITCH, {"size": "large", "next": "https://evil.example/"})
    assert response.url == "/"


def test_the_service_refuses_an_unknown_size(learner):
    with pytest.raises(DomainError):
        user_set_text_size(user=learner, size="huge")


def test_anonymous_cached_pages_are_kept_per_text_size(rf, settings):
    """The anonymous page cache keys on the size, so a visitor reading large text
    never gets a page rendered in standard size."""
    from lms.page_cache import _key

    plain = rf.get("/")
    large = rf.get("/")
    large.COOKIES[text_size.COOKIE] = "large"
    assert _key(plain, 1) != _key(large, 1)
