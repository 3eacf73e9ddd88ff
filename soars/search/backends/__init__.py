"""One backend per database vendor; soars.search.engine picks it by the connection."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from soars.search.backends.base import Backend


def backend_for(vendor: str) -> Backend:
    if vendor == "postgresql":
        from soars.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from soars.search.backends.sqlite import SqliteBackend

        return SqliteBackend()
    raise ImproperlyConfigured(f"SOARS search supports SQLite and PostgreSQL, not {vendor}.")
