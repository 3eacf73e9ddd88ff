"""What the search migrations do to documents that exist when they run (PostgreSQL's storage)."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage"),
]

BEFORE_HEADS_INDEX = ("search", "0006_sample_and_kind_indexes")


def migrate(target: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(target or executor.loader.graph.leaf_nodes())


def blocks_read(statement: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {statement}")
        plan = cursor.fetchone()[0][0]["Plan"]
    return plan["Shared Hit Blocks"] + plan["Shared Read Blocks"]


def test_existing_wide_documents_keep_their_heads_in_the_row_after_migration_0007():
    migrate([BEFORE_HEADS_INDEX])
    try:
        with connection.cursor() as cursor:
            for n in range(1, 41):  # wide rows, as resumes are: their text goes to TOAST storage
                body = " ".join(uuid.uuid4().hex for _ in range(150))
                cursor.execute(
                    "INSERT INTO search_searchdocument (kind, object_id, title, names, body, updated_at)"
                    " VALUES ('probe', %s, %s, 'Jordan Lee', %s, now())",
                    [n, f"Director of operations {n}", body],
                )
    finally:
        migrate([])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size('search_searchdocument') / current_setting('block_size')::int")
        pages = cursor.fetchone()[0]
    # Reading every head reads the table's own pages: a head in TOAST storage costs a lookup a row.
    heads = blocks_read("SELECT sum(length(head_vector)) FROM search_searchdocument WHERE kind = 'probe'")
    bodies = blocks_read("SELECT sum(length(body)) FROM search_searchdocument WHERE kind = 'probe'")
    assert heads <= pages + 2 < bodies
