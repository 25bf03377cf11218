"""API authentication by the hashed tokens HR make on their tokens page
(``lms.models.ApiToken``): ``Authorization: Token <key>`` (or ``Bearer``). A token
works only while it is neither revoked nor expired and its owner meets their role's
two-factor rule, the same rule the browser gate applies."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from lms import permissions
from lms.models import ApiToken
from lms.models.tokens import token_digest
from lms.services.tokens import api_token_touch


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("token", "bearer")

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as “Authorization: Token <key>”.")
            )
        try:
            key = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        token = (
            ApiToken.objects.usable()
            .select_related("user")
            .filter(digest=token_digest(key))
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(
                _("Invalid, expired or revoked token.")
            )
        if not permissions.meets_mfa_rule(token.user):
            raise exceptions.AuthenticationFailed(
                _(
                    "Your role requires two-factor sign-in: set up an authenticator "
                    "app before using an API token."
                )
            )
        api_token_touch(token=token)
        return token.user, token

    def authenticate_header(self, request) -> str:
        return "Token"


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Describes the token in the OpenAPI schema."""

    target_class = "lms.api_auth.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <key>”: a key from the API tokens page.",
        }
