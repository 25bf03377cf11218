"""Mobile numbers: one stored form (E.164), sign-up with a number only (verified by
a code), sign-in by a one-time code or a password, the SMS sender, rate limits."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lms.models import User
from lms.phones import normalise_phone
from lms.roles import Role
from lms.sms import backends as sms

pytestmark = pytest.mark.django_db

PASSWORD = "strong-pass-4431"


@pytest.fixture(autouse=True)
def _empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def last_code(phone: str) -> str:
    """The code of the newest text message sent to ``phone`` (the test sender)."""
    messages = [m for m in sms.outbox if m.to == phone]
    assert messages, f"no text message to {phone}"
    return re.search(r"\b(\d{6})\b", messages[-1].body).group(1)


def phone_user(phone="+8613900138000", **extra) -> User:
    extra.setdefault("display_name", "Wang Fang")
    return User.objects.create_user(
        email=None, phone=phone, phone_verified=True, password=PASSWORD, **extra
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13900138000", "+8613900138000"),
        ("139 0013 8000", "+8613900138000"),
        ("+86 139-0013-8000", "+8613900138000"),
        ("008613900138000", "+8613900138000"),
        ("8613900138000", "+8613900138000"),
        ("＋86 13900138000", "+8613900138000"),
        ("+44 20 7946 0958", "+442079460958"),
    ],
)
def test_numbers_are_stored_in_e164_with_or_without_86(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["1390013800", "23900138000", "+86 0755 8888 1234", "139-abc-8000", "+12345", ""],
)
def test_numbers_that_are_no_mobile_number_are_refused(typed):
    with pytest.raises(ValidationError):
        normalise_phone(typed)


def test_sign_up_with_a_mobile_number_only_verifies_it_by_a_code(client):
    """No e-mail address: the code sent by text message is the verification, and
    the person is signed in as a learner with the number in E.164."""
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": "王芳",
            "phone": "139 0013 8000",
            "email": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "preferred_language": "zh-hans",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_verify_phone")
    user = User.objects.get(phone="+8613900138000")
    assert user.email is None and not user.phone_verified
    assert client.get(reverse("lms:dashboard")).status_code == 302  # not yet in

    response = client.post(
        reverse("account_verify_phone"), {"code": last_code("+8613900138000")}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.phone_verified
    assert user.groups.filter(name=Role.LEARNER).exists()
    assert client.get("/zh-hans/me/").status_code == 200


def test_a_wrong_code_does_not_verify_the_number(client):
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Wang Fang",
            "phone": "13900138000",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "preferred_language": "en",
        },
    )
    client.post(reverse("account_verify_phone"), {"code": "WRONG1"})
    assert not User.objects.get(phone="+8613900138000").phone_verified
    assert client.get(reverse("lms:dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({}, "Give a mobile number or an e-mail address"),
        ({"phone": "12345"}, "11 digits"),
        ({"phone": "139 0013 8000", "password2": "other-pass-1"}, "same password"),
    ],
)
def test_sign_up_refuses_no_contact_and_a_bad_number(client, change, message):
    phone_user()
    data = {
        "display_name": "Li Junle",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "preferred_language": "en",
        **change,
    }
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == 1


def test_signing_up_with_a_taken_number_makes_no_account_and_tells_its_owner(client):
    """allauth prevents enumeration: the page goes on to the code as usual, but the
    text message tells the number's owner, and no second account exists."""
    owner = phone_user()
    client.post(
        reverse("account_signup"),
        {
            "display_name": "Someone",
            "phone": "+86 139 0013 8000",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "preferred_language": "en",
        },
    )
    assert list(User.objects.all()) == [owner]
    assert sms.outbox[-1].to == owner.phone
    assert "already" in sms.outbox[-1].body


def test_sign_in_by_code_sent_to_the_phone(client):
    """The whole way through the pages: request a code for the number as typed,
    read it from the text message, confirm it, land on my page."""
    user = phone_user()
    response = client.post(
        reverse("account_request_login_code"), {"login": "139 0013 8000"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_confirm_login_code"))
    response = client.post(
        reverse("account_confirm_login_code"), {"code": last_code(user.phone)}
    )
    assert response.status_code == 302
    assert client.get(reverse("lms:dashboard")).status_code == 200
    assert int(client.session["_auth_user_id"]) == user.pk


def test_sign_in_by_phone_number_and_password(client):
    user = phone_user()
    response = client.post(
        reverse("account_login"), {"login": "13900138000", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_code_for_an_unknown_number_signs_nobody_in(client):
    """Enumeration stays prevented: the page looks the same, the message says no
    account uses the number, and no code works."""
    response = client.post(
        reverse("account_request_login_code"), {"login": "13700137000"}
    )
    assert response.status_code == 302
    assert "no account" in sms.outbox[-1].body
    client.post(reverse("account_confirm_login_code"), {"code": "ABC123"})
    assert "_auth_user_id" not in client.session


def test_code_requests_for_one_number_are_rate_limited():
    """allauth's limit (3 a minute for one number) holds across browsers."""
    from django.test import Client

    phone_user()
    url = reverse("account_request_login_code")
    for _ in range(3):
        assert Client().post(url, {"login": "13900138000"}).status_code == 302
    sent = len(sms.outbox)
    response = Client().post(url, {"login": "13900138000"})
    assert response.status_code == 200
    assert "Too many" in response.content.decode()
    assert len(sms.outbox) == sent


def test_the_code_message_is_in_the_persons_language():
    from lms.adapters import AccountAdapter

    user = phone_user(preferred_language="zh-hans")
    AccountAdapter().send_verification_code_sms(user, user.phone, "K7Q2P9")
    assert "K7Q2P9" in sms.outbox[-1].body
    assert re.search(r"[\u4e00-\u9fff]", sms.outbox[-1].body)


def test_the_file_sender_writes_one_file_per_message(settings, tmp_path):
    from lms.sms import send_sms

    settings.SMS_BACKEND = "lms.sms.backends.FileSender"
    settings.SMS_FILE_PATH = str(tmp_path / "sms")
    send_sms(to="+8613900138000", body="Code 123456")
    (written,) = (tmp_path / "sms").iterdir()
    assert "+8613900138000" in written.read_text() and "123456" in written.read_text()


def test_the_profile_stores_the_number_normalised_and_refuses_a_taken_one(client):
    phone_user()
    from tests.lms.factories import UserFactory

    person = UserFactory()
    client.force_login(person)
    data = {
        "display_name": "Li",
        "preferred_language": "en",
        "phone": "+86 139 0013 8000",
    }
    response = client.post(reverse("lms:profile"), data)
    assert "already uses this number" in response.content.decode()
    data["phone"] = "137 0013 7000"
    client.post(reverse("lms:profile"), data)
    person.refresh_from_db()
    assert person.phone == "+8613700137000"
