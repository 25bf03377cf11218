"""Nobody learns from the site whether an address has an account: password reset
and sign-up answer the same for a known and an unknown address; the owner of the
address is told by e-mail instead, in the language of the page they used."""

import pytest
from django.core import mail
from django.urls import reverse

from lms.models import User
from tests.lms.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "display_name": "Li Junle",
    "preferred_language": "en",
    "password1": "strong-pass-4431",
    "password2": "strong-pass-4431",
}


def _answer(response) -> tuple[int, str]:
    return response.status_code, response.get("Location", "")


def test_password_reset_answers_the_same_for_an_unknown_address(client):
    UserFactory(email="fitter@example.com")
    url = reverse("account_reset_password")
    known = client.post(url, {"email": "fitter@example.com"})
    unknown = client.post(url, {"email": "nobody@example.com"})
    assert _answer(unknown) == _answer(known)
    assert "not assigned" not in unknown.text
    assert [m.to for m in mail.outbox] == [
        ["fitter@example.com"],
        ["nobody@example.com"],
    ]
    assert "password/reset/key/" not in mail.outbox[1].body
    assert "do not have any account" in mail.outbox[1].body


def test_sign_up_with_a_taken_address_answers_as_for_a_new_one(client):
    UserFactory(email="taken@example.com", display_name="Owner")
    url = reverse("account_signup")
    new = client.post(url, {**SIGNUP, "email": "new@example.com"})
    client.logout()
    taken = client.post(url, {**SIGNUP, "email": "taken@example.com"})
    assert _answer(taken) == _answer(new)
    assert "already" not in taken.text
    assert User.objects.filter(email="taken@example.com").count() == 1
    assert User.objects.get(email="taken@example.com").display_name == "Owner"
    told = mail.outbox[-1]
    assert told.to == ["taken@example.com"]
    assert "already has an account" in told.body
    assert "/accounts/password/reset/" in told.body


def test_the_owner_is_told_in_chinese_from_the_chinese_pages(client):
    client.post("/zh-hans/accounts/password/reset/", {"email": "nobody@example.com"})
    message = mail.outbox[0]
    assert "账号" in message.subject
    assert "没有" in message.body and "do not have" not in message.body
