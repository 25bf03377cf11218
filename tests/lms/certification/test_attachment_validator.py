"""A certificate scan passes the one upload check (``lms.validators.validate_upload``):
an image or a PDF whose first bytes match, at most 10 MB; anything else is refused
with a message that says what may be attached."""

import pytest
from django.core.exceptions import ValidationError

from lms.certification.models.certificates import validate_attachment
from tests.security.uploads import image_bytes, upload

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def refusal(data: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_attachment(upload(data, name))
    return caught.value


def test_a_pdf_and_a_scanned_image_are_accepted():
    validate_attachment(upload(PDF, "scan.pdf"))
    validate_attachment(upload(image_bytes("JPEG"), "scan.jpg"))


def test_a_pdf_under_another_name_is_refused_with_what_may_be_attached():
    """A PDF named .html would be served as a web page: the name must match."""
    error = refusal(PDF, "scan.html")
    assert error.code == "file_type"
    assert "PDF or a scanned image" in error.messages[0]


def test_a_file_named_pdf_that_is_not_one_is_refused():
    assert refusal(b"<html><script>", "scan.pdf").code == "file_mismatch"


def test_a_word_file_is_not_a_certificate_scan():
    """Unlike a service request's attachments, a scan is an image or a PDF only."""
    assert refusal(b"PK\x03\x04" + b"\x00" * 32, "scan.docx").code == "file_type"


def test_a_scan_over_10_mb_is_refused():
    data = PDF + b"\x00" * (10 * 1024 * 1024)
    error = refusal(data, "scan.pdf")
    assert error.code == "file_too_large"
    assert "10 MB" in error.messages[0]
