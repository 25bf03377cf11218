"""The hours record of a worker, on a page and as CSV or XLSX."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext

from lms.models import User
from lms.spreadsheets import CONTENT_TYPES, spreadsheet_response
from mentorship import hours
from mentorship.permissions import can_view_hours


def _person(request, user_id: int) -> User:
    """A worker whose hours the user may see; anyone else is not found."""
    person = get_object_or_404(User, pk=user_id, is_active=True)
    if not can_view_hours(request.user, person):
        raise Http404
    return person


def _page(request, person: User):
    entries = hours.hours_entries(user=person)
    summary = hours.hours_summary(entries)
    return render(
        request,
        "mentorship/hours.html",
        {
            "person": person,
            "entries": entries,
            "summary": summary,
            "chart": hours.hours_chart(summary),
            "is_self": person.pk == request.user.pk,
        },
    )


@login_required
def my_hours(request):
    return _page(request, request.user)


@login_required
def person_hours(request, user_id: int):
    return _page(request, _person(request, user_id))


@login_required
def hours_export(request, user_id: int, fmt: str):
    if fmt not in CONTENT_TYPES:
        raise Http404
    person = _person(request, user_id)
    entries = hours.hours_entries(user=person)
    name = slugify((person.email or "").split("@")[0]) or "worker"
    return spreadsheet_response(
        hours.export_rows(entries),
        fmt=fmt,
        filename=f"hours-{name}",
        sheet_title=gettext("Learning hours"),
    )
