"""The one rule for what a search box hands to a search backend or filter."""

from __future__ import annotations

MAX_QUERY_LENGTH = 200


def search_text(value: str, *, max_length: int = MAX_QUERY_LENGTH) -> str:
    """At most ``max_length`` characters, spaces collapsed, without NUL bytes
    (PostgreSQL refuses them) or double quotes (they break the SQLite FTS5 query
    Wagtail's database backend builds: a 500 instead of results)."""
    value = value[: max_length * 4]  # bounded work, whatever was sent
    value = value.replace("\x00", " ").replace('"', " ")
    return " ".join(value.split())[:max_length]
