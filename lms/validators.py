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


# Files that are not images, by extension: what the file's first bytes must be (a
# file named .pdf that is really markup would be served as a web page). MP4 has
# "ftyp" at byte 4, WebM starts with the EBML magic, WebVTT with "WEBVTT"; Word and
# Excel files are zip archives; plain text has no NUL byte.
SIGNATURES = {
    ".pdf": lambda head: head.startswith(b"%PDF-"),
    ".docx": lambda head: head.startswith(b"PK\x03\x04"),
    ".xlsx": lambda head: head.startswith(b"PK\x03\x04"),
    ".txt": lambda head: b"\x00" not in head,
    ".mp4": lambda head: head[4:8] == b"ftyp",
    ".webm": lambda head: head[:4] == b"\x1a\x45\xdf\xa3",
    ".vtt": lambda head: head.lstrip(b"\xef\xbb\xbf")[:6] == b"WEBVTT",
}
MEDIA_EXTENSIONS = {".mp4", ".webm", ".vtt"}
VIDEO_EXTENSIONS = {".mp4", ".webm"}
MAX_FILES_PER_UPLOAD = 6


def _extension(upload) -> str:
    return os.path.splitext(getattr(upload, "name", "") or "")[1].lower()


def _head(upload, size: int = 16) -> bytes:
    """The file's first bytes, leaving its position where it was."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        return upload.read(size)
    finally:
        upload.seek(position)


def _refuse_larger_than(upload, max_bytes: int) -> None:
    if upload.size is not None and upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than %(mb)s MB."),
            code="file_too_large",
            params={"mb": max_bytes // (1024 * 1024)},
        )


def validate_upload(
    upload, *, max_bytes: int, documents: frozenset[str] = frozenset(), refusal=None
) -> None:
    """The one check of a file a person attaches: an image of our formats
    (``validate_image_file``), or a document whose extension is in ``documents``
    (".pdf", ".docx", ".xlsx", ".txt") and whose first bytes match it, at most
    ``max_bytes``. ``refusal`` says what may be attached, for any other file."""
    extension = _extension(upload)
    if extension in IMAGE_EXTENSIONS or extension not in documents:
        try:
            validate_image_file(upload, max_bytes=max_bytes)
        except ValidationError as error:
            if refusal is None or extension in IMAGE_EXTENSIONS:
                raise
            raise ValidationError(refusal, code="file_type") from error
        return
    _refuse_larger_than(upload, max_bytes)
    if not SIGNATURES[extension](_head(upload)):
        raise ValidationError(
            _("The file's contents do not match its type (%(ext)s)."),
            code="file_mismatch",
            params={"ext": extension},
        )


def validate_files(uploads, validator) -> None:
    """Runs ``validator`` over several uploads; refuses too many at once."""
    if len(uploads) > MAX_FILES_PER_UPLOAD:
        raise ValidationError(
            _("Attach at most %(n)s files at a time."),
            code="too_many_files",
            params={"n": MAX_FILES_PER_UPLOAD},
        )
    for upload in uploads:
        validator(upload)


def validate_document_file(upload) -> None:
    """Documents (Wagtail's, used for downloads and lesson videos): videos up to
    ``MAX_VIDEO_BYTES``, other files up to ``MAX_DOCUMENT_BYTES``; a video or
    caption file must really be one (its first bytes), so nothing else is served
    under a video's name."""
    extension = _extension(upload)
    is_video = extension in VIDEO_EXTENSIONS
    max_bytes = settings.MAX_VIDEO_BYTES if is_video else settings.MAX_DOCUMENT_BYTES
    _refuse_larger_than(upload, max_bytes)
    if extension not in MEDIA_EXTENSIONS:
        return
    if not SIGNATURES[extension](_head(upload)):
        raise ValidationError(
            _("This file is not in the %(kind)s format."),
            code="wrong_media_type",
            params={"kind": extension[1:].upper()},
        )


def validate_intranet_url(value: str) -> None:
    """An http(s) link, where the host may be a name without a dot (a media server
    on the enterprise's own network, ``http://mediaserver/v.mp4``)."""
    from urllib.parse import urlsplit

    message = _("Enter a web address starting with http:// or https://.")
    try:
        parts = urlsplit(value)
        port = parts.port  # a bad port raises here
    except ValueError:
        raise ValidationError(message, code="invalid_url") from None
    host = parts.hostname or ""
    host_ok = host and all(
        label and len(label) < 64 and label.replace("-", "").isalnum()
        for label in host.split(".")
    )
    if (
        parts.scheme not in ("http", "https")
        or not host_ok
        or any(c.isspace() for c in value)
        or (port is not None and not 0 < port < 65536)
    ):
        raise ValidationError(message, code="invalid_url")
