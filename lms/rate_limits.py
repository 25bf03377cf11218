"""Per-address limits on look-ups that guess at secrets (verification codes,
invitation codes): a fixed one-minute window per client address, in the cache."""

from __future__ import annotations

from django.core.cache import cache

from lms.client_ip import client_ip


def over_limit(request, bucket: str, limit: int) -> bool:
    """Counts this request in ``bucket`` for its client address; True once the
    address has made more than ``limit`` such requests this minute."""
    key = f"rate:{bucket}:{client_ip(request)}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    # None when the cache is down (production ignores cache errors): not limited.
    return (count or 0) > limit
