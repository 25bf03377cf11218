"""Upload paths of this app (named functions: the migrations refer to them)."""

from lms.uploads import random_upload_path


def session_photo_path(instance, filename: str) -> str:
    return random_upload_path("mentorship/sessions", filename)


def evidence_path(instance, filename: str) -> str:
    return random_upload_path("mentorship/evidence", filename)


def request_attachment_path(instance, filename: str) -> str:
    return random_upload_path("mentorship/requests", filename)
