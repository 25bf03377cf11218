"""HR's invitations (make, list, see, revoke) and the worker's way in: a link or a
typed code, then sign-up or sign-in, then "Join"."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError
from lms.forms_invitations import InvitationForm, JoinCodeForm
from lms.links import absolute_url
from lms.models import Enterprise, Invitation
from lms.rate_limits import over_limit
from lms.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_find,
    invitation_refusal,
    invitation_revoke,
)


def _require_inviter(user) -> None:
    if not permissions.records_for(user, "invite", Enterprise).exists():
        raise PermissionDenied


@login_required
def invitations(request):
    _require_inviter(request.user)
    show = "done" if request.GET.get("show") == "done" else "pending"
    visible = permissions.records_for(request.user, "view", Invitation).select_related(
        "enterprise", "created_by"
    )
    pending = visible.pending()
    rows = (
        pending if show == "pending" else visible.exclude(pk__in=pending.values("pk"))
    )
    page = Paginator(rows.prefetch_related("accepted_by"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "lms/invitations.html",
        {"page": page, "show": show, "pending_count": pending.count()},
    )


@login_required
def invitation_new(request):
    _require_inviter(request.user)
    form = InvitationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = invitation_create(
                actor=request.user,
                enterprise=data["enterprise"],
                role=data["role"],
                employee_number=data["employee_number"],
                invitee=data["invitee"],
                max_uses=data["max_uses"],
                days=data["days"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The invitation is ready: send its link or code.")
            )
            return redirect("lms:invitation", pk=invitation.pk)
    return render(
        request,
        "lms/invitation_new.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def invitation_detail(request, pk: int):
    _require_inviter(request.user)
    invitation = get_object_or_404(
        permissions.records_for(request.user, "view", Invitation).select_related(
            "enterprise", "created_by"
        ),
        pk=pk,
    )
    link = absolute_url(reverse("join:invitation", args=[invitation.code]))
    return render(
        request,
        "lms/invitation_detail.html",
        {
            "invitation": invitation,
            "link": link,
            "joined": invitation.accepted_by.all(),
        },
    )


@login_required
def invitation_revoke_view(request, pk: int):
    _require_inviter(request.user)
    invitation = get_object_or_404(
        permissions.records_for(request.user, "view", Invitation).select_related(
            "enterprise"
        ),
        pk=pk,
    )
    if request.method == "POST":
        try:
            invitation_revoke(actor=request.user, invitation=invitation)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The invitation is withdrawn; its link and code no longer work."),
            )
        return redirect("lms:invitation", pk=invitation.pk)
    return render(
        request,
        "confirm.html",
        {
            "title": _("Withdraw this invitation?"),
            "subject": f"{invitation.code} · {invitation.enterprise}",
            "explanation": _(
                "Its link and code stop working at once. People who already joined "
                "stay members."
            ),
            "action_label": _("Withdraw the invitation"),
            "cancel_url": reverse("lms:invitation", args=[invitation.pk]),
        },
    )


def _too_many_guesses(request):
    """Invitation codes are secrets: an address may try JOIN_RATE_LIMIT a minute.
    Past that, the join page with the reason (429); otherwise None."""
    if not over_limit(request, "join", settings.JOIN_RATE_LIMIT):
        return None
    return render(
        request,
        "lms/join.html",
        {"form": JoinCodeForm(), "too_many": True},
        status=429,
    )


def join(request):
    """The "Join an enterprise" page: type the code from HR."""
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST" and (refused := _too_many_guesses(request)):
        return refused
    if request.method == "POST" and form.is_valid():
        invitation = invitation_find(form.cleaned_data["code"])
        if invitation is None:
            form.add_error(
                "code",
                _("There is no invitation with this code. Check it and try again."),
            )
        else:
            return redirect("join:invitation", code=invitation.code)
    return render(
        request, "lms/join.html", {"form": form}, status=400 if form.errors else 200
    )


def join_code(request, code: str):
    """An invitation's own page: what joining gives, then sign up or sign in, then
    "Join" (a POST, so that a link preview never joins anybody)."""
    if refused := _too_many_guesses(request):
        return refused
    invitation = invitation_find(code)
    if invitation is None:
        return render(
            request,
            "lms/join.html",
            {"form": JoinCodeForm(), "unknown": True},
            status=404,
        )
    refusal = invitation_refusal(invitation)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(
                f"{reverse('account_login')}?{urlencode({'next': request.path})}"
            )
        try:
            membership = invitation_accept(user=request.user, code=invitation.code)
        except DomainError as error:
            messages.error(request, error.message)
            return redirect("join:invitation", code=invitation.code)
        messages.success(
            request,
            _("Welcome to %(enterprise)s.") % {"enterprise": membership.enterprise},
        )
        return redirect("lms:dashboard")
    here = {"next": request.path}
    return render(
        request,
        "lms/join_code.html",
        {
            "invitation": invitation,
            "refusal": refusal,
            "member": request.user.is_authenticated
            and invitation.enterprise.memberships.filter(user=request.user).exists(),
            "signup_url": f"{reverse('account_signup')}?{urlencode(here)}",
            "login_url": f"{reverse('account_login')}?{urlencode(here)}",
        },
    )
