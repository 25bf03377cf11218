"""Fuzzed uploads against every upload validator: random bytes, real images cut or
corrupted anywhere, and a decompression bomb. A validator either accepts a readable
image or raises ValidationError with a message; nothing else ever escapes."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.certification.models.certificates import (
    validate_attachment as certificate_scan,
)
from lms.validators import validate_image_file
from mentorship.validators import validate_attachment as request_attachment
from mentorship.validators import validate_photo

from .uploads import FORMATS, bomb_png, image_bytes, upload

FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

VALIDATORS = {
    "avatar and practical evidence": lambda f: validate_image_file(f, max_bytes=10**7),
    "session photo": validate_photo,
    "service request attachment": request_attachment,
    "certificate scan": certificate_scan,
}
IMAGES = {fmt: image_bytes(fmt) for fmt in FORMATS}


def refused(validator, data: bytes, name: str) -> bool:
    """True when refused with a readable message; False when accepted."""
    try:
        validator(upload(data, name))
    except ValidationError as error:
        assert error.messages and all(error.messages)
        return True
    return False


@pytest.mark.parametrize("validator", VALIDATORS.values(), ids=VALIDATORS.keys())
@FUZZ
@given(data=st.binary(max_size=4096), ext=st.sampled_from([".png", ".jpg", ".pdf"]))
def test_random_bytes_are_refused_with_a_message(validator, data, ext):
    if ext == ".pdf" and data.startswith(b"%PDF-"):
        return  # a PDF signature is all a document check can ask
    assert refused(validator, data, f"upload{ext}")


@pytest.mark.parametrize("validator", VALIDATORS.values(), ids=VALIDATORS.keys())
@FUZZ
@given(fmt=st.sampled_from(sorted(FORMATS)), cut=st.floats(0.0, 0.9))
def test_images_cut_short_are_refused(validator, fmt, cut):
    data = IMAGES[fmt]
    assert refused(validator, data[: int(len(data) * cut)], f"cut{FORMATS[fmt]}")


@pytest.mark.parametrize("validator", VALIDATORS.values(), ids=VALIDATORS.keys())
@FUZZ
@given(
    fmt=st.sampled_from(sorted(FORMATS)),
    at=st.floats(0.0, 1.0, exclude_max=True),
    junk=st.binary(min_size=1, max_size=16),
)
def test_corrupted_images_never_raise_anything_but_a_validation_error(
    validator, fmt, at, junk
):
    data = IMAGES[fmt]
    position = int(len(data) * at)
    refused(validator, data[:position] + junk + data[position + len(junk) :], "x.png")


@pytest.mark.parametrize("validator", VALIDATORS.values(), ids=VALIDATORS.keys())
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_real_images_are_accepted(validator, fmt):
    assert not refused(validator, IMAGES[fmt], f"photo{FORMATS[fmt]}")


@pytest.mark.parametrize("validator", VALIDATORS.values(), ids=VALIDATORS.keys())
def test_a_decompression_bomb_is_refused(validator):
    data = bomb_png()
    assert len(data) < 10_000
    assert refused(validator, data, "bomb.png")
