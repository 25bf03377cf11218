"""Upload paths with random names: a file's URL reveals nothing about it (no person's
name in a scan's file name) and cannot be guessed, since /media/ is served without a
permission check."""

from __future__ import annotations

import os
import uuid

from django.utils import timezone
from django.utils.deconstruct import deconstructible


def random_upload_path(folder: str, filename: str) -> str:
    """``<folder>/<year>/<month>/<32 random hex digits><extension>``."""
    ext = os.path.splitext(filename)[1].lower()[:10]
    return f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


@deconstructible
class RandomName:
    """``upload_to=RandomName("avatars")``: ``random_upload_path`` in that folder."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return random_upload_path(self.folder, filename)

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder
