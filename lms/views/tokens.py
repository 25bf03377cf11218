"""HR's API tokens: make one (its key shown once), see when each was last used,
revoke it. The audit trail lists who changed certificates, memberships, roles and
tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms import permissions
from lms.errors import DomainError
from lms.forms import ApiTokenForm
from lms.models import ApiToken, AuditEvent
from lms.services.tokens import api_token_issue, api_token_revoke


@login_required
def api_tokens(request):
    if not permissions.user_may(request.user, "issue", ApiToken):
        raise PermissionDenied
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        try:
            token, new_key = api_token_issue(
                user=request.user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            form = ApiTokenForm()
    response = render(
        request,
        "lms/api_tokens.html",
        {
            "form": form,
            "new_key": new_key,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
        status=400 if form.errors else 200,
    )
    # The new key is in this page only: never kept by a cache or the browser.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    try:
        api_token_revoke(actor=request.user, token=token)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token is revoked."))
    return redirect("lms:api_tokens")


@login_required
def audit_trail(request):
    if not permissions.user_may(request.user, "view", AuditEvent):
        raise PermissionDenied
    events = permissions.records_for(request.user, "view", AuditEvent).select_related(
        "actor", "subject", "enterprise", "certificate"
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "lms/audit_trail.html", {"page": page})
