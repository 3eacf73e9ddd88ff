"""A reference table held in memory by each process, rebuilt when it changes (places, vocabulary).

    lookup = TableCache("places", build=Places.from_database, fallback=from_seed_file)
    lookup.current()     # built once, kept; another process's change is seen within CHECK_EVERY seconds
    lookup.invalidate()  # after an edit: rebuilt here at once, elsewhere through a version in Django's cache

Before Django is set up (a benchmark with no settings), or when the database cannot be read (a
pure unit test), the fallback (the seed file) stands in. A build that finds the table empty (a
test database flushed by a browser test) also falls back, so matching never runs without it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
CHECK_EVERY = 1.0  # seconds between looks at the shared version number

logger = logging.getLogger(__name__)


def _django_ready() -> bool:
    from django.apps import apps
    from django.conf import settings

    return settings.configured and apps.ready


class TableCache(Generic[T]):
    def __init__(self, name: str, build: Callable[[], T], fallback: Callable[[], T], empty: Callable[[T], bool]):
        self.key = f"{name}:version"
        self.name, self.build, self.fallback, self.empty = name, build, fallback, empty
        self.value: T | None = None
        self.version: object = None
        self.checked_at = 0.0

    def current(self) -> T:
        now = time.monotonic()
        if self.value is not None and now - self.checked_at < CHECK_EVERY:
            return self.value
        if not _django_ready():
            if self.value is None:
                self.value = self.fallback()
            self.checked_at = now
            return self.value
        from django.core.cache import cache

        version = cache.get(self.key, 0)
        if self.value is None or version != self.version:
            try:
                built = self.build()
                self.value, self.version = (self.fallback() if self.empty(built) else built), version
            except Exception:  # no database to read (a pure unit test, a broken connection)
                logger.warning("%s: database not readable, using the seed file", self.name, exc_info=True)
                self.value, self.version = self.fallback(), None
        self.checked_at = now
        return self.value

    def invalidate(self) -> None:
        """Forget the table here and tell other processes (through the cache) to rebuild theirs."""
        self.value = None
        if _django_ready():
            from django.core.cache import cache

            cache.set(self.key, time.time_ns(), timeout=None)

    def invalidate_on_change(self, sender, **kwargs) -> None:
        """A signal receiver for the table's models (connected in the app's ready())."""
        self.invalidate()
