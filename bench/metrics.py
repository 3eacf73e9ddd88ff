"""The metrics pages: /manage/metrics/ (every agency, one agency, five years) and /hr/metrics/.

    python bench/metrics.py                        # SQLite, in var/bench-metrics-100000/ (seeded once, then reused)
    python bench/metrics.py --executives 20000 --opportunities 4000   # a quicker, smaller run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench_metrics python bench/metrics.py

Seeds with `seed_demo` (100,000 executives and 20,000 opportunities unless told); its metrics module
(soars/metrics/demo.py) adds the history the figures count: assignments for half the executives,
ERB reviews, as many past postings as current ones with interest, and a resume view per two
executives. Requests each page with Django's test client, REQUESTS times, signed in as the demo
site administrator or the demo HR user: "not stored" (the store of figures emptied before each
request, so every figure is worked out, as before the first refresh) and "stored" (as the pages run:
the hourly job `metrics.refresh_figures` has stored every scope's figures). Prints how long one
refresh takes, then medians and p95 in milliseconds and the SQL statements of each page.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.development import report  # noqa: E402
from bench.search import prepare_database, seed, warm_caches  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executives", type=int, default=100_000)
    parser.add_argument("--opportunities", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()

    os.environ["SOARS_ENV"] = "development"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    url = os.environ.get("DATABASE_URL")
    prepare_database(url, args.reseed)
    if url is None:  # a database of its own, not bench/search.py's
        data = ROOT / "var" / f"bench-metrics-{args.executives}"  # one per size, each seeded once
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
    from soars.metrics.figures import refresh_all
    from soars.metrics.models import StoredFigure

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    request_started.disconnect(reset_queries)  # or each request empties the log of statements counted
    seed(args.executives, args.opportunities)
    warm_caches()

    admin, hr = Client(), Client()
    login(admin, User.objects.get(email="admin@demo.soars.gov"))
    login(hr, User.objects.get(email="hr@demo.soars.gov"))
    pages = [
        ("manage: every agency, 8 quarters", admin, "/manage/metrics/"),
        ("manage: one agency, one type", admin, "/manage/metrics/?agency=AG&type=detail"),
        ("manage: every agency, 20 quarters", admin, "/manage/metrics/?period=20"),
        ("manage: one figure as XLSX", admin, "/manage/metrics/?download=xlsx&figure=interest"),
        ("hr: agency beside government", hr, "/hr/metrics/"),
    ]
    print(f"load average {os.getloadavg()[0]:.1f} at the start; {args.requests} requests a page")
    started = time.perf_counter()
    stored = refresh_all()
    print(f"refresh: {stored:,} figures (every scope) worked out and stored in {time.perf_counter() - started:.1f} s")
    for label, client, path in pages:
        client.get(path)  # warm up
        for state in ("not stored", "stored"):
            if state == "stored":
                client.get(path)  # stores what the last request worked out, as a refresh would
            times = []
            for _ in range(args.requests):
                if state == "not stored":
                    StoredFigure.objects.all().delete()
                reset_queries()  # the log is full (DEBUG logs every statement), and a full log counts nothing new
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, path
            report(f"{label} ({state})", times, len(captured))
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
