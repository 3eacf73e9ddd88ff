"""The development pages: the ERB's board (/hr/development/), one record, the executive's page, the PDF.

    python bench/development.py                    # SQLite, in var/bench-dev/ (seeded once, then reused)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench_dev python bench/development.py
    python bench/development.py --agency-executives 2000 --reseed

Seeds with `seed_demo` (1,000 executives and 500 opportunities unless told), then places
--agency-executives more executives at Agriculture, each with two goals, an activity, three
assignments over the years and two signed reviews, so the board has many pages to show. Requests
each page with Django's test client, REQUESTS times, signed in as the demo agency administrator
(the board, a record) or the demo executive (their page, the PDF). Prints medians and p95 in
milliseconds and the number of SQL statements per page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import percentile, prepare_database, seed, warm_caches  # noqa: E402


def report(label: str, times: list[float], statements: int) -> None:
    print(
        f"  {label:<34} median {statistics.median(times):7.1f}  p95 {percentile(times, 95):7.1f}"
        f"  n {len(times)}  {statements} SQL statements"
    )


def place_executives(count: int) -> None:
    """Agriculture's extra executives, once (they are recognised by their address)."""
    from soars.accounts.models import User
    from soars.core.models import Agency
    from soars.development.factories import assignment, goal, review
    from soars.development.models import Activity, Plan

    agency = Agency.objects.get(code="AG")
    have = User.objects.filter(email__endswith="@erb.bench.gov").count()
    board = User.objects.get(email="agency-admin@demo.soars.gov")
    started = time.monotonic()
    for n in range(have, count):
        person = User.objects.create_user(
            f"executive{n}@erb.bench.gov", full_name=f"Bench Executive {n:05d}", agency=agency
        )
        made = goal(person)
        goal(person, text="Deliver results across agencies", ecq_code="AR")
        Activity.objects.create(
            plan=Plan.of(person), goal=made, kind="training", title="FEI course", target_date=date(2027, 5, 1)
        )
        for year in (2012, 2017, 2022):
            assignment(person, start=date(year, 1, 9), end=date(year, 1, 9) + timedelta(days=200))
        review(person, board, held_on=date(2024, 11, 1), next_on=date(2025, 11, 1))
        review(person, board, held_on=date(2025, 11, 1), next_on=date(2026, 11, 1))
    if count > have:
        print(f"placed {count - have:,} executives at Agriculture in {time.monotonic() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executives", type=int, default=1000)
    parser.add_argument("--opportunities", type=int, default=500)
    parser.add_argument("--agency-executives", type=int, default=500)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()

    os.environ["SOARS_ENV"] = "development"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    url = os.environ.get("DATABASE_URL")
    prepare_database(url, args.reseed)
    if url is None:  # a database of its own, not bench/search.py's
        data = ROOT / "var" / "bench-dev"
        data.mkdir(parents=True, exist_ok=True)
        if args.reseed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{data / 'soars.sqlite3'}{suffix}").unlink(missing_ok=True)
        os.environ["SOARS_DATA_DIR"] = str(data)

    import django

    django.setup()
    from django.conf import settings
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from soars.accounts.models import User
    from soars.core.testing import login

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    request_started.disconnect(reset_queries)  # or each request empties the log of statements counted
    seed(args.executives, args.opportunities)
    place_executives(args.agency_executives)
    warm_caches()

    admin, executive = Client(), Client()
    login(admin, User.objects.get(email="agency-admin@demo.soars.gov"))
    login(executive, User.objects.get(email="executive@demo.soars.gov"))
    record = User.objects.filter(email__endswith="@erb.bench.gov").order_by("pk").first()
    pages = [
        ("board, first page", admin, "/hr/development/"),
        ("board, page 10", admin, "/hr/development/?page=10"),
        ("one record (audited)", admin, f"/hr/development/{record.pk}/"),
        ("executive's own page", executive, "/executive/development/"),
        ("executive's plan as PDF", executive, "/executive/development/plan.pdf"),
    ]
    print(f"load average {os.getloadavg()[0]:.1f} at the start; {args.requests} requests a page")
    for label, client, path in pages:
        client.get(path)  # warm up
        reset_queries()  # the log is full (DEBUG logs every statement), and a full log counts nothing new
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200, path
        times = []
        for _ in range(args.requests):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, path
        report(label, times, len(captured))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
