"""A reference table kept in memory: built once, rebuilt after an edit here or in another process,
and the seed file when the database has nothing or cannot be read."""

import pytest
from django.core.cache import cache

from soars.core import table_cache
from soars.core.table_cache import TableCache


class Builds:
    def __init__(self, *results):
        self.results, self.calls = list(results), 0

    def __call__(self):
        self.calls += 1
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result


@pytest.fixture
def table(monkeypatch):
    monkeypatch.setattr(table_cache, "CHECK_EVERY", 0.0)  # look at the shared version on every call
    cache.delete("test-table:version")

    def make(*results):
        return TableCache("test-table", build=Builds(*results), fallback=lambda: ["seed"], empty=lambda rows: not rows)

    return make


def test_it_is_built_once_and_kept(table):
    cached = table(["a"], ["b"])
    assert cached.current() == ["a"] and cached.current() == ["a"]
    assert cached.build.calls == 1


def test_an_edit_here_rebuilds_it_at_once(table):
    cached = table(["a"], ["b"])
    cached.current()
    cached.invalidate()
    assert cached.current() == ["b"]


def test_an_edit_in_another_process_is_seen_through_the_cache(table):
    here, there = table(["a"], ["b"]), table(["other"])
    here.current()
    there.invalidate()  # bumps the shared version
    assert here.current() == ["b"]


def test_an_empty_table_or_an_unreadable_database_gives_the_seed_file(table):
    assert table([]).current() == ["seed"]
    assert table(RuntimeError("no database")).current() == ["seed"]
