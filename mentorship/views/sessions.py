"""Logging, changing, confirming and disputing guidance sessions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.errors import DomainError
from mentorship import selectors
from mentorship.forms import DisputeForm, SessionForm
from mentorship.models import GuidanceSession, GuidanceSessionPhoto
from mentorship.services import sessions as services

from .agreements import _detail_page
from .common import refused, require, serve_file


def _session_page(request, form, *, title, agreement=None, service_request=None):
    return render(
        request,
        "mentorship/session_form.html",
        {
            "form": form,
            "title": title,
            "agreement": agreement,
            "service_request": service_request,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def session_log(request, pk: int):
    agreement = selectors.agreement_for_page(user=request.user, pk=pk)
    require(permissions.user_can(request.user, "log_session", agreement))
    initial = SessionForm.defaults()
    latest = max(agreement.sessions.all(), key=lambda s: s.date, default=None)
    if latest is not None:  # mentors often come back to the same workstation
        initial.update(
            workshop=latest.workshop, line=latest.line, workstation=latest.workstation
        )
    form = SessionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.guidance_session_log(
                agreement=agreement, mentor=request.user, **form.session_kwargs()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The session is logged and sent to the apprentice to confirm."),
            )
            return redirect("mentorship:agreement_detail", agreement.pk)
    return _session_page(
        request, form, title=_("Log a guidance session"), agreement=agreement
    )


def _sessions_visible_to(user):
    """Sessions of agreements or requests the user may see."""
    return permissions.records_for(user, "view", GuidanceSession).select_related(
        "agreement", "service_request"
    )


def _session_for(request, pk: int) -> GuidanceSession:
    return get_object_or_404(_sessions_visible_to(request.user), pk=pk)


@login_required
def session_edit(request, pk: int):
    session = _session_for(request, pk)
    require(permissions.user_can(request.user, "edit", session))
    form = SessionForm(
        request.POST or None,
        request.FILES or None,
        initial=SessionForm.initial_from(session),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.guidance_session_update(
                session=session, mentor=request.user, **form.session_kwargs()
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The session is changed; the earlier version is kept.")
            )
            if session.agreement_id:
                return redirect("mentorship:agreement_detail", session.agreement_id)
            return redirect("mentorship:request_detail", session.service_request_id)
    return _session_page(
        request,
        form,
        title=_("Change the session"),
        agreement=session.agreement,
        service_request=session.service_request,
    )


def _next_url(request) -> str:
    """The page to return to (the start page's Confirm and Dispute buttons send
    their own address), if it is a path on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _back(request, session: GuidanceSession):
    return HttpResponseRedirect(  # a URL, never a view name
        _next_url(request)
        or reverse("mentorship:agreement_detail", args=[session.agreement_id])
    )


@login_required
@require_POST
def session_confirm(request, pk: int):
    session = _session_for(request, pk)
    require(permissions.user_can(request.user, "confirm", session))
    try:
        services.guidance_session_confirm(session=session, apprentice=request.user)
    except DomainError as error:
        agreement = selectors.agreement_for_page(
            user=request.user, pk=session.agreement_id
        )
        return refused(request, error, lambda: _detail_page(request, agreement))
    messages.success(request, _("Thank you: the session is confirmed."))
    return _back(request, session)


@login_required
def session_dispute(request, pk: int):
    session = _session_for(request, pk)
    require(permissions.user_can(request.user, "confirm", session))
    form = DisputeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.guidance_session_dispute(
                session=session,
                apprentice=request.user,
                comment=form.cleaned_data["comment"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your mentor is told what is wrong."))
            return _back(request, session)
    return render(
        request,
        "mentorship/form_page.html",
        {
            "form": form,
            "title": _("Dispute the session of %(date)s") % {"date": session.date},
            "back": session.agreement,
            "next": _next_url(request),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def session_photo(request, pk: int):
    photo = get_object_or_404(
        GuidanceSessionPhoto, pk=pk, session__in=_sessions_visible_to(request.user)
    )
    return serve_file(photo.image, thumbnail=request.GET.get("size") == "thumb")
