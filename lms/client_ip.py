"""The client's address, the one place that reads it: rate limits (ours and
allauth's, through ``lms.adapters``) and the audit trail use it.

Behind ``TRUSTED_PROXY_COUNT`` proxies of our own, REMOTE_ADDR is the nearest proxy
and the client is that many entries from the right of X-Forwarded-For (entries to the
left of it were written by the client and can be forged). With no trusted proxy the
header is ignored."""

from __future__ import annotations

import ipaddress
from contextvars import ContextVar

from django.conf import settings

_current: ContextVar[str | None] = ContextVar("lms_client_ip", default=None)


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            address = _address(forwarded[-count])
            if address:
                return address
    return _address(request.META.get("REMOTE_ADDR", "")) or "unknown"


def current_client_ip() -> str | None:
    """The address of the request being served (for the audit trail), or None
    outside a request (tasks, commands)."""
    return _current.get()


class ClientAddressMiddleware:
    """Remembers the request's client address for the services that audit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
