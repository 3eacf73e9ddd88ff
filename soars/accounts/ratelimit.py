"""A small fixed-window counter in the cache, keyed by a hash (addresses never appear in cache keys)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache, caches


def count(cache_key: str, window_seconds: int) -> int:
    """Count one event under `cache_key` for `window_seconds`; the number counted so far in the window.

    The count is shared between processes through the cache. When the shared cache cannot be reached
    (Redis down: the backend answers None instead of raising), it is kept in this process's own memory,
    so a limit still holds, per process, instead of vanishing or failing the request.
    """
    for store in (cache, caches["local"]):
        added = store.add(cache_key, 1, timeout=window_seconds)
        if added:
            return 1
        if added is None:
            continue  # unreachable
        try:
            counted = store.incr(cache_key)
        except ValueError:  # expired between add and incr
            store.add(cache_key, 1, timeout=window_seconds)
            return 1
        if counted is not None:
            return counted
    return 1  # not reached: the local store always answers


def allow(bucket: str, key: str, limit: int, window_seconds: int = 3600) -> bool:
    """Count one attempt; False once `limit` attempts were made in the window."""
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    return count(f"ratelimit:{bucket}:{digest}", window_seconds) <= limit
