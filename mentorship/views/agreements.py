"""Agreement screens: list, set-up, the agreement page with its actions, the printable
page and PDF, milestones and the apprentice's progress page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.errors import DomainError
from mentorship import selectors
from mentorship.forms import AgreementForm, MilestoneForm, ReasonForm, SignOffForm
from mentorship.models import Agreement, AgreementSignature, Milestone
from mentorship.pdf import agreement_pdf_bytes
from mentorship.services import agreements as services
from mentorship.services import milestones as milestone_services

from .common import refused, require, serve_file


@login_required
def agreement_list(request):
    """The agreements the person may see, searched by ``?q=`` (apprentice, mentor or
    occupation) and narrowed by ``?status=``, with the count in each status."""
    status = request.GET.get("status", "")
    if status not in Agreement.Status.values:
        status = ""
    text = request.GET.get("q", "").strip()[:100]
    found = selectors.agreement_search(user=request.user, text=text, status=status)
    page = Paginator(found["agreements"], 25).get_page(request.GET.get("page"))
    return render(
        request,
        "mentorship/agreement_list.html",
        {
            "page": page,
            "status": status,
            "status_label": Agreement.Status(status).label if status else "",
            "q": text,
            "query_string": urlencode(
                {k: v for k, v in (("q", text), ("status", status)) if v}
            ),
            "totals": found["totals"],
            "total": found["total"],
            "statuses": Agreement.Status.choices,
            "can_create": permissions.user_may(request.user, "create", Agreement),
        },
    )


@login_required
def agreement_create(request):
    require(permissions.user_may(request.user, "create", Agreement))
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                coordinator=request.user, **form.terms()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The draft agreement is saved."))
            return redirect("mentorship:agreement_detail", agreement.pk)
    return _form_page(request, form, title=_("New mentorship agreement"))


@login_required
def agreement_edit(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    require(permissions.user_can(request.user, "manage", agreement))
    form = AgreementForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(
                agreement=agreement, actor=request.user, **form.terms()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The agreement is saved."))
            return redirect("mentorship:agreement_detail", agreement.pk)
    return _form_page(request, form, title=_("Change the agreement"), back=agreement)


def _form_page(request, form, *, title, back=None, status=None, **extra):
    """A form on a page of its own; ``extra`` may name a ``submit_label``, an
    ``explanation`` and ``danger`` (an action that ends something)."""
    status = status or (400 if form.is_bound and form.errors else 200)
    return render(
        request,
        "mentorship/form_page.html",
        {"form": form, "title": title, "back": back, **extra},
        status=status,
    )


def _actions(user, agreement: Agreement) -> dict:
    """What this person may do on the agreement page (asked once, here)."""
    Status = Agreement.Status
    signed_parties = {s.party for s in agreement.signatures.all()}
    my_party = (
        AgreementSignature.Party.MENTOR
        if user.pk == agreement.mentor_id
        else AgreementSignature.Party.APPRENTICE
    )
    manage = permissions.user_can(user, "manage", agreement)
    return {
        "manage": manage,
        "edit": manage and agreement.status == Status.DRAFT,
        "send": manage and agreement.status == Status.DRAFT,
        "approve": manage
        and agreement.status == Status.AWAITING_SIGNATURES
        and {"mentor", "apprentice"} <= signed_parties,
        "terminate": manage and agreement.is_open,
        "sign": permissions.user_can(user, "sign", agreement)
        and agreement.status == Status.AWAITING_SIGNATURES
        and my_party not in signed_parties,
        "complete": permissions.user_can(user, "complete", agreement)
        and agreement.status == Status.ACTIVE,
        "add_milestone": permissions.user_can(user, "manage_milestones", agreement)
        and agreement.is_open,
        "sign_off": permissions.user_can(user, "log_session", agreement)
        and agreement.status == Status.ACTIVE,
        "log_session": permissions.user_can(user, "log_session", agreement)
        and agreement.status == Status.ACTIVE,
        "edit_session": permissions.user_can(user, "log_session", agreement)
        and agreement.status == Status.ACTIVE,
        "confirm_session": user.pk == agreement.apprentice_id,
    }


def _detail_page(request, agreement: Agreement):
    return render(
        request,
        "mentorship/agreement_detail.html",
        {
            "agreement": agreement,
            "can": _actions(request.user, agreement),
            "sessions": agreement.sessions.all(),
            "hours_confirmed": selectors.hours(agreement.confirmed_minutes),
        },
    )


@login_required
def agreement_detail(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    return _detail_page(request, agreement)


def _transition(request, pk: int, action, success: str):
    """Runs one POSTed step on an agreement the user can see; a refusal is shown on
    the agreement page with nothing changed."""
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    try:
        action(agreement)
    except DomainError as error:
        return refused(request, error, lambda: _detail_page(request, agreement))
    messages.success(request, success)
    return redirect("mentorship:agreement_detail", pk)


@login_required
@require_POST
def agreement_send(request, pk: int):
    return _transition(
        request,
        pk,
        lambda a: services.agreement_send_for_signature(
            agreement=a, actor=request.user
        ),
        _("The agreement is sent to the mentor and the apprentice to sign."),
    )


@login_required
@require_POST
def agreement_sign(request, pk: int):
    return _transition(
        request,
        pk,
        lambda a: services.agreement_sign(agreement=a, user=request.user),
        _("You signed the agreement."),
    )


@login_required
@require_POST
def agreement_approve(request, pk: int):
    return _transition(
        request,
        pk,
        lambda a: services.agreement_approve(agreement=a, actor=request.user),
        _("The agreement is approved and now active."),
    )


@login_required
def agreement_complete(request, pk: int):
    """GET asks for confirmation on a page of its own (it ends the agreement);
    POST completes it."""
    if request.method == "POST":
        return _transition(
            request,
            pk,
            lambda a: services.agreement_complete(agreement=a, actor=request.user),
            _("The agreement is completed."),
        )
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    require(permissions.user_can(request.user, "complete", agreement))
    return render(
        request,
        "confirm.html",
        {
            "title": _("Complete the agreement?"),
            "subject": str(agreement),
            "explanation": _(
                "Completing ends the agreement: no more sessions can be logged and "
                "no milestones signed off. This cannot be undone."
            ),
            "action_label": _("Yes, complete the agreement"),
            "cancel_url": reverse("mentorship:agreement_detail", args=[pk]),
        },
    )


@login_required
def agreement_terminate(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    require(permissions.user_can(request.user, "manage", agreement))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_terminate(
                agreement=agreement,
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The agreement is terminated."))
            return redirect("mentorship:agreement_detail", pk)
    return _form_page(
        request,
        form,
        title=_("Terminate the agreement"),
        back=agreement,
        danger=True,
        submit_label=_("Terminate the agreement"),
        explanation=_(
            "Terminating ends the agreement before its time: no more sessions can "
            "be logged. This cannot be undone."
        ),
    )


@login_required
def agreement_print(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    return render(request, "mentorship/agreement_print.html", {"agreement": agreement})


@login_required
def agreement_pdf(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    response = HttpResponse(
        agreement_pdf_bytes(agreement), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="mentorship-agreement-{agreement.pk}.pdf"'
    )
    return response


@login_required
def agreement_progress(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    context = selectors.agreement_progress(agreement=agreement)
    context.update(
        agreement=agreement,
        can_view_hours=True,  # whoever sees the progress sees the hours record
    )
    return render(request, "mentorship/agreement_progress.html", context)


# --- milestones ----------------------------------------------------------------


@login_required
def milestone_add(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    require(permissions.user_can(request.user, "manage_milestones", agreement))
    form = MilestoneForm(
        request.POST or None,
        initial={"target_date": agreement.end_date},
    )
    if request.method == "POST" and form.is_valid():
        try:
            milestone_services.milestone_add(
                agreement=agreement, actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The milestone is added."))
            return redirect("mentorship:agreement_detail", pk)
    return _form_page(request, form, title=_("New milestone"), back=agreement)


def _milestone_for(request, pk: int) -> Milestone:
    """A milestone of an agreement the user may see, or 404."""
    visible = permissions.records_for(request.user, "view", Milestone)
    return get_object_or_404(visible.select_related("agreement", "occupation"), pk=pk)


@login_required
def milestone_sign_off(request, pk: int):
    milestone = _milestone_for(request, pk)
    require(permissions.user_can(request.user, "sign_off", milestone))
    form = SignOffForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            milestone_services.milestone_sign_off(
                milestone=milestone,
                mentor=request.user,
                evidence=form.cleaned_data["evidence"],
                evidence_file=form.cleaned_data["evidence_file"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The milestone is signed off."))
            return redirect("mentorship:agreement_detail", milestone.agreement_id)
    return _form_page(
        request,
        form,
        title=_("Sign off: %(title)s") % {"title": milestone.title},
        back=milestone.agreement,
    )


@login_required
def milestone_evidence(request, pk: int):
    milestone = _milestone_for(request, pk)
    return serve_file(
        milestone.evidence_file,
        download_name=f"evidence-{milestone.pk}{_ext(milestone.evidence_file.name)}",
    )


def _ext(name: str) -> str:
    import os

    return os.path.splitext(name or "")[1].lower()
