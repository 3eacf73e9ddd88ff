"""How fast is search at scale? Seeds N documents straight into the search index and times queries.

    python bench/search_engine.py                      # SQLite, a fresh file under var/
    DATABASE_URL=postgres://... python bench/search_engine.py
    python bench/search_engine.py --documents 20000 --queries 60

The resume and opportunity models do not exist on this branch yet, so the
records are rows of a bench-only table (created and dropped here) with the
fields a results page filters on: who may see it (all agencies, or one) and a
clearance. Each query is run the way a results page runs it: the first page
of 20 by rank, the total count and the snippets, inside a visibility filter.
(engine.results_page: one query on PostgreSQL, two on SQLite). The same
queries are then run the naive way: icontains on every word across
title, names and body, newest first. Reports p50 and p95 of each and their
ratio. The machine is shared: read medians, and run it twice.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = [
    "cybersecurity incident response zero trust network intrusion threat vulnerability encryption malware",
    "budget formulation execution appropriations fiscal obligations outlays audit financial statements treasury",
    "acquisition contracts procurement solicitation vendors awards source selection category management",
    "wildland fire emergency management incident command forest suppression prescribed burn disaster recovery",
    "public health epidemiology disease surveillance vaccination hospitals clinical outbreak pandemic",
    "data analytics governance machine learning statistics dashboards cloud migration modernization",
    "human capital workforce planning labor relations hiring recruitment retention classification benefits",
    "grants management program evaluation intergovernmental relations compliance monitoring outreach states",
    "supply chain logistics fleet inventory warehouses shipping distribution readiness freight transportation",
    "diplomacy foreign policy embassy consular trade negotiations treaties international partners",
    "law enforcement investigations prosecution border security intelligence counterterrorism",
    "energy nuclear safety grid renewable power plants environmental remediation climate",
]
GENERIC_TEXT = """led managed directed oversaw built improved delivered coordinated partnered briefed senior
officials teams programs operations strategy mission priorities results stakeholders executive leadership
change reorganization performance budget policy agency department bureau office regional national"""
GENERIC = GENERIC_TEXT.split()
TITLES = ["Director", "Deputy Director", "Chief", "Assistant Secretary"]
QUERIES = [
    "cybersecurity",
    "zero trust",
    '"incident response"',
    "budget formulation",
    '"budget execution" appropriations',
    "acquisition -contracts",
    "procurement OR acquisition",
    "wildland fire",
    '"emergency management" disaster',
    "epidemiology",
    "public health pandemic",
    "machine learning",
    "data governance cloud",
    "workforce planning",
    "labor relations",
    "grants compliance",
    "supply chain",
    "logistics fleet",
    "diplomacy trade",
    "border security",
    "nuclear safety",
    "renewable energy",
    "led reorganization",
    "leading change",
    "managed budget",
    "built teams",
    "intelligence counterterrorism",
    "financial audit",
    "treasury",
    "vaccination OR outbreak",
    "statistics dashboards",
    "recruitment retention",
    "inventory warehouses",
    "consular",
    "prosecution investigations",
    "remediation climate",
    "modernization",
    "evaluation outreach",
    "source selection",
    "hospitals clinical",
    '"foreign policy"',
    "freight transportation",
    "encryption malware",
    "obligations outlays",
    "forest suppression -prescribed",
    "cloud migration",
    "classification benefits",
    "monitoring states",
    "grid power",
    "senior executive leadership",
    "regional operations",
    "national strategy",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=len(QUERIES))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", action="store_true", help="Keep the seeded table and documents afterwards.")
    args = parser.parse_args()

    os.environ.setdefault("SOARS_ENV", "test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench_search.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        path = Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, models, transaction
    from django.db.models import Q

    from soars.search.engine import results_page, search, snippets
    from soars.search.models import SearchDocument

    class BenchRecord(models.Model):  # noqa: DJ008 (never displayed)
        title = models.TextField()
        names = models.TextField()
        body = models.TextField()
        all_agencies = models.BooleanField()
        agency = models.CharField(max_length=8, db_index=True)
        clearance_rank = models.PositiveSmallIntegerField()
        updated = models.IntegerField(db_index=True)

        class Meta:
            app_label = "search"
            db_table = "bench_search_record"

    call_command("migrate", verbosity=0)
    with connection.schema_editor() as editor:
        editor.execute("DROP TABLE IF EXISTS bench_search_record")
        editor.create_model(BenchRecord)
    SearchDocument.objects.filter(kind="bench").delete()

    rng = random.Random(args.seed)
    tail = [f"{rng.choice('bcdfghklmnprstvw')}{rng.choice('aeiou')}{rng.randrange(10, 9999)}x" for _ in range(20_000)]
    agencies = ["AG", "CM", "DD", "ED", "EE", "HE", "HS", "IN", "TR", "VA", "NA", "SB"]
    started = time.monotonic()
    batch_size = 2_000
    with transaction.atomic():
        for start in range(0, args.documents, batch_size):
            records, documents = [], []
            for pk in range(start + 1, min(start + batch_size, args.documents) + 1):
                fields = rng.sample(FIELDS, rng.choice([1, 1, 2]))
                words = [w for f in fields for w in rng.sample(f.split(), 6)]
                words += rng.sample(GENERIC, 8) + [rng.choice(tail) for _ in range(100)]
                rng.shuffle(words)
                title = f"{rng.choice(TITLES)}, {fields[0].split()[0]}"
                names = f"Executive {pk} {rng.choice(agencies)}"
                body = " ".join(words)
                records.append(
                    BenchRecord(
                        pk=pk,
                        title=title,
                        names=names,
                        body=body,
                        all_agencies=rng.random() < 0.6,
                        agency=rng.choice(agencies),
                        clearance_rank=rng.choice([0, 1, 3, 4, 5]),
                        updated=rng.randrange(1_000_000),
                    )
                )
                documents.append(SearchDocument(kind="bench", object_id=pk, title=title, names=names, body=body))
            BenchRecord.objects.bulk_create(records)
            SearchDocument.objects.bulk_create(documents)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seeded = time.monotonic() - started
    print(f"{connection.vendor}: seeded {args.documents} records and search documents in {seeded:.1f} s")

    queries = [QUERIES[i % len(QUERIES)] for i in range(args.queries)]

    def visible(i: int):
        qs = BenchRecord.objects.filter(Q(all_agencies=True) | Q(agency=agencies[i % len(agencies)]))
        return qs.filter(clearance_rank__gte=3) if i % 3 == 0 else qs

    def indexed(i: int, text: str) -> None:
        page = results_page(search(visible(i), text, kind="bench"), 1, per_page=20)
        snippets("bench", [record.pk for record in page], text)

    def naive(i: int, text: str) -> None:
        qs = visible(i)
        words = [w for w in text.replace('"', " ").split() if w != "OR" and not w.startswith("-")]
        for word in words:
            qs = qs.filter(Q(title__icontains=word) | Q(names__icontains=word) | Q(body__icontains=word))
        list(qs.order_by("-updated").values_list("pk", flat=True)[:20])
        qs.count()

    def timed(run) -> list[float]:
        run(0, queries[0])  # warm the cache
        times = []
        for i, text in enumerate(queries):
            t0 = time.perf_counter()
            run(i, text)
            times.append((time.perf_counter() - t0) * 1000)
        return times

    fts, slow = timed(indexed), timed(naive)

    def p(values: list[float], q: int) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[q - 1]

    print(f"{len(queries)} queries (page of 20 + count + snippets), milliseconds:")
    print(f"  full-text index  p50 {p(fts, 50):8.1f}  p95 {p(fts, 95):8.1f}")
    print(f"  naive icontains  p50 {p(slow, 50):8.1f}  p95 {p(slow, 95):8.1f}")
    print(f"  naive / index    p50 {p(slow, 50) / p(fts, 50):8.1f}x p95 {p(slow, 95) / p(fts, 95):7.1f}x")
    slowest = sorted(zip(fts, queries, strict=True), reverse=True)[:3]
    print("  slowest with the index: " + ", ".join(f"{text!r} {ms:.0f} ms" for ms, text in slowest))

    if not args.keep:
        with connection.schema_editor() as editor:
            editor.delete_model(BenchRecord)
        SearchDocument.objects.filter(kind="bench").delete()


if __name__ == "__main__":
    main()
