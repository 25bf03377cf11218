"""Per-address limits on look-ups that guess at secrets (verification codes,
invitation codes): a fixed one-minute window per client address, in the cache.
Where many honest people share one address (a hall's wireless network), the limit
is kept per signed-in person instead (``who``)."""

from __future__ import annotations

from django.core.cache import cache

from lms.client_ip import client_ip


def over_limit(request, bucket: str, limit: int, *, who: str | None = None) -> bool:
    """Counts this request in ``bucket`` for its client address (or for ``who``,
    a person's key); True once it has made more than ``limit`` such requests this
    minute."""
    key = f"rate:{bucket}:{who if who is not None else client_ip(request)}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    # None when the cache is down (production ignores cache errors): not limited.
    return (count or 0) > limit
