"""What people may attach in mentorship (session photos, milestone evidence, request
documents): sizes and kinds for ``lms.validators.validate_upload``, the one check."""

from django.utils.translation import gettext_lazy as _

from lms.validators import validate_upload

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_PHOTO_BYTES = 8 * 1024 * 1024
DOCUMENTS = frozenset({".pdf", ".docx", ".xlsx", ".txt"})


def validate_photo(upload) -> None:
    validate_upload(upload, max_bytes=MAX_PHOTO_BYTES)


def validate_attachment(upload) -> None:
    """An image, a PDF, Word or Excel file, or plain text, at most 10 MB, whose
    contents match its extension."""
    validate_upload(
        upload,
        max_bytes=MAX_ATTACHMENT_BYTES,
        documents=DOCUMENTS,
        refusal=_("Attach a photo, PDF, Word, Excel or text file."),
    )
