"""The judge's phone page, the chair's console, the hall's leaderboard. Thin: the
services hold the rules, the panel policy (``permissions.py``) who may."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as Forbidden
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.events.judging import selectors, services
from home.events.judging.forms import ConflictForm, CorrectionForm, ScoreForm
from home.events.judging.models import (
    Contestant,
    Panel,
    PanelJudge,
    Score,
)
from lms.errors import DomainError
from lms.permissions import records_for, user_can, user_may

STEPS = {
    "close": services.panel_close,
    "reveal": services.panel_reveal,
    "sign_off": services.panel_sign_off,
    "publish": services.panel_publish,
}


def _panel(request, pk: int, action: str) -> Panel:
    """The panel if the user may do ``action`` to it: 403 for a role that never may,
    404 for a panel that is not theirs."""
    if not user_may(request.user, action, Panel):
        raise Forbidden
    found = records_for(request.user, action, Panel).select_related("sheet", "chair")
    return get_object_or_404(found, pk=pk)


@login_required
def mine(request):
    """The panels the person judges, chairs or (as an organiser) follows."""
    user = request.user
    seats = Q(pk__in=PanelJudge.objects.filter(user=user).values("panel_id"))
    shown = seats | Q(chair=user)
    if user_may(user, "manage", Panel):
        shown = Q()
    panels = list(Panel.objects.filter(shown).order_by("-created_at", "-pk"))
    for panel in panels:
        panel.may_score = user_can(user, "score", panel)
        panel.may_console = user_can(user, "view_console", panel)
    return render(request, "home/events/judging/mine.html", {"panels": panels})


def _seat(request, pk: int) -> PanelJudge:
    """The user's seat on a panel they may score (one query, with the panel)."""
    if not user_may(request.user, "score", Panel):
        raise Forbidden
    seats = PanelJudge.objects.select_related("panel__sheet").filter(
        panel__in=records_for(request.user, "score", Panel), user=request.user
    )
    return get_object_or_404(seats, panel_id=pk)


def _judge_page(request, judge: PanelJudge, *, failed=None, status=200):
    """``failed``: (contestant id, bound form) to show again with its errors."""
    panel = judge.panel
    sheet = selectors.judge_sheet(panel=panel, judge=judge)
    for card in sheet["cards"]:
        contestant = card.contestant
        if failed and failed[0] == contestant.pk:
            card.form = failed[1]
        elif card.score is None and card.conflict is None:
            card.form = ScoreForm(criteria=sheet["criteria"], contestant=contestant)
            card.conflict_form = ConflictForm(contestant=contestant)
    context = {"panel": panel, "judge": judge, **sheet}
    return render(request, "home/events/judging/judge.html", context, status=status)


@login_required
def judge(request, pk: int):
    return _judge_page(request, _seat(request, pk))


def _contestant(panel: Panel, contestant_pk: int) -> Contestant:
    return get_object_or_404(Contestant.objects, panel=panel, pk=contestant_pk)


@require_POST
@login_required
def score(request, pk: int, contestant_pk: int):
    seat = _seat(request, pk)
    panel = seat.panel
    contestant = _contestant(panel, contestant_pk)
    criteria = selectors.criteria_of(panel)
    form = ScoreForm(request.POST, criteria=criteria, contestant=contestant)
    if not form.is_valid():
        return _judge_page(request, seat, failed=(contestant.pk, form), status=400)
    try:
        services.score_submit(
            user=request.user, contestant=contestant, values=form.values()
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _judge_page(request, seat, failed=(contestant.pk, form), status=409)
    messages.success(
        request,
        _("Your score of %(name)s is submitted and locked.")
        % {"name": contestant.display_name},
    )
    return redirect(reverse("judging:judge", args=[panel.pk]) + f"#c{contestant.pk}")


@require_POST
@login_required
def conflict(request, pk: int, contestant_pk: int):
    panel = _panel(request, pk, "score")
    contestant = _contestant(panel, contestant_pk)
    form = ConflictForm(request.POST, contestant=contestant)
    if form.is_valid():
        try:
            services.conflict_declare(
                user=request.user,
                contestant=contestant,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.info(
                request,
                _("Your conflict with %(name)s is recorded: you will not score them.")
                % {"name": contestant.display_name},
            )
    else:
        messages.error(request, _("Say why you have a conflict of interest."))
    return redirect("judging:judge", panel.pk)


def _console_page(request, panel, *, correction=None, status=200):
    criteria = selectors.criteria_of(panel)
    scores = list(
        Score.objects.filter(panel=panel)
        .select_related("judge__user", "contestant")
        .order_by("contestant__sort_order", "judge__sort_order")
    )
    is_chair = user_can(request.user, "chair", panel)
    if correction is None and is_chair:
        correction = CorrectionForm(scores=scores, criteria=criteria)
    context = {
        "panel": panel,
        "criteria": criteria,
        "progress": selectors.progress(panel=panel),
        "results": selectors.panel_results(panel=panel),
        "corrections": selectors.corrections_of(panel=panel),
        "correction_form": correction if scores else None,
        "is_chair": is_chair,
        "may_publish": user_can(request.user, "publish", panel),
        "may_close": user_can(request.user, "close", panel),
    }
    return render(request, "home/events/judging/console.html", context, status=status)


@login_required
def console(request, pk: int):
    return _console_page(request, _panel(request, pk, "view_console"))


@require_POST
@login_required
def correct(request, pk: int):
    panel = _panel(request, pk, "chair")
    criteria = selectors.criteria_of(panel)
    scores = list(
        Score.objects.filter(panel=panel).select_related("judge__user", "contestant")
    )
    form = CorrectionForm(request.POST, scores=scores, criteria=criteria)
    if not form.is_valid():
        return _console_page(request, panel, correction=form, status=400)
    data = form.cleaned_data
    try:
        services.score_correct(
            user=request.user,
            score=form.scores[data["score"]],
            criterion=form.criteria_by_id[data["criterion"]],
            value=data["value"],
            reason=data["reason"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _console_page(request, panel, correction=form, status=409)
    messages.success(request, _("The correction is recorded."))
    return redirect("judging:console", panel.pk)


@require_POST
@login_required
def step(request, pk: int, step: str):
    if step not in STEPS:
        raise Http404
    panel = _panel(request, pk, "view_console")
    try:
        STEPS[step](user=request.user, panel=panel)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        panel.refresh_from_db()
        messages.success(request, panel.get_status_display())
    return redirect("judging:console", panel.pk)


def _hall_context(pk: int) -> dict:
    panel = get_object_or_404(Panel.objects.select_related("sheet"), pk=pk)
    results = selectors.panel_results(panel=panel) if panel.results_shown else []
    return {"panel": panel, "results": [r for r in results if r.rank is not None]}


def hall(request, pk: int):
    """The hall's screen: the ranking once the chair revealed it; the page reloads
    its live part every few seconds (``static/js/judging-hall.js``)."""
    return render(request, "home/events/judging/hall.html", _hall_context(pk))


def hall_live(request, pk: int):
    """The leaderboard's live part, fetched by the hall page's script."""
    response = render(request, "home/events/judging/hall_board.html", _hall_context(pk))
    response["Cache-Control"] = "no-store"
    return response
