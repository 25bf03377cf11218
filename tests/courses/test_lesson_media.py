"""Lesson videos: MP4 and WebM uploads (size-limited, really videos) with WebVTT
captions, played in an HTML5 player with a poster; links to intranet hosts without
a dot accepted."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from courses.blocks import VideoBlock
from lms.roles import Role
from lms.validators import validate_intranet_url
from tests.home.factories import ImageFactory
from tests.lms.factories import UserFactory
from tests.lms.helpers import give_totp

MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nOpen the guard.\n"


@pytest.mark.parametrize(
    "url",
    [
        "http://mediaserver/v.mp4",
        "https://media-01:8080/lessons/loom.webm?t=3",
        "http://video.mill.local/threading",
    ],
)
def test_intranet_links_are_accepted(url):
    validate_intranet_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://mediaserver/v.mp4",
        "http://",
        "http://media server/v.mp4",
        "http://mediaserver:99999/v.mp4",
        "mediaserver/v.mp4",
    ],
)
def test_other_links_are_refused_with_a_message(url):
    with pytest.raises(ValidationError, match="web address"):
        validate_intranet_url(url)


def test_the_video_block_accepts_a_link_without_a_dot():
    value = VideoBlock().to_python(
        {"title": "Threading", "url": "http://mediaserver/v.mp4"}
    )
    assert VideoBlock().clean(value)["url"] == "http://mediaserver/v.mp4"


def test_a_linked_mp4_plays_in_the_page():
    block = VideoBlock()
    html = block.render(
        block.to_python({"title": "Threading", "url": "http://mediaserver/v.mp4"})
    )
    assert '<video controls preload="metadata">' in html
    assert '<source src="http://mediaserver/v.mp4" type="video/mp4">' in html


def test_any_other_link_is_a_plain_link():
    block = VideoBlock()
    html = block.render(
        block.to_python({"title": "Threading", "url": "http://mediaserver/watch/7"})
    )
    assert "<video" not in html and 'href="http://mediaserver/watch/7"' in html


@pytest.mark.django_db
def test_an_uploaded_video_plays_with_its_poster_and_captions():
    documents = get_document_model()
    video = documents.objects.create(title="Loom", file=ContentFile(WEBM, "loom.webm"))
    captions = documents.objects.create(title="Subs", file=ContentFile(VTT, "loom.vtt"))
    poster = ImageFactory()
    block = VideoBlock()
    value = block.to_python(
        {
            "title": "Threading",
            "video": video.pk,
            "captions": captions.pk,
            "poster": poster.pk,
        }
    )
    html = block.render(value)
    assert f'<source src="{video.url}" type="video/webm">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="en"' in html
    assert 'poster="/' in html


@pytest.mark.django_db
def test_captions_must_be_a_vtt_file():
    documents = get_document_model()
    video = documents.objects.create(title="Loom", file=ContentFile(MP4, "loom.mp4"))
    block = VideoBlock()
    value = block.to_python({"title": "T", "video": video.pk, "captions": video.pk})
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.fixture
def editor_client(client, db):
    client.force_login(give_totp(UserFactory(roles=[Role.EDITOR])))
    return client


def upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.parametrize(
    "name, content", [("loom.mp4", MP4), ("loom.webm", WEBM), ("loom.vtt", VTT)]
)
def test_editors_upload_mp4_webm_and_vtt(editor_client, name, content):
    response = upload(editor_client, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


def test_a_file_named_mp4_that_is_no_video_is_refused(editor_client):
    response = upload(editor_client, "loom.mp4", b"<html><script>x</script></html>")
    assert response.status_code == 200
    assert "This file is not in the MP4 format." in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_video_over_the_size_limit_is_refused(editor_client, settings):
    settings.MAX_VIDEO_BYTES = 50
    response = upload(editor_client, "loom.mp4", MP4)
    assert "The file is larger than" in response.content.decode()
    assert not get_document_model().objects.exists()
