"""Small helpers the mentorship views share."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import HttpResponse

from lms.errors import DomainError, PermissionDenied
from lms.private_files import serve_private


def refused(
    request, error: DomainError, render_page: Callable[[], HttpResponse]
) -> HttpResponse:
    """Shows the refusal on the page it came from, answering 403 or 400."""
    messages.error(request, error.message)
    response = render_page()
    response.status_code = 403 if isinstance(error, PermissionDenied) else 400
    return response


def require(allowed: bool) -> None:
    if not allowed:
        raise Forbidden


def serve_file(
    field_file, *, download_name: str = "", thumbnail: bool = False
) -> HttpResponse:
    """A stored upload, served only after the view checked who may see it."""
    return serve_private(field_file, download_name=download_name, thumbnail=thumbnail)
