"""The navigation entries of the base layout. Each app registers its entries in its
``AppConfig.ready()``; an entry is shown to the users its predicate admits."""

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

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_entries: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    _entries[entry.url_name] = entry


def entries_for(user) -> list[NavEntry]:
    return sorted(
        (e for e in _entries.values() if e.allowed(user)), key=lambda e: e.order
    )
