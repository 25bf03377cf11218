"""Bad input: image uploads are checked (fake files, decompression bombs), and markup
typed into names, quotes and stories is shown as text, never run."""

import json
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from lms.validators import validate_image_file
from tests.home.factories import (
    CraftsmanProfilePageFactory,
    StoryPageFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


def bomb_png(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims 900 megapixels: decoding it would exhaust
    memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    data = zlib.compress(row * 64, 9)  # only the first rows: enough to look real
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


FAKE_PNG = b"<?php echo 'not an image'; ?>" * 10


def _upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [(FAKE_PNG, "not_an_image"), (bomb_png(), "image_too_many_pixels")],
    ids=["fake-png", "bomb"],
)
def test_image_validator_refuses_fakes_and_bombs(content, code):
    upload = SimpleUploadedFile("photo.png", content, content_type="image/png")
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload, max_bytes=5 * 1024 * 1024)
    assert error.value.code == code


@pytest.mark.parametrize("content", [FAKE_PNG, bomb_png()], ids=["fake-png", "bomb"])
def test_wagtail_image_upload_refuses_fakes_and_bombs(client, editor, content):
    client.force_login(editor)
    response = _upload(client, "photo.png", content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_wagtail_image_upload_accepts_a_real_image(client, editor):
    client.force_login(editor)
    response = _upload(client, "portrait.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="portrait.png").exists()


def test_markup_in_a_name_a_quote_and_a_story_is_shown_as_text(
    client, profile_index, story_index
):
    profile = CraftsmanProfilePageFactory(
        parent=profile_index["en"],
        title=f"Han {SCRIPT}",
        summary=SCRIPT,
        quotes=json.dumps(
            [{"type": "quote", "value": {"text": SCRIPT, "attribution": SCRIPT}}]
        ),
    )
    story = StoryPageFactory(
        parent=story_index["en"],
        title=f"Story {SCRIPT}",
        summary=SCRIPT,
        author=SCRIPT,
        body=json.dumps(
            [
                {"type": "heading", "value": SCRIPT},
                {"type": "quote", "value": {"text": SCRIPT, "attribution": ""}},
            ]
        ),
    )
    story.tags.add(SCRIPT)
    story.save()
    for url in (profile.url, story.url, profile_index["en"].url, story_index["en"].url):
        html = client.get(url).text
        assert SCRIPT not in html
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
        in client.get(profile.url).text
    )


def test_rich_text_from_the_admin_is_sanitised():
    """Rich text is stored only through Wagtail's editor converter, which drops
    script elements an editor pastes."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    converter = ContentstateConverter(features=["bold", "link"])
    stored = converter.to_database_format(
        converter.from_database_format(f"<p>Safe {SCRIPT}<b>bold</b></p>")
    )
    assert "<script" not in stored


def _jpeg(size=(320, 240)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


TRUNCATED_JPEGS = {
    "header-only": _jpeg()[:300],
    "half": _jpeg()[: len(_jpeg()) // 2],
    "no-end-marker": _jpeg()[:-2],
}


@pytest.mark.parametrize("content", TRUNCATED_JPEGS.values(), ids=TRUNCATED_JPEGS)
def test_a_truncated_jpeg_in_the_wagtail_admin_is_a_form_error(client, editor, content):
    """Issue 14.10: a JPEG cut short answered 500 in the admin; now the form says so
    on the single upload, the multiple upload and the file replacement."""
    client.force_login(editor)
    response = _upload(client, "photo.jpg", content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    multiple = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("photo.jpg", content, "image/jpeg")},
    )
    assert multiple.status_code in (200, 400)
    assert not get_image_model().objects.exists()
