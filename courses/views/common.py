from __future__ import annotations

from django.shortcuts import render

from lms.errors import DomainError

STATUS_FOR_CODE = {"forbidden": 403, "not_enrolled": 403, "not_found": 404}


def error_response(
    request, error: DomainError | str, *, back_url: str = "", status=None
):
    """A page with the refusal's message and a way back; 4xx, nothing changed."""
    message = error.message if isinstance(error, DomainError) else error
    code = error.code if isinstance(error, DomainError) else ""
    return render(
        request,
        "courses/refused.html",
        {"message": message, "back_url": back_url},
        status=status or STATUS_FOR_CODE.get(code, 400),
    )
