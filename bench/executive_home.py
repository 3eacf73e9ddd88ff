"""The executive options page (/executive/) with "Recommended for you" stored or computed per view.

    python bench/executive_home.py                 # SQLite, in var/bench-home/ (seeded once, then reused)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench_home python bench/executive_home.py
    python bench/executive_home.py --opportunities 20000 --executives 100000 --reseed

Seeds with `seed_demo` (as bench/search.py does; 2,000 opportunities and 1,000 executives unless
told), then requests /executive/ with Django's test client, REQUESTS times, for a rotating set
of executives with a resume to match on:

- computed on every view: each executive's stored list is removed before the request, so the page
  computes it and stores it (what every visit cost before the lists were stored, plus one write);
- stored: the list is there, the page reads it and the postings it names.

It also times the stored panel alone (recommended_panel) and the background refresh of one
list. Prints medians and p95 in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import percentile, prepare_database, seed, warm_caches  # noqa: E402


def report(label: str, times: list[float]) -> None:
    print(f"  {label:<28} median {statistics.median(times):7.1f}  p95 {percentile(times, 95):7.1f}  n {len(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executives", type=int, default=1000)
    parser.add_argument("--opportunities", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()

    os.environ["SOARS_ENV"] = "development"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    url = os.environ.get("DATABASE_URL")
    prepare_database(url, args.reseed)
    if url is None:  # a database of its own, not bench/search.py's
        data = ROOT / "var" / "bench-home"
        data.mkdir(parents=True, exist_ok=True)
        if args.reseed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{data / 'soars.sqlite3'}{suffix}").unlink(missing_ok=True)
        os.environ["SOARS_DATA_DIR"] = str(data)

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    seed(args.executives, args.opportunities)
    warm_caches()

    from soars.core.testing import login
    from soars.matching.models import RecommendationList
    from soars.matching.stored import recommended_panel, refresh
    from soars.resumes.models import Resume

    users = [
        resume.executive
        for resume in Resume.objects.exclude(skills=[]).exclude(headline="").select_related("executive")[:10]
    ]
    clients = []
    for user in users:
        client = Client()
        login(client, user)
        clients.append((user, client))

    def visit(index: int, *, drop: bool) -> float:
        user, client = clients[index % len(clients)]
        if drop:
            RecommendationList.objects.filter(executive=user).delete()
        started = time.perf_counter()
        response = client.get("/executive/")
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        return elapsed

    print(f"load average {os.getloadavg()[0]:.1f} at the start; {len(users)} executives, {args.requests} requests")
    for index in range(len(clients)):
        visit(index, drop=True)  # warm up
    report("computed on every view", [visit(i, drop=True) for i in range(args.requests)])
    report("stored", [visit(i, drop=False) for i in range(args.requests)])
    panel = []
    for index in range(args.requests):
        started = time.perf_counter()
        recommended_panel(users[index % len(users)])
        panel.append((time.perf_counter() - started) * 1000)
    report("stored panel alone", panel)
    refreshes = []
    for user in users:
        started = time.perf_counter()
        refresh(user.pk)
        refreshes.append((time.perf_counter() - started) * 1000)
    report("background refresh of one", refreshes)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
