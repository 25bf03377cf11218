"""Small helpers the mentorship views share."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import FileResponse, Http404, HttpResponse

from lms.errors import DomainError, PermissionDenied


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


def serve_file(field_file, *, download_name: str = "") -> FileResponse:
    """A stored upload, served only after the view checked who may see it."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=bool(download_name),
        filename=download_name or None,
    )
