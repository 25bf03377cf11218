"""The navigation entries of the base layout. Each app registers its entries in its
``AppConfig.ready()``; an entry is shown to the users its predicate admits. Entries of
the "site" area (what everyone reads) sit in the header; "personal" entries (a role's
own pages) sit in a band below it and on the person's start page; on a phone that band
is one menu, its entries grouped by task (``group``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The tasks a role's own entries are grouped by in the phone menu, in this order.
GROUPS: dict[str, str] = {
    "": "",
    "learning": _("Learning"),
    "mentoring": _("Mentoring and services"),
    "certification": _("Certificates"),
    "managing": _("Managing"),
}


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    allowed: Callable[[object], bool]
    order: int = 50
    area: str = "personal"
    group: str = ""  # a key of GROUPS

    @property
    def url(self) -> str:
        return _url(self.url_name)


_entries: dict[str, NavEntry] = {}
# Reversed addresses by name, language and URL configuration: the layout asks for
# each entry's address several times on every page.
_urls: dict[tuple, str] = {}


def _url(name: str) -> str:
    key = (
        name,
        get_language(),
        get_script_prefix(),
        get_urlconf(),
        settings.ROOT_URLCONF,
    )
    found = _urls.get(key)
    if found is None:
        found = _urls[key] = reverse(name)
    return found


def register(entry: NavEntry) -> None:
    _entries[entry.url_name] = entry


def entries_for(user, area: str | None = None) -> list[NavEntry]:
    return sorted(
        (
            e
            for e in _entries.values()
            if (area is None or e.area == area) and e.allowed(user)
        ),
        key=lambda e: e.order,
    )


def grouped(entries: list[NavEntry]) -> list[tuple[str, list[NavEntry]]]:
    """The entries by task group (GROUPS order), each group's label first; empty
    groups left out."""
    by_group: dict[str, list[NavEntry]] = {key: [] for key in GROUPS}
    for entry in entries:
        by_group.setdefault(entry.group, []).append(entry)
    return [(GROUPS.get(key, ""), items) for key, items in by_group.items() if items]


def current(entries: list[NavEntry], path: str) -> NavEntry | None:
    """The entry of the page at ``path`` (None on any other page)."""
    return next((entry for entry in entries if entry.url == path), None)
