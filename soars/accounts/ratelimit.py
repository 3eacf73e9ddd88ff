"""A small fixed-window counter in the cache, keyed by a hash (addresses never appear in cache keys)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def allow(bucket: str, key: str, limit: int, window_seconds: int = 3600) -> bool:
    """Count one attempt; False once `limit` attempts were made in the window."""
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{bucket}:{digest}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return count <= limit
