"""One backend per database vendor; soars.search.engine picks it by the connection."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

BACKENDS = {"postgresql": "postgres.PostgresBackend", "sqlite": "sqlite.SqliteBackend"}


def backend_for(vendor: str):
    if vendor not in BACKENDS:
        raise ImproperlyConfigured(f"SOARS search supports SQLite and PostgreSQL, not {vendor}.")
    return import_string(f"soars.search.backends.{BACKENDS[vendor]}")()
