"""Upload paths: random names, so a file's URL reveals nothing and cannot be guessed."""

import os
import uuid

from django.utils import timezone


def _random_path(folder: str, filename: str) -> str:
    ext = os.path.splitext(filename)[1].lower()[:10]
    return f"mentorship/{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


def session_photo_path(instance, filename: str) -> str:
    return _random_path("sessions", filename)


def evidence_path(instance, filename: str) -> str:
    return _random_path("evidence", filename)


def request_attachment_path(instance, filename: str) -> str:
    return _random_path("requests", filename)
