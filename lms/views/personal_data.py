"""Erasure: a person asks from their data page; staff decide the requests (approve
runs the same service as ``erase_person``, refuse gives a reason) or erase a person
directly."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.errors import DomainError
from lms.forms import EraseConfirmForm, ErasureDecisionForm, ErasureRequestForm
from lms.models import ErasureRequest, User
from lms.permissions import records_for, user_can, user_may
from lms.services.personal_data import (
    erasure_request_approve,
    erasure_request_create,
    erasure_request_refuse,
    personal_data_erase,
)


@login_required
def person_erase(request, user_id: int):
    if not permissions.is_staff(request.user):
        raise PermissionDenied
    person = get_object_or_404(User, pk=user_id)
    if not user_can(request.user, "erase", person):
        raise PermissionDenied
    form = EraseConfirmForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            personal_data_erase(user=person, actor=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The person's data is erased."))
            return redirect("wagtailusers_users:index")
    return render(
        request,
        "lms/person_erase.html",
        {"person": person, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def erasure_request(request):
    """The signed-in person asks for the erasure of their own data."""
    if not user_can(request.user, "request_erasure", request.user):
        raise PermissionDenied
    form = ErasureRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("reason", [])))
        return redirect("lms:profile")
    try:
        recorded = erasure_request_create(
            person=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Your request is recorded; it will be decided by %(date)s.")
            % {"date": formats.date_format(recorded.due_on, "DATE_FORMAT")},
        )
    return redirect("lms:profile")


@login_required
def erasure_requests(request):
    """Staff's list: requests waiting for a decision first, by due date."""
    if not user_may(request.user, "view", ErasureRequest):
        raise PermissionDenied
    requests = records_for(request.user, "view", ErasureRequest).select_related(
        "person", "decided_by"
    )
    pending = requests.filter(status=ErasureRequest.Status.PENDING)
    decided = requests.exclude(status=ErasureRequest.Status.PENDING).order_by(
        "-decided_at"
    )[:50]
    return render(
        request,
        "lms/erasure_requests.html",
        {"pending": list(pending), "decided": list(decided)},
    )


@login_required
def erasure_request_decide(request, pk: int):
    if not user_may(request.user, "view", ErasureRequest):
        raise PermissionDenied
    erasure = get_object_or_404(
        records_for(request.user, "view", ErasureRequest).select_related("person"),
        pk=pk,
    )
    if not user_can(request.user, "decide", erasure):
        raise PermissionDenied
    form = ErasureDecisionForm(request.POST or None, person=erasure.person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                erasure_request_approve(
                    erasure_request=erasure, actor=request.user, note=data["note"]
                )
            else:
                erasure_request_refuse(
                    erasure_request=erasure, actor=request.user, note=data["note"]
                )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The decision is recorded and the person told.")
            )
            return redirect("lms:erasure_requests")
    return render(
        request,
        "lms/erasure_request_decide.html",
        {"erasure": erasure, "person": erasure.person, "form": form},
        status=400 if form.errors else 200,
    )
