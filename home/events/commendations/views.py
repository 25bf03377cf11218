"""The commendation pages: the public list of those selected, the working list of
nominations, nominating, reviewing, selecting, closing and publishing. Thin: the
services hold the rules, the policies (``permissions.py``) who may."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.events.commendations import selectors, services
from home.events.commendations.forms import NominationForm, ReviewForm, SelectionForm
from home.events.commendations.models import Commendation, Nomination
from lms.errors import DomainError
from lms.permissions import records_for, user_can


def _posted(request):
    """The form's data on a POST (an empty selection is a POST too), else None."""
    return request.POST if request.method == "POST" else None


def _commendation(pk: int) -> Commendation:
    return get_object_or_404(Commendation.objects.select_related("event"), pk=pk)


def _allowed(user, action: str, commendation: Commendation) -> None:
    if not user_can(user, action, commendation):
        raise Forbidden


def index(request):
    """Every commendation: the published ones link to their list, the others show
    where they stand."""
    found = selectors.commendation_list()
    for commendation in found:
        commendation.may_work = user_can(request.user, "view_nominations", commendation)
    return render(
        request, "home/events/commendations/index.html", {"commendations": found}
    )


def detail(request, pk: int):
    """The published list, for everyone; not found before publication."""
    commendation = _commendation(pk)
    if not commendation.is_published:
        raise Http404
    return render(
        request,
        "home/events/commendations/detail.html",
        {
            "commendation": commendation,
            "selected": selectors.published_selection(commendation=commendation),
            "event": selectors.event_in_language(commendation=commendation),
        },
    )


@login_required
def nominations(request, pk: int):
    commendation = _commendation(pk)
    _allowed(request.user, "view_nominations", commendation)
    user = request.user
    return render(
        request,
        "home/events/commendations/nominations.html",
        {
            "commendation": commendation,
            "nominations": selectors.nominations_for(
                user=user, commendation=commendation
            ),
            "may_nominate": user_can(user, "nominate", commendation),
            "may_select": user_can(user, "select", commendation),
            "may_manage": user_can(user, "manage", commendation),
            "history": selectors.commendation_history(commendation=commendation)
            if user_can(user, "manage", commendation)
            else [],
        },
    )


@login_required
def nominate(request, pk: int):
    commendation = _commendation(pk)
    _allowed(request.user, "nominate", commendation)
    form = NominationForm(_posted(request), user=request.user)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.nomination_create(
                    user=request.user, commendation=commendation, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, _("The nomination is sent to the committee."))
                return redirect("commendations:nominations", commendation.pk)
    return render(
        request,
        "home/events/commendations/nominate.html",
        {"commendation": commendation, "form": form},
        status=status,
    )


@login_required
def review(request, pk: int):
    found = records_for(request.user, "view", Nomination).select_related(
        "commendation", "craftsman", "union", "nominated_by", "profile"
    )
    nomination = get_object_or_404(found, pk=pk)
    may_review = user_can(request.user, "review", nomination)
    if request.method == "POST" and not may_review:
        raise Forbidden
    mine = nomination.reviews.filter(reviewer=request.user).first()
    initial = (
        {"recommendation": mine.recommendation, "notes": mine.notes} if mine else {}
    )
    form = ReviewForm(_posted(request), initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.nomination_review(
                    user=request.user, nomination=nomination, **form.cleaned_data
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, _("Your review is saved."))
                return redirect("commendations:nominations", nomination.commendation_id)
    return render(
        request,
        "home/events/commendations/review.html",
        {
            "nomination": nomination,
            "commendation": nomination.commendation,
            "form": form if may_review else None,
            "reviews": list(nomination.reviews.select_related("reviewer")),
            "history": selectors.nomination_history(nomination=nomination),
        },
        status=status,
    )


@login_required
def select(request, pk: int):
    commendation = _commendation(pk)
    _allowed(request.user, "select", commendation)
    form = SelectionForm(_posted(request), commendation=commendation)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.commendation_select(
                    user=request.user,
                    commendation=commendation,
                    nominations=form.cleaned_data["nominations"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, _("The selection is saved."))
                return redirect("commendations:nominations", commendation.pk)
    return render(
        request,
        "home/events/commendations/select.html",
        {"commendation": commendation, "form": form},
        status=status,
    )


def _step(request, pk: int, service, done: str):
    commendation = _commendation(pk)
    _allowed(request.user, "manage", commendation)
    try:
        service(user=request.user, commendation=commendation)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("commendations:nominations", commendation.pk)


@require_POST
@login_required
def close(request, pk: int):
    return _step(
        request,
        pk,
        services.commendation_close_nominations,
        _("Nominations are closed: the committee may review them."),
    )


@require_POST
@login_required
def publish(request, pk: int):
    return _step(
        request,
        pk,
        services.commendation_publish,
        _("The list is published; the craftsmen's profiles show the honour."),
    )
