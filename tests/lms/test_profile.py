"""A person edits their own profile and language; bad uploads change nothing."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.lms.test_validators import bomb_png, png_bytes

pytestmark = pytest.mark.django_db


def profile_data(**change):
    return {
        "display_name": "Wang Fang",
        "first_name": "",
        "last_name": "",
        "phone": "+86 138-0000-0000",
        "preferred_language": "en",
        **change,
    }


def test_profile_saves_name_phone_and_avatar(client, learner):
    client.force_login(learner)
    data = profile_data(avatar=SimpleUploadedFile("Wang-Fang-ID.png", png_bytes()))
    response = client.post(reverse("lms:profile"), data)
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.display_name == "Wang Fang"
    # Stored under a random name: the public URL says nothing about the person.
    assert re.fullmatch(r"avatars/\d{4}/\d{2}/[0-9a-f]{32}\.png", learner.avatar.name)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"avatar": SimpleUploadedFile("a.png", b"not an image")}, "avatar"),
        ({"avatar": SimpleUploadedFile("bomb.png", bomb_png())}, "avatar"),
        ({"display_name": "x" * 200}, "display_name"),
        ({"phone": "call me maybe"}, "phone"),
        ({"preferred_language": "fr"}, "preferred_language"),
    ],
)
def test_bad_profile_input_shows_the_error_and_saves_nothing(
    client, learner, change, field
):
    client.force_login(learner)
    before = learner.display_name
    response = client.post(reverse("lms:profile"), profile_data(**change))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    learner.refresh_from_db()
    assert learner.display_name == before
    assert not learner.avatar


def test_choosing_chinese_also_sets_the_admin_language(client, learner):
    client.force_login(learner)
    client.post(reverse("lms:profile"), profile_data(preferred_language="zh-hans"))
    learner.refresh_from_db()
    assert learner.preferred_language == "zh-hans"
    assert UserProfile.get_for_user(learner).preferred_language == "zh-hans"


def test_language_switch_remembers_the_choice_and_goes_to_the_translated_page(
    client, learner
):
    client.force_login(learner)
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": "/me/"}
    )
    assert response["Location"] == "/zh-hans/me/"
    learner.refresh_from_db()
    assert learner.preferred_language == "zh-hans"


def test_language_switch_works_for_visitors(client):
    response = client.post(
        reverse("set_language"), {"language": "zh-hans", "next": "/"}
    )
    assert response.status_code == 302
    assert client.get("/zh-hans/").status_code == 200
