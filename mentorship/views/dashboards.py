"""The mentor's dashboard and the apprentice's own view."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from lms import permissions
from mentorship import selectors

from .common import require


@login_required
def mentor_dashboard(request):
    require(permissions.is_mentor(request.user))
    return render(
        request,
        "mentorship/mentor_dashboard.html",
        selectors.mentor_dashboard(user=request.user),
    )


@login_required
def mine(request):
    """My agreements, what awaits my signature, and sessions I am asked to confirm."""
    context = selectors.apprentice_overview(user=request.user)
    context["is_mentor"] = permissions.is_mentor(request.user)
    return render(request, "mentorship/mine.html", context)
