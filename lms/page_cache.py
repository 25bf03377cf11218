"""The anonymous page cache on the shared cache, for any app's views: the public
pages (Wagtail pages, certificate verification) rendered once and served from the
shared cache to every visitor who is not signed in, until a page is published,
unpublished, moved or deleted.

Signed-in people get their pages rendered: those are cheap (a few indexed queries,
shared content from lms/routing.py; tests/security/test_query_budgets.py), so there
is no per-person page cache to keep in step with every write.

Correctness rules, each checked in ``tests/home/test_page_cache.py``:

- Only GET requests without a session cookie, messages cookie or Authorization header
  are looked up or stored: a signed-in person always gets their own page.
- Only 200 answers of the views in ``ANON_PAGE_CACHE_VIEWS`` are stored, and only if
  the view set no cookie, left the session unchanged and did not say private/no-store.
- The CSRF token of the visitor who caused the render is cut out before storing (every
  masked form of their secret) and each hit gets the hit visitor's own token, so no
  token is ever shared. Django's CsrfViewMiddleware is outside this middleware.
- ``Vary: Cookie`` stays on every cached answer, so no proxy mixes the two kinds.
- The key is the host, the active language, the visitor's text size (a cookie) and
  the full path with its query.
- Publishing, unpublishing, moving or deleting any page bumps a version that is part
  of every key (on commit), so the old entries are never read again.

Off unless ``ANON_PAGE_CACHE_SECONDS`` > 0 (production turns it on). Certificate
verification has its own shorter lifetime (``ANON_PAGE_CACHE_VIEW_SECONDS``): a
certificate's change of status is not a page publication, so it shows within that
time (one minute by default)."""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "anonpage:version"
CSRF_PLACEHOLDER = "__anon_page_cache_csrf_token__"
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_PRIVATE = ("private", "no-store", "no-cache")


def _seconds_for(view_name: str) -> int:
    per_view = getattr(settings, "ANON_PAGE_CACHE_VIEW_SECONDS", {})
    return per_view.get(view_name, settings.ANON_PAGE_CACHE_SECONDS)


def _request_cacheable(request) -> bool:
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and getattr(settings, "MESSAGES_COOKIE_NAME", "messages") not in cookies
    )


def _key(request, version) -> str:
    from lms.text_size import for_request

    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    size = for_request(request)  # the visitor's text size cookie
    return f"anonpage:{version}:{request.get_host()}:{get_language()}:{size}:{path}"


def _strip_csrf(request, content: str) -> str | None:
    """The content with every masked form of this request's CSRF secret replaced by
    a placeholder; None if the secret shows some other way (then it is not stored)."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content
    if secret in content:
        return None

    def replace(match):
        token = match.group(0)
        return CSRF_PLACEHOLDER if _unmask_cipher_token(token) == secret else token

    return _TOKEN.sub(replace, content)


def _response_cacheable(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in settings.ANON_PAGE_CACHE_VIEWS:
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in _PRIVATE)


def _version():
    return cache.get(VERSION_KEY) or 0


class AnonymousPageCacheMiddleware:
    """Place it after CsrfViewMiddleware (it hands out tokens on a hit) and before
    the authentication middleware (a hit skips everything after it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.ANON_PAGE_CACHE_SECONDS <= 0 or not _request_cacheable(request):
            return self.get_response(request)
        key = _key(request, _version())
        stored = cache.get(key)
        if stored is not None:
            return _replay(request, stored)
        response = self.get_response(request)
        if _response_cacheable(request, response):
            _store(
                request, response, key, _seconds_for(request.resolver_match.view_name)
            )
        return response


def _store(request, response, key, seconds, extra=None) -> None:
    """Keeps the answer (CSRF token cut out, no cookies) under ``key``."""
    charset = response.charset or "utf-8"
    try:
        content = response.content.decode(charset)
    except UnicodeDecodeError:
        return
    content = _strip_csrf(request, content)
    if content is None:
        return
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in ("set-cookie", "content-length")
    ]
    cache.set(key, (content, charset, headers, extra), seconds)


def _replay(request, stored) -> HttpResponse:
    content, charset, headers = stored[:3]
    if CSRF_PLACEHOLDER in content:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(content.encode(charset), headers=headers)
    patch_vary_headers(response, ("Cookie",))
    response["X-Page-Cache"] = "hit"
    return response


# --- invalidation -------------------------------------------------------------------


def invalidate() -> None:
    """Makes every stored page unreachable (a new version): at once, and again on
    commit, so a request that read the old rows before the commit cannot keep the
    old page under the first new version (as lms/routing.py does)."""

    def bump():
        if not cache.add(VERSION_KEY, 1, timeout=None):
            try:
                cache.incr(VERSION_KEY)
            except ValueError:  # evicted between add and incr
                cache.set(VERSION_KEY, 1, timeout=None)

    bump()
    transaction.on_commit(bump)


def _changed(sender, **kwargs) -> None:
    invalidate()


def connect() -> None:
    """Called from LmsConfig.ready(): any page change empties the cache, and so does
    any change to a certificate (each writes one history event), so a revoked
    certificate's verification page turns "revoked" at once."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Page

    from lms.models import CertificateEvent

    post_save.connect(
        _changed, sender=CertificateEvent, dispatch_uid="anon-page-cache-certificate"
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_changed, dispatch_uid="anon-page-cache-published")
    page_unpublished.connect(_changed, dispatch_uid="anon-page-cache-unpublished")
    post_page_move.connect(_changed, dispatch_uid="anon-page-cache-moved")
    post_delete.connect(_changed, sender=Page, dispatch_uid="anon-page-cache-deleted")
    # A page made private (or public again) is no publication, and a hit skips
    # Wagtail's view-restriction check: every cached page goes.
    from wagtail.models import PageViewRestriction

    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            _changed,
            sender=PageViewRestriction,
            dispatch_uid=f"page-cache-restriction-{name}",
        )
    m2m_changed.connect(
        _changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="page-cache-restriction-groups",
    )
