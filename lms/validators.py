"""Validators for uploads and identifiers, shared by every app."""

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Unified social credit code (GB 32100-2015): 18 characters from this alphabet,
# the last one a check character over the first seventeen.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    total = sum(
        CREDIT_CODE_ALPHABET.index(c) * w
        for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    code = (value or "").strip().upper()
    if len(code) != 18 or any(c not in CREDIT_CODE_ALPHABET for c in code):
        raise ValidationError(
            _(
                "A unified social credit code has 18 characters (digits and capitals "
                "except I, O, S, V, Z)."
            ),
            code="credit_code_format",
        )
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError(
            _("This unified social credit code fails its check digit; check it."),
            code="credit_code_check",
        )


# The image formats we take, and the file name extensions they may carry: anything
# else (an .html or .svg that is also a valid GIF, say) would be served as markup.
IMAGE_FORMATS = {"JPEG", "MPO", "PNG", "GIF", "WEBP", "AVIF"}
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}


def validate_image_file(upload, *, max_bytes: int | None = None) -> None:
    """Refuse anything that is not a real image of our formats with an image file
    name, is too large in bytes, would decode to more than ``MAX_IMAGE_PIXELS`` (a
    decompression bomb), or does not decode to the end (a truncated file)."""
    max_bytes = max_bytes or settings.MAX_AVATAR_BYTES
    max_pixels = settings.MAX_IMAGE_PIXELS
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The image is larger than %(mb)s MB."),
            code="image_too_large",
            params={"mb": max_bytes // (1024 * 1024)},
        )
    name = getattr(upload, "name", "") or ""
    if name and os.path.splitext(name)[1].lower() not in IMAGE_EXTENSIONS:
        raise ValidationError(
            _("This file is not an image we can read (JPEG, PNG, GIF or WebP)."),
            code="not_an_image",
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ValidationError(
                        _("The image has more than %(mp)s megapixels."),
                        code="image_too_many_pixels",
                        params={"mp": max_pixels // 1_000_000},
                    )
                if image.format not in IMAGE_FORMATS:
                    raise ValueError(image.format)
                image.verify()
            # verify() checks the structure only; decoding proves the pixels are
            # all there (the pixel count above bounds the work).
            upload.seek(position)
            with Image.open(upload) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image has more than %(mp)s megapixels."),
            code="image_too_many_pixels",
            params={"mp": max_pixels // 1_000_000},
        ) from None
    except Exception:
        raise ValidationError(
            _("This file is not an image we can read (JPEG, PNG, GIF or WebP)."),
            code="not_an_image",
        ) from None
    finally:
        if hasattr(upload, "seek"):
            upload.seek(position)
