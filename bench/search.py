"""Search and matching at full size: 100,000 executives with resumes and 20,000 opportunities.

    python bench/search.py                      # SQLite, in var/bench/ (seeded once, then reused)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench python bench/search.py
    python bench/search.py --reseed             # throw the bench database away and seed again
    python bench/search.py --executives 20000 --opportunities 4000   # a quicker, smaller run

The database is a bench database of its own (its name must contain "bench"), seeded with
`seed_demo` (the same code as the demo site), and the seeding time is printed. Then:

- resume search: each query of RESUME_QUERIES run as /hr/resumes/ runs it for an HR user of
  a rotating agency (visibility, filters, search, first page of 25 with the total, snippets
  and every facet count), and the same query the naive way: icontains on every word across
  the resume's text fields, newest first, with the same page, total and facet counts;
- opportunity search: the same for OPPORTUNITY_QUERIES as /opportunities/ runs them for an
  executive (page of 20, total, snippets, facet counts), beside icontains;
- best matches for one opportunity over every resume an agency may see, and recommendations
  for one executive over every open opportunity.

It prints p50 and p95 in milliseconds and the naive / index ratios. The machine is shared:
give the load average with the figures and trust medians and ratios over single numbers.

Before each part, the database is read into the operating system's cache (PostgreSQL's
pg_prewarm, or SQLite's file read through), as a serving site holds it: this virtual machine
gives cache memory back within minutes, and a search that reads its pages from disk takes
several times as long the first time (docs/performance.md). --cold skips it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Natural HR queries with the filters an HR specialist would add. Filter values are codes;
# "ecq" names ECQs by position in the current framework (1-based), resolved at run time.
RESUME_QUERIES = [
    ("cybersecurity", {}),
    ("chief information officer", {}),
    ('"zero trust"', {}),
    ("incident response", {"clearance": "top_secret"}),
    ("budget formulation", {}),
    ("chief financial officer", {"eligibility": ["career_ses"]}),
    ("audit remediation", {}),
    ("acquisition OR procurement", {}),
    ("source selection", {"remote": "on"}),
    ("workforce planning", {}),
    ("labor relations -recruitment", {}),
    ("human capital", {"location": "Denver"}),
    ("emergency management", {}),
    ('"disaster recovery"', {"type": ["detail"]}),
    ("wildland fire", {}),
    ("forest management", {"location": "Seattle"}),
    ("public health", {}),
    ("epidemiology", {"clearance": "secret"}),
    ("vaccination", {}),
    ("grants management", {}),
    ("program evaluation", {"eligibility": ["cdp_graduate"]}),
    ("data analytics", {}),
    ("machine learning", {}),
    ("chief data officer", {"remote": "on"}),
    ("artificial intelligence", {}),
    ("trade negotiations", {}),
    ("diplomacy", {"clearance": "top_secret"}),
    ("investigations", {}),
    ("border security", {}),
    ("counterterrorism", {"clearance": "ts_sci"}),
    ("customer experience", {}),
    ("change management", {"type": ["rotation"]}),
    ("nuclear safety", {}),
    ("environmental remediation", {}),
    ("renewable energy", {}),
    ("aviation safety", {}),
    ("infrastructure finance", {}),
    ("claims processing", {}),
    ("benefits administration", {}),
    ("led modernization", {}),
    ("cloud migration", {"served_in": ["VA"]}),
    ("cybersecurity", {"served_in": ["HS", "DD"]}),
    ("budget", {"ecq": [1, 3]}),
    ("leading change", {"ecq": [1]}),
    ("regional administrator", {}),
    ("Georgetown", {}),
    ("Denver", {}),
    ("", {"eligibility": ["career_ses"], "clearance": "top_secret"}),
    ("", {"type": ["ipa"], "remote": "on"}),
    ("", {}),
    ("", {"served_in": ["AG"], "available_by": "+90"}),
    ("wildland fire OR emergency", {"available_by": "+180"}),
]
OPPORTUNITY_QUERIES = [
    ("cybersecurity", {}),
    ("chief information officer", {}),
    ("budget", {}),
    ("chief financial officer", {"remote": "on"}),
    ("acquisition", {}),
    ("procurement OR contracting", {}),
    ("human capital", {}),
    ("workforce planning", {"type": "detail"}),
    ("emergency management", {}),
    ("disaster recovery", {}),
    ("wildland fire", {}),
    ("forest", {"location": "Denver"}),
    ("public health", {}),
    ("epidemiology", {}),
    ("grants", {}),
    ("program evaluation", {"closing_soon": "on"}),
    ("data analytics", {}),
    ("machine learning", {}),
    ("chief data officer", {}),
    ("trade", {}),
    ("diplomacy", {"type": "rotation"}),
    ("investigations", {}),
    ("border security", {}),
    ("customer experience", {}),
    ("change management", {}),
    ("nuclear safety", {}),
    ("environmental", {"clearance": "secret"}),
    ("aviation safety", {}),
    ("infrastructure", {}),
    ("claims processing", {}),
    ("benefits", {"remote": "on"}),
    ("regional administrator", {}),
    ('"zero trust"', {}),
    ("modernization -cloud", {}),
    ("", {"type": "ipa"}),
    ("", {"agency": "HS"}),
    ("", {}),
    ("", {"remote": "on", "closing_soon": "on"}),
    ("detail", {}),
    ("rotation", {"agency": "DD"}),
    ("security", {"clearance": "top_secret"}),
    ("operations", {}),
    ("director", {}),
    ("health", {"agency": "HE"}),
    ("energy", {"agency": "DN"}),
    ("veterans", {}),
    ("Washington", {}),
    ("intelligence", {}),
    ("Seattle", {}),
    ("senior advisor", {}),
    ("leadership", {"sort": "closing"}),
    ("budget execution", {"sort": "newest"}),
]


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def timed(label: str, work, items) -> list[float]:
    work(items[0])  # warm the caches once
    times = []
    for item in items:
        started = time.perf_counter()
        work(item)
        times.append((time.perf_counter() - started) * 1000)
    if os.environ.get("BENCH_EACH"):
        print("    " + " ".join(f"#{i}:{ms:.0f}" for i, ms in enumerate(times)))
    slowest = sorted(zip(times, range(len(items)), strict=True), reverse=True)[:3]
    print(
        f"  {label:<30} p50 {percentile(times, 50):7.1f}  p95 {percentile(times, 95):7.1f}  max {max(times):7.1f}"
        f"   slowest: {', '.join(f'#{i} {ms:.0f}' for ms, i in slowest)}"
    )
    return times


def prepare_database(url: str | None, reseed: bool) -> None:
    """Point Django at the bench database; with reseed (or none there yet), start it empty."""
    if url is None:
        data = ROOT / "var" / "bench"
        data.mkdir(parents=True, exist_ok=True)
        path = data / "soars.sqlite3"
        if reseed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["SOARS_DATA_DIR"] = str(data)
        os.environ.pop("DATABASE_URL", None)
        return
    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to use database {name!r}: a bench database's name must contain 'bench'.")
    import psycopg

    admin = urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reseed:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def seed(executives: int, opportunities: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from soars.opportunities.models import Opportunity
    from soars.resumes.models import Resume

    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    have = (Resume.objects.count(), Opportunity.objects.count())
    if have[0] >= executives and have[1] >= opportunities:
        print(f"{connection.vendor}: reusing {have[0]:,} resumes and {have[1]:,} opportunities (--reseed to redo)")
        return
    if any(have):
        sys.exit("The bench database holds a different amount of data: run again with --reseed.")
    started = time.monotonic()
    call_command("seed_demo", executives=executives, opportunities=opportunities, no_progress=True)
    with connection.cursor() as cursor:
        # PostgreSQL: VACUUM also marks the pages all-visible, which index-only scans need
        # (autovacuum does this on a live site).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"{connection.vendor}: seeded {executives:,} executives with resumes and "
        f"{opportunities:,} opportunities in {time.monotonic() - started:.0f} s"
    )


def warm_caches() -> None:
    """Read the whole database once, so that the operating system's cache holds it."""
    from django.db import connection

    started = time.monotonic()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
            cursor.execute(
                "SELECT COALESCE(SUM(pg_prewarm(c.oid::regclass, 'read')), 0) * current_setting('block_size')::int"
                " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't', 'm')"
            )
            size = cursor.fetchone()[0]
    else:
        size, database = 0, Path(connection.settings_dict["NAME"])
        for path in database.parent.glob(database.name + "*"):  # with the -wal file, if any
            with path.open("rb") as file:
                while chunk := file.read(1 << 20):
                    size += len(chunk)
    print(f"{connection.vendor}: read {size / 2**20:,.0f} MB into the cache in {time.monotonic() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executives", type=int, default=100_000)
    parser.add_argument("--opportunities", type=int, default=20_000)
    parser.add_argument("--reseed", action="store_true", help="Drop the bench database and seed it again.")
    parser.add_argument("--seed-only", action="store_true", help="Seed, then stop.")
    parser.add_argument("--only", choices=["resumes", "opportunities", "matching"], help="Run one part.")
    parser.add_argument("--cold", action="store_true", help="Do not read the database into the cache first.")
    parser.add_argument(
        "--naive-every", type=int, default=1, help="Time the naive way for every n-th query only (quicker runs)."
    )
    args = parser.parse_args()

    os.environ["SOARS_ENV"] = "development"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    prepare_database(os.environ.get("DATABASE_URL"), args.reseed)

    import django

    django.setup()
    seed(args.executives, args.opportunities)
    if args.seed_only:
        return
    from bench import search_parts

    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    parts = {
        "resumes": lambda: search_parts.resume_search(RESUME_QUERIES, args.naive_every),
        "opportunities": lambda: search_parts.opportunity_search(OPPORTUNITY_QUERIES, args.naive_every),
        "matching": search_parts.matching,
    }
    for name, part in parts.items():
        if args.only in (None, name):
            if not args.cold:  # before each part: the cache empties within minutes here
                warm_caches()
            part()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
