"""The voting page, the published results and the organisers' live counts. Thin:
the service holds the rules (``home.events.voting.services``), the policies
(``home.events.voting.permissions``) who may."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.events.voting import selectors, services
from home.events.voting.models import Ballot
from lms.errors import DomainError, PermissionDenied
from lms.permissions import user_may
from lms.rate_limits import over_limit


def _ballot(pk: int, ballots=None) -> Ballot:
    found = selectors.ballot_with_options(pk=pk, ballots=ballots)
    if found is None:
        raise Http404
    return found


def _state(ballot: Ballot) -> dict:
    return {
        "ballot": ballot,
        "open": ballot.is_open(),
        "closed": ballot.has_closed(),
    }


def _page(request, ballot: Ballot, *, error: str = "", status: int = 200):
    return render(
        request,
        "home/events/voting/ballot.html",
        {
            **_state(ballot),
            "options": ballot.options.all(),
            "may_count": user_may(request.user, "view_counts", Ballot),
            "my_vote": selectors.vote_of(user=request.user, ballot=ballot),
            "error": error,
            "chosen": request.POST.get("option", ""),
        },
        status=status,
    )


def ballot(request, pk: int):
    """The options as large radio cards while voting is open; before it opens and
    after it closes, the options without a form (and the link to the results)."""
    return _page(request, _ballot(pk))


@require_POST
@login_required
def vote(request, pk: int):
    ballot = _ballot(pk)
    if over_limit(
        request, "vote", settings.VOTE_RATE_LIMIT, who=f"user:{request.user.pk}"
    ):
        error = _("Too many votes sent from your account. Wait a minute.")
        return _page(request, ballot, error=error, status=429)
    try:
        services.vote_cast(
            user=request.user, ballot=ballot, option_id=request.POST.get("option")
        )
    except PermissionDenied as refused:
        return _page(request, ballot, error=refused.message, status=403)
    except DomainError as refused:
        status = 400 if refused.code == "not_an_option" else 409
        return _page(request, ballot, error=refused.message, status=status)
    messages.success(request, _("Thank you: your vote is counted."))
    return redirect("voting:ballot", ballot.pk)


def results(request, pk: int):
    """The totals once voting has closed; before, when they will be published."""
    ballot = _ballot(pk)
    context = _state(ballot)
    if context["closed"]:
        context["options"], context["total"] = selectors.tally(ballot=ballot)
    return render(request, "home/events/voting/results.html", context)


@login_required
def counts(request, pk: int):
    """The organisers' live counts, also while voting is open (the public's totals
    wait for the closing time)."""
    if not user_may(request.user, "view_counts", Ballot):
        raise Forbidden
    ballot = _ballot(pk, ballots=Ballot.objects.all())
    options, total = selectors.tally(ballot=ballot)
    return render(
        request,
        "home/events/voting/counts.html",
        {**_state(ballot), "options": options, "total": total},
    )
