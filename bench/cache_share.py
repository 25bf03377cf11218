"""Which caches answered a request, in a response header, under the bench settings
only (``config.settings.bench`` puts this middleware first): ``X-Bench-Cache:
local=<n> shared=<n> computed=<n>``, the request's look-ups of what
``lms.routing`` keeps (Wagtail's routes and site, fragments of rendered HTML from
``lms.fragments``): answered by this process's own copy, by the shared cache (Redis),
or computed because neither had it. The load scenarios add them up
(``bench/locustfile.py``); the anonymous page cache says ``X-Page-Cache: hit`` itself.

It counts by wrapping ``lms.routing``'s process copy and its handle on the shared
cache, once per process; the version look-up (one per request) is not counted."""

from __future__ import annotations

COUNTS = {"local": 0, "shared": 0, "computed": 0}


class _CountingLocal:
    def __init__(self, inner, missing):
        self._inner, self._missing = inner, missing

    def get(self, v, key):
        value = self._inner.get(v, key)
        if value is not self._missing:
            COUNTS["local"] += 1
        return value

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _CountingCache:
    def __init__(self, inner, version_key, missing):
        self._inner, self._version_key, self._missing = inner, version_key, missing

    def get(self, key, default=None, **kwargs):
        value = self._inner.get(key, default, **kwargs)
        if key != self._version_key:
            found = value is not default and value is not None
            COUNTS["shared" if found else "computed"] += 1
        return value

    def __getattr__(self, name):
        return getattr(self._inner, name)


def _install() -> None:
    from lms import routing

    if not isinstance(routing._local, _CountingLocal):
        routing._local = _CountingLocal(routing._local, routing._MISSING)
        routing.cache = _CountingCache(
            routing.cache, routing.VERSION_KEY, routing._MISSING
        )


class CacheShareMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        _install()

    def __call__(self, request):
        for name in COUNTS:
            COUNTS[name] = 0
        response = self.get_response(request)
        response["X-Bench-Cache"] = " ".join(f"{k}={v}" for k, v in COUNTS.items())
        return response
