"""API tokens: issued to people who meet their role's two-factor rule, shown once,
stored as a digest, revoked by their owner; each issue and revocation audited."""

from __future__ import annotations

import datetime
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import permissions
from lms.errors import DomainError, PermissionDenied
from lms.models import ApiToken, AuditEvent, User
from lms.models.tokens import token_digest
from lms.services.audit import audit_record

TOKEN_LIFETIMES = (30, 90, 365)  # days a token may be issued for


@transaction.atomic
def api_token_issue(*, user: User, name: str, days: int) -> tuple[ApiToken, str]:
    """Makes a token and returns it with its key; the key is not kept anywhere."""
    if not permissions.user_may(user, "issue", ApiToken):
        raise PermissionDenied(_("Only HR of an enterprise may have API tokens."))
    if not permissions.meets_mfa_rule(user):
        raise PermissionDenied(
            _("Set up two-factor sign-in before you make an API token."),
            code="mfa_required",
        )
    name = " ".join(name.split())
    if not name or len(name) > 80:
        raise DomainError(_("Give the token a name of up to 80 characters."))
    if days not in TOKEN_LIFETIMES:
        raise DomainError(_("Choose one of the offered lifetimes."), code="days")
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=key[:8],
        digest=token_digest(key),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit_record(
        actor=user,
        action=AuditEvent.Action.TOKEN_ISSUE,
        subject=user,
        data={"token": token.pk, "name": name, "prefix": token.prefix, "days": days},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    if not permissions.user_can(actor, "revoke", token):
        raise PermissionDenied(_("This is not your token."))
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=AuditEvent.Action.TOKEN_REVOKE,
        subject=token.user,
        data={"token": token.pk, "name": token.name, "prefix": token.prefix},
    )
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Notes the token's last use, at most once a minute (a busy HR system should
    not turn every read into a write)."""
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < datetime.timedelta(minutes=1):
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
