"""Two page caches on the shared cache: anonymous page views (here) and a signed-in
learner's own pages (the per-person section below), for any app's views.

The anonymous cache: the public pages (Wagtail pages, certificate
verification) rendered once and served from the shared cache to every visitor who is
not signed in, until a page is published, unpublished, moved or deleted.

Correctness rules, each checked in ``tests/home/test_page_cache.py`` (the per-person
ones in ``tests/courses/test_learner_cache.py``):

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
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import timezone
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
    """Makes every stored page unreachable (a new version); on commit, so a request
    that reads between the change and the commit cannot keep the old page."""

    def bump():
        if not cache.add(VERSION_KEY, 1, timeout=None):
            try:
                cache.incr(VERSION_KEY)
            except ValueError:  # evicted between add and incr
                cache.set(VERSION_KEY, 1, timeout=None)

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


# --- per-person pages of signed-in people ---------------------------------------------
# The learner's pages (catalogue, course, lesson, my learning) rendered once and served
# from the shared cache to the same person until something they could see changes.
#
# - Looked up in ``process_view`` (after RequireMFAMiddleware let the request through,
#   with the view resolved), only for GETs by a signed-in person to the views in
#   ``USER_PAGE_CACHE_VIEWS``, without an Authorization header or pending messages.
# - Stored only when the view opted in (``per_person(response)``), the answer is a 200
#   that set no cookie, left the session unchanged, queued or left no message and did
#   not say private/no-store; the CSRF token is cut out as for anonymous pages and a
#   hit gets the person's own.
# - The key holds the person's id, the host, the language, the full path, today's
#   date, the global page version (publications, certificates), a shared version
#   (anyone's name or profile: instructors and assigners are shown by name) and the
#   person's own version, computed BEFORE the view runs: a write during the render
#   makes the entry unreachable at once.
# - The person's version is bumped on commit by every write that can change what they
#   see: ``connect_people`` hooks post_save/post_delete of the models in
#   ``PERSON_OF`` and the group and coordinator M2Ms; services that write with
#   ``.update()``/``bulk_create`` call ``people_changed(ids)`` themselves; and any
#   successful POST (PUT, DELETE...) by a signed-in person bumps their own version.
# - A version that was evicted restarts at the clock (milliseconds), never at a number
#   an older entry may still carry.

PERSON_VERSION_KEY = "userpage:person:{}"
SHARED_VERSION_KEY = "userpage:shared"
_hit_actions: dict[str, object] = {}

# model label -> how to reach the user id(s) whose pages show the row; each app adds
# its own rows with ``watch_people`` in its AppConfig.ready() (lms knows no other app).
PERSON_OF: dict[str, str] = {}
LMS_PEOPLE_ROWS = {
    "lms.SkillCertificate": "holder_id",
    "lms.CertificateEvent": "certificate.holder_id",
    "lms.Notification": "recipient_id",
    "lms.Membership": "user_id",
    "lms.User": "pk",
}


# Rows every person's pages may show (names of trades on course cards and pages).
SHARED_MODELS = ("lms.Occupation", "lms.Industry")


def per_person(response, *, on_hit: tuple[str, dict] | None = None):
    """Marks a view's answer as fit for the per-person cache (the view shows only
    what the person's version covers). ``on_hit`` = (name of an action registered
    with ``register_hit_action``, keyword arguments): run on every hit, e.g. to
    record that a lesson was opened again. Returns the response."""
    response.per_person_cache = True
    response.per_person_on_hit = on_hit
    return response


def register_hit_action(name: str, action) -> None:
    """Called from an AppConfig.ready(): ``action(**kwargs)`` may be run on a hit."""
    _hit_actions[name] = action


def _clock() -> int:
    return int(time.time() * 1000)


def _user_key(request, user) -> str:
    person_key = PERSON_VERSION_KEY.format(user.pk)
    found = cache.get_many([VERSION_KEY, SHARED_VERSION_KEY, person_key])
    person = found.get(person_key)
    if person is None:
        person = _clock()
        if not cache.add(person_key, person, timeout=None):
            person = cache.get(person_key, person)
    shared = found.get(SHARED_VERSION_KEY)
    if shared is None:
        shared = _clock()
        if not cache.add(SHARED_VERSION_KEY, shared, timeout=None):
            shared = cache.get(SHARED_VERSION_KEY, shared)
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return (
        f"userpage:{found.get(VERSION_KEY) or 0}:{shared}:{person}:{user.pk}:"
        f"{request.get_host()}:{get_language()}:{timezone.localdate().isoformat()}:"
        f"{path}"
    )


def _messages_pending(request) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(
        getattr(storage, "_queued_messages", None)
        or getattr(storage, "_loaded_messages", None)
    )


def _user_response_cacheable(request, response) -> bool:
    if not getattr(response, "per_person_cache", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if _messages_pending(request):
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in _PRIVATE)


class UserPageCacheMiddleware:
    """Place it after RequireMFAMiddleware: the lookup runs in process_view, once
    every middleware let the request through and the view is known."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE"):
            # Whatever a person changes through a form (a read mark, their profile,
            # a quiz answer) empties their own pages, signals or not.
            user = getattr(request, "user", None)
            if (
                user is not None
                and user.is_authenticated
                and response.status_code < 400
            ):
                people_changed([user.pk])
            return response
        key = getattr(request, "_user_page_cache_key", None)
        if key is not None and _user_response_cacheable(request, response):
            user = request.user
            if getattr(user, "pk", None) == request._user_page_cache_user:
                _store(
                    request,
                    response,
                    key,
                    settings.USER_PAGE_CACHE_SECONDS,
                    extra=getattr(response, "per_person_on_hit", None),
                )
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.USER_PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
            return None
        match = request.resolver_match
        if match is None or match.view_name not in settings.USER_PAGE_CACHE_VIEWS:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if "HTTP_AUTHORIZATION" in request.META or _messages_pending(request):
            return None
        key = _user_key(request, user)
        stored = cache.get(key)
        if stored is None:
            request._user_page_cache_key = key
            request._user_page_cache_user = user.pk
            return None
        on_hit = stored[3] if len(stored) > 3 else None
        if on_hit:
            name, kwargs = on_hit
            action = _hit_actions.get(name)
            if action is not None:
                action(**kwargs)
        return _replay(request, stored)


