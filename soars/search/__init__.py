"""Full-text search over SOARS records: one interface (soars.search.engine), a backend per database.

See docs/search.md. Views and other apps import from soars.search.engine and
soars.search.registry only; nothing outside this package writes search SQL.
"""
