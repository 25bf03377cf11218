"""The competition page (public), the enterprise's entry form (HR), the
organiser's view and publishing. Thin: rules in ``services``, who may in
``permissions``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.events.competitions import selectors, services
from home.events.competitions.forms import EntryForm
from home.events.competitions.models import Competition, CompetitionEntry
from home.events.competitions.ranking import TIE_RULE
from lms.errors import DomainError
from lms.permissions import hr_enterprise_ids, records_for, user_can, user_may


def _competition(pk: int) -> Competition:
    return get_object_or_404(
        Competition.objects.select_related(
            "occupation", "event", "theory_lesson", "organiser"
        ),
        pk=pk,
    )


def detail(request, pk: int):
    competition = _competition(pk)
    context = selectors.competition_page(competition=competition)
    context.update(
        tie_rule=TIE_RULE,
        may_enter=user_may(request.user, "enter", Competition)
        and competition.entries_open(),
        may_manage=user_can(request.user, "manage", competition),
    )
    return render(request, "home/events/competitions/competition.html", context)


@login_required
def enter(request, pk: int):
    competition = _competition(pk)
    if not user_may(request.user, "enter", Competition):
        raise Forbidden
    form = EntryForm(
        request.POST or None,
        enterprise_ids=hr_enterprise_ids(request.user),
        competition=competition,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                entry = services.competition_entry_create(
                    user=request.user,
                    competition=competition,
                    worker=form.cleaned_data["worker"],
                )
            except DomainError as error:
                form.add_error("worker", error.message)
                status = 409
            else:
                messages.success(
                    request,
                    _("%(name)s is entered.") % {"name": entry.worker.get_full_name()},
                )
                return redirect("competitions:enter", competition.pk)
        else:
            status = 400
    mine = (
        records_for(request.user, "view", CompetitionEntry)
        .filter(
            competition=competition,
            enterprise_id__in=hr_enterprise_ids(request.user),
        )
        .select_related("worker", "enterprise")
    )
    return render(
        request,
        "home/events/competitions/enter.html",
        {
            "competition": competition,
            "form": form,
            "entries": mine,
            "is_open": competition.entries_open(),
        },
        status=status,
    )


def _managed(request, pk: int) -> Competition:
    competition = _competition(pk)
    if not user_can(request.user, "manage", competition):
        raise Forbidden
    return competition


@login_required
def manage(request, pk: int):
    competition = _managed(request, pk)
    return render(
        request,
        "home/events/competitions/manage.html",
        {
            "competition": competition,
            "standings": selectors.standings(competition=competition),
            "signed_off": selectors.practical_signed_off(competition=competition),
            "tie_rule": TIE_RULE,
        },
    )


@require_POST
@login_required
def publish(request, pk: int):
    competition = _managed(request, pk)
    try:
        services.competition_publish(user=request.user, competition=competition)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("competitions:manage", competition.pk)
    messages.success(request, _("The rankings are published."))
    return redirect("competitions:detail", competition.pk)
