"""The periodic statistics refresh: SQLite gets `PRAGMA optimize`, so new indexes get used."""

import pytest
from django.db import connection

from soars.core.schedule import all_periodic
from soars.search.tasks import refresh_statistics

pytestmark = pytest.mark.django_db


def test_the_refresh_is_a_periodic_job():
    assert "search.refresh_statistics" in {job.name for job in all_periodic()}


def test_the_refresh_runs_on_either_database():
    result = refresh_statistics.call()
    assert result == ("optimized" if connection.vendor == "sqlite" else "not needed")
