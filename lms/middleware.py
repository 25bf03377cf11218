import sys

from django.contrib import messages
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import defaults

from lms.permissions import meets_mfa_rule
from lms.search import search_text

# Paths a user who still has to set up two-factor sign-in may open.
OPEN_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/media/", "/healthz/")


class RequireMFAMiddleware:
    """Sends users whose role requires two-factor sign-in to set it up first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up(request):
            messages.warning(
                request,
                _(
                    "Your role requires two-factor sign-in. Please set up an "
                    "authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _must_set_up(self, request) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        path = request.path_info
        parts = path.split("/", 2)
        if len(parts) > 2 and parts[1] in ("zh-hans", "en"):
            path = "/" + parts[2]
        if path.startswith(OPEN_PREFIXES):
            return False
        return not meets_mfa_rule(user)


# --- the database is unreachable: a quick, translated 503 ---------------------------
# A handler, not a middleware hook: Django turns an exception raised inside another
# middleware (the user is loaded there) into a response before any outer middleware
# sees it; handler500 is what every uncaught exception ends in. It is called while
# the exception is being handled, so sys.exc_info() names it.

DATABASE_DOWN = (OperationalError, InterfaceError)


def server_error(request):
    """``handler500``: a database that cannot be reached (restarting, failing over,
    out of connections) answers 503 with a page that asks to retry in a moment and
    needs no database itself; any other error is Django's plain 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return defaults.server_error(request)


def database_unavailable(request):
    body = loader.get_template("503.html").render(
        {"LANGUAGE_CODE": get_language() or "en"}
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "5"
    response["Cache-Control"] = "no-store"
    return response


# --- the Wagtail admin's search boxes: the site's cap ------------------------------


class AdminSearchCapMiddleware:
    """Every ``q`` sent to the Wagtail admin (image, document, page and chooser
    searches) passes through ``lms.search.search_text``: Wagtail's own query parser
    recursed once per word and a 1,000-word query ended in a RecursionError (a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "q" in request.GET and request.path_info.startswith(_admin_prefix()):
            query = request.GET.copy()
            query.setlist("q", [search_text(q) for q in query.getlist("q")])
            query._mutable = False
            request.GET = query
        return self.get_response(request)


def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")
