"""Every URL pattern of our apps, with sample values for its arguments."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

OUR_APPS = ("lms", "courses", "mentorship", "home", "config")
SAMPLES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


@dataclass(frozen=True)
class Route:
    url: str
    name: str
    callback: object

    @property
    def module(self) -> str:
        return getattr(self.callback, "__module__", "")


def _walk(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _fill(route: str) -> str:
    route = re.sub(
        r"<(?:(\w+):)?\w+>", lambda m: SAMPLES.get(m.group(1) or "str", "x"), route
    )
    return "/" + route.lstrip("^").rstrip("$")


def our_routes() -> list[Route]:
    routes = []
    for route, pattern in _walk(get_resolver().url_patterns):
        module = getattr(pattern.callback, "__module__", "")
        if module.split(".")[0] in OUR_APPS:
            routes.append(Route(_fill(route), pattern.name or route, pattern.callback))
    return sorted(routes, key=lambda r: r.url)
