"""Uploads and identifiers are checked before anything is saved."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lms.validators import validate_credit_code, validate_image_file
from tests.lms.factories import valid_credit_code


def png_bytes(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#b3261e").save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(width=10_000, height=10_000) -> bytes:
    """A tiny file that would decode to 100 megapixels."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_a_real_small_image_passes():
    validate_image_file(SimpleUploadedFile("a.png", png_bytes()))


def test_a_text_file_named_png_is_refused():
    upload = SimpleUploadedFile("avatar.png", b"hello, I am not a picture")
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload)
    assert error.value.code == "not_an_image"


def test_a_decompression_bomb_is_refused_without_decoding_it():
    data = bomb_png()
    assert len(data) < 100_000
    with pytest.raises(ValidationError) as error:
        validate_image_file(SimpleUploadedFile("bomb.png", data))
    assert error.value.code == "image_too_many_pixels"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MAX_AVATAR_BYTES = 1024
    upload = SimpleUploadedFile("big.png", png_bytes(400, 400) + b"\0" * 2048)
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload)
    assert error.value.code == "image_too_large"


def test_a_truncated_image_is_refused():
    upload = SimpleUploadedFile("cut.png", png_bytes()[:60])
    with pytest.raises(ValidationError):
        validate_image_file(upload)


@pytest.mark.parametrize("n", [0, 1, 7, 31, 12345])
def test_well_formed_credit_codes_pass(n):
    validate_credit_code(valid_credit_code(n))


def test_a_known_real_credit_code_passes():
    # The check character of a published code (Tencent's Shenzhen company).
    validate_credit_code("9144030071526726XG")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("", "credit_code_format"),
        ("91440300715267", "credit_code_format"),
        ("9144030071526726XO", "credit_code_format"),  # O is not in the alphabet
        ("9144030071526726XH", "credit_code_check"),
    ],
)
def test_malformed_credit_codes_are_refused(code, reason):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert error.value.code == reason
