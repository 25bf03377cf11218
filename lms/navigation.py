"""The navigation entries of the base layout. Each app registers its entries in its
``AppConfig.ready()``; an entry is shown to the users its predicate admits. Entries of
the "site" area (what everyone reads) sit in the header; "personal" entries (a role's
own pages) sit in a band below it and on the person's start page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    allowed: Callable[[object], bool]
    order: int = 50
    area: str = "personal"

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, NavEntry] = {}


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