def _bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # never read, or evicted: restart at the clock
        cache.set(key, _clock(), timeout=None)


def people_changed(user_ids) -> None:
    """Every stored page of these people becomes unreachable, on commit. Call it
    from a service that changes what they see without post_save/post_delete (a
    queryset ``.update()``, ``bulk_create``)."""
    keys = {PERSON_VERSION_KEY.format(pk) for pk in user_ids if pk}
    if not keys:
        return

    def bump():
        for key in keys:
            _bump(key)

    transaction.on_commit(bump)


def everyone_changed() -> None:
    """Every person's stored pages become unreachable (on commit)."""
    transaction.on_commit(lambda: _bump(SHARED_VERSION_KEY))


def _user_ids(instance, path: str) -> set[int]:
    from django.core.exceptions import ObjectDoesNotExist

    value = instance
    try:
        for part in path.split("."):
            value = getattr(value, part)
    except ObjectDoesNotExist:  # its parent is being deleted too (and bumps)
        return set()
    return {value} if value else set()


def _row_changed(sender, instance, **kwargs) -> None:
    people_changed(_user_ids(instance, PERSON_OF[sender._meta.label]))


# What of a person other people's pages show (an instructor's or assigner's name).
_SHOWN_TO_OTHERS = {"display_name", "first_name", "last_name", "email", "is_active"}


def _user_saved(sender, instance, created=False, update_fields=None, **kwargs):
    if created:  # nobody has seen a page of theirs, nor their name, yet
        return
    people_changed({instance.pk})
    if update_fields is None or set(update_fields) & _SHOWN_TO_OTHERS:
        everyone_changed()  # their name may show on others' pages (instructor)


def _shared_changed(sender, **kwargs) -> None:
    everyone_changed()


def _people_m2m(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Groups (roles) and union coordinators: the user side may be either end."""
    if not action.startswith("post_"):
        return
    from lms.models import User

    if isinstance(instance, User):
        people_changed({instance.pk})
    elif pk_set:
        people_changed(pk_set)
    else:  # a group or union cleared of all its people
        everyone_changed()


def watch_people(rows: dict[str, str]) -> None:
    """Saves and deletes of these models (label -> path to the user id) bump the
    versions of the people whose pages show them."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save

    from lms.models import User

    for label, path in rows.items():
        PERSON_OF[label] = path
        model = apps.get_model(label)
        receiver = _user_saved if model is User else _row_changed
        uid = f"user-page-cache-{label}"
        post_save.connect(receiver, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(_row_changed, sender=model, dispatch_uid=uid + "-deleted")


def connect_people() -> None:
    """Called from LmsConfig.ready(), next to ``connect``; the other apps add their
    rows with ``watch_people``."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from lms.models import TradeUnion, User

    watch_people(LMS_PEOPLE_ROWS)
    for label in SHARED_MODELS:
        model = apps.get_model(label)
        uid = f"user-page-cache-{label}"
        post_save.connect(_shared_changed, sender=model, dispatch_uid=uid + "-saved")
        post_delete.connect(_shared_changed, sender=model, dispatch_uid=uid + "-del")
    m2m_changed.connect(
        _people_m2m, sender=User.groups.through, dispatch_uid="user-page-cache-groups"
    )
    m2m_changed.connect(
        _people_m2m,
        sender=TradeUnion.coordinators.through,
        dispatch_uid="user-page-cache-coordinators",
    )
