from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from lms import dashboard as dashboard_panels
from lms import navigation, permissions, selectors, text_size
from lms.errors import DomainError
from lms.forms import ErasureRequestForm, ProfileForm
from lms.services import accounts, notifications


@login_required
def dashboard(request):
    """The signed-in person's start page: what they do next, panel by panel (each
    app contributes its own, lms.dashboard), then their pages and latest messages."""
    return render(
        request,
        "lms/dashboard.html",
        {
            "panels": dashboard_panels.build_for(request.user),
            "entries": navigation.entries_for(request.user, "personal"),
            "notifications": selectors.notifications_for(user=request.user)[:5],
        },
    )


@login_required
def profile(request):
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        user = form.save()
        accounts.user_set_language(user=user, language=user.preferred_language)
        messages.success(request, _("Your profile is saved."))
        return redirect("lms:profile")
    return render(
        request,
        "lms/profile.html",
        {
            "form": form,
            "erasure": request.user.erasure_requests.order_by("-requested_at").first(),
            "can_request_erasure": permissions.user_can(
                request.user, "request_erasure", request.user
            ),
            "erasure_form": ErasureRequestForm(),
        },
    )


@login_required
@require_POST
def personal_data_download(request):
    """The signed-in person's own data from every app, as a ZIP file."""
    from lms.services.personal_data import personal_data_export

    response = HttpResponse(
        personal_data_export(user=request.user), content_type="application/zip"
    )
    name = f"craftskills-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def inbox(request):
    page = Paginator(selectors.notifications_for(user=request.user), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "lms/inbox.html", {"page": page})


@login_required
@require_POST
def inbox_mark_read(request):
    ids = [int(i) for i in request.POST.getlist("id") if i.isdigit()] or None
    notifications.notification_mark_read(user=request.user, notification_ids=ids)
    return redirect("lms:inbox")


@require_POST
def set_language(request):
    """Django's language switch, remembered on the account of a signed-in person."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated:
        try:
            accounts.user_set_language(user=request.user, language=language)
        except DomainError:
            pass  # Django's view already ignored an unknown language.
    return response


@require_POST
def set_text_size(request):
    """The text-size switch: kept on the account of a signed-in person and in a
    cookie (a visitor's, and for the pages before signing in)."""
    size = request.POST.get("size", "")
    url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        url = "/"
    response = HttpResponseRedirect(url)  # a URL, never a view name
    if size not in text_size.TextSize.values:
        messages.error(request, _("That text size is not offered."))
        return response
    if request.user.is_authenticated:
        accounts.user_set_text_size(user=request.user, size=size)
    response.set_cookie(
        text_size.COOKIE,
        size,
        max_age=text_size.COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
