"""Wagtail's site and page look-ups, cached in one place (the shared cache).

``SiteAndRouteMiddleware`` gives every request its Wagtail ``Site`` from the cache
(``Site.find_for_request`` then asks nothing), and a page request its route: the
first request for a URL (per host, port and language) is routed by Wagtail itself;
when that found a page and no sub-route, the page's id, type, URL path and whether
any view restriction applies are kept, and later requests read just that page, in
one query, and route it with its own ``route(request, [])`` (so a page that is not
live is still a 404). The page read must still have the kept URL path, or Wagtail
routes the request again. Everything here is kept under a version that any save or
delete of a page, site, locale, view restriction, image or document (and any page
move) replaces, so it never outlives the content it describes; entries also expire
after an hour.

Each process also keeps what it read under the current version in its own memory
(``_Local``): an entry under a version never changes, so only the version itself is
asked of the shared cache, once per request (the middleware holds it for the
request). A value is kept pickled, as the shared cache keeps it, so every reader
gets its own copy."""

from __future__ import annotations

import contextvars
import pickle
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "routing:version"
TIMEOUT = 3600
LOCAL_MAX_ENTRIES = 5000
_MISSING = object()
# The version a request reads once and holds while it runs (SiteAndRouteMiddleware).
_request_version: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "routing_version", default=None
)


def version() -> str:
    held = _request_version.get()
    if held is not None:
        return held
    return _shared_version()


def _shared_version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        current = cache.get(VERSION_KEY) or "none"
    return current


def _new_version() -> None:
    new = uuid.uuid4().hex
    cache.set(VERSION_KEY, new, None)
    if _request_version.get() is not None:  # this request sees its own change
        _request_version.set(new)


class _Local:
    """This process's copies of entries under one version (pickled, with their
    expiry); a new version (or too many entries) starts afresh."""

    def __init__(self):
        self.version = None
        self.entries: dict[str, tuple[float, bytes]] = {}

    def get(self, v: str, key: str):
        if v != self.version:
            return _MISSING
        found = self.entries.get(key)
        if found is None or found[0] < time.monotonic():
            return _MISSING
        return pickle.loads(found[1])

    def set(self, v: str, key: str, value) -> None:
        if v != self.version or len(self.entries) >= LOCAL_MAX_ENTRIES:
            self.version, self.entries = v, {}
        self.entries[key] = (
            time.monotonic() + TIMEOUT,
            pickle.dumps(value, pickle.HIGHEST_PROTOCOL),
        )


_local = _Local()


def cached(v: str, key: str, compute):
    """``compute()`` kept under ``key`` of version ``v``: this process's copy, else
    the shared cache's, else computed and kept in both."""
    value = _local.get(v, key)
    if value is not _MISSING:
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, TIMEOUT)
    _local.set(v, key, value)
    return value


def invalidate(**kwargs) -> None:
    """Forget every cached site, route and content (a new version): at once, and
    again when the transaction commits (a request that read the old rows before
    the commit may have kept them under the first new version)."""
    _new_version()
    transaction.on_commit(_new_version)


def _on_model_change(sender, **kwargs):
    # Shown beside pages (catalogue) or inside their kept fragments (lms.fragments).
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage

    from lms.models import Industry, Occupation

    kinds = (Page, Site, Locale, PageViewRestriction, Industry, Occupation)
    if issubclass(sender, (*kinds, AbstractImage, AbstractDocument)):
        invalidate()


def connect() -> None:
    post_save.connect(_on_model_change, dispatch_uid="lms.routing.save")
    post_delete.connect(_on_model_change, dispatch_uid="lms.routing.delete")
    page_published.connect(invalidate, dispatch_uid="lms.routing.published")
    page_unpublished.connect(invalidate, dispatch_uid="lms.routing.unpublished")
    post_page_move.connect(invalidate, dispatch_uid="lms.routing.moved")


def _host(request) -> str:
    return f"{request._get_raw_host()}:{request.get_port()}"


def _no_restrictions():
    return PageViewRestriction.objects.none()


class SiteAndRouteMiddleware:
    """After the locale is chosen (the route depends on the language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._routing_version = v = _shared_version()
        token = _request_version.set(v)
        try:
            if not hasattr(request, "_wagtail_site"):
                request._wagtail_site = cached(
                    v,
                    f"routing:{v}:site:{_host(request)}",
                    lambda: Site._find_for_request(request),
                )
            # What Wagtail's page URLs are made from (pageurl, get_url): Wagtail
            # would read it from the shared cache once per request.
            if not hasattr(request, "_wagtail_cached_site_root_paths"):
                request._wagtail_cached_site_root_paths = cached(
                    v, f"routing:{v}:site-root-paths", Site.get_site_root_paths
                )
            return self.get_response(request)
        finally:
            _request_version.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve":
            return None
        if hasattr(request, "_wagtail_route_for_request"):
            return None
        # Wagtail's URL pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        v = version()
        key = f"routing:{v}:route:{_host(request)}:{translation.get_language()}:{path}"
        entry = _local.get(v, key)
        if entry is _MISSING:
            entry = cache.get(key)
            if entry is not None:
                _local.set(v, key, entry)
        if entry is not None and entry is not _MISSING and _route_from(request, entry):
            return None
        route = Page.route_for_request(request, path)  # Wagtail's own routing
        if route is None:
            return None
        page, args, kwargs = route
        if args or kwargs:  # a sub-route of a routable page: Wagtail's each time
            return None
        restricted = page.get_view_restrictions().exists()
        entry = (page.pk, page.content_type_id, page.url_path, restricted)
        cache.set(key, entry, TIMEOUT)
        _local.set(v, key, entry)
        return None


# Stands for the page's id while a page read's SQL is built; no page has it.
_SENTINEL_ID = -610_372_941
_page_sql: dict[tuple[str, str], tuple[str, tuple, int]] = {}


def _read_page(model, page_id: int):
    """The page of ``model`` with id ``page_id`` (None if gone). Building the ORM
    query of a page type (Wagtail's multi-table inheritance) cost more than running
    it, so its SQL is built once per process and page type and then run with each
    id. Nothing related is read with it: what a page shows of its related rows
    (a course's occupation and cover) is inside its kept fragments."""
    alias = DEFAULT_DB_ALIAS
    if connections[alias].vendor not in ("sqlite", "postgresql"):
        return model.objects.filter(pk=page_id).first()
    key = (alias, model._meta.label)
    found = _page_sql.get(key)
    if found is None:
        query = model._default_manager.filter(pk=_SENTINEL_ID).order_by().query
        sql, params = query.get_compiler(alias).as_sql()
        positions = [i for i, p in enumerate(params) if p == _SENTINEL_ID]
        if len(positions) != 1:
            return model.objects.filter(pk=page_id).first()
        found = _page_sql[key] = (sql, tuple(params), positions[0])
    sql, params, position = found
    params = (*params[:position], page_id, *params[position + 1 :])
    return next(iter(model._default_manager.raw(sql, params)), None)


def _route_from(request, entry) -> bool:
    """Route the request to the kept page; False if the page is gone or moved."""
    page_id, content_type_id, url_path, restricted = entry
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return False
    page = _read_page(model, page_id)
    if page is None or page.url_path != url_path:
        return False
    if not restricted:
        page.get_view_restrictions = _no_restrictions
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        request._wagtail_route_for_request = None
    return True


def content_cached(name: str, compute):
    """``compute()``, kept under the content version: for what every visitor of a
    page sees (translations of a page, a course's lessons); gone on any page change."""
    v = version()
    return cached(v, f"routing:{v}:content:{name}", compute)
