from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from lms.permissions import requires_mfa

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
        if not requires_mfa(user):
            return False
        return not Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).exists()
