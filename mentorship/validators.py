"""Checks for the files people attach: session photos, evidence, request documents."""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.validators import validate_image_file

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_FILES_PER_UPLOAD = 6
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
DOCUMENT_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
}
TEXT_EXTENSIONS = {".txt"}


def validate_photo(upload) -> None:
    validate_image_file(upload, max_bytes=MAX_PHOTO_BYTES)


def validate_attachment(upload) -> None:
    """An image (checked as an image), a PDF, Word or Excel file, or plain text,
    at most 10 MB, whose contents match its extension."""
    ext = os.path.splitext(upload.name or "")[1].lower()
    if ext in IMAGE_EXTENSIONS:
        validate_image_file(upload, max_bytes=MAX_ATTACHMENT_BYTES)
        return
    if ext not in DOCUMENT_SIGNATURES and ext not in TEXT_EXTENSIONS:
        raise ValidationError(
            _("Attach a photo, PDF, Word, Excel or text file."), code="file_type"
        )
    if upload.size is not None and upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("The file is larger than %(mb)s MB."),
            code="file_too_large",
            params={"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    head = upload.read(8)
    upload.seek(position)
    if ext in TEXT_EXTENSIONS:
        if b"\x00" in head:
            raise ValidationError(_("This is not a text file."), code="file_type")
        return
    if not head.startswith(DOCUMENT_SIGNATURES[ext]):
        raise ValidationError(
            _("The file's contents do not match its type (%(ext)s)."),
            code="file_mismatch",
            params={"ext": ext},
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
