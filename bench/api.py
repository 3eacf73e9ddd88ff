"""API timings at full size: the same searches as bench/search.py, through /api/v1/ with a token.

    python bench/api.py                       # SQLite, in var/bench/ (the bench/search.py database)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench python bench/api.py
    python bench/api.py --executives 20000 --opportunities 4000   # a quicker, smaller run

Seeds (or reuses) the bench database exactly as bench/search.py does, then times whole API calls
through Django's full request stack (middleware, token check, rate limit, search, serialisation):

- GET /api/v1/agency/resumes?q=…&filters, for RESUME_QUERIES, each with the token of HR staff of a
  rotating agency (the page's target: p95 ≤ 100 ms);
- GET /api/v1/opportunities?q=…&filters, for OPPORTUNITY_QUERIES, as HR staff (target p95 ≤ 50 ms);
- GET /api/v1/agency/opportunities (the agency's list) and …/{id}/matches for 20 open postings,
  whose rankings are stored first, as when a posting opens (docs/matching.md).

It prints p50 and p95 in milliseconds. The machine is shared: give the load average with them.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import (  # noqa: E402 (after the path is set)
    OPPORTUNITY_QUERIES,
    RESUME_QUERIES,
    prepare_database,
    seed,
    timed,
    warm_caches,
)


def _tokens(users) -> dict[int, str]:
    from django.utils import timezone

    from soars.api.models import ApiToken

    later = timezone.localdate() + timedelta(days=1)
    return {user.pk: ApiToken.issue(user, name="bench", can_write=False, expires_on=later)[1] for user in users}


def _get(client, token: str, path: str, params: dict | None = None) -> None:
    url = "/api/v1" + path + ("?" + urlencode(params, doseq=True) if params else "")
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}: {response.content[:300]!r}")


def run() -> None:
    from django.test import Client

    from bench.search_parts import hr_users, resume_params
    from soars.opportunities.models import Opportunity

    users = hr_users()
    tokens = _tokens(users)
    client = Client(HTTP_HOST="localhost")

    runs = [(users[i % len(users)], resume_params(text, f)) for i, (text, f) in enumerate(RESUME_QUERIES)]
    print(f"API over {Opportunity.objects.count():,} opportunities (ms, whole calls):")
    timed("GET /agency/resumes", lambda r: _get(client, tokens[r[0].pk], "/agency/resumes", r[1]), runs)

    runs = [(users[i % len(users)], {"q": t, **f} if t else dict(f)) for i, (t, f) in enumerate(OPPORTUNITY_QUERIES)]
    timed("GET /opportunities", lambda r: _get(client, tokens[r[0].pk], "/opportunities", r[1]), runs)
    timed("GET /agency/opportunities", lambda u: _get(client, tokens[u.pk], "/agency/opportunities"), users)

    by_agency = {user.agency_id: user for user in users}
    open_ids = list(Opportunity.objects.filter(status="open", agency__in=list(by_agency)).values_list("pk", flat=True))
    chosen = Opportunity.objects.filter(pk__in=random.Random(7).sample(open_ids, min(20, len(open_ids))))
    runs = [(o.pk, by_agency[o.agency_id]) for o in chosen]
    from soars.matching import rankings

    for opportunity in chosen:  # as when the posting opened: its ranking is stored (docs/matching.md)
        rankings.refresh(opportunity, by_agency[opportunity.agency_id].agency)
    timed("GET /agency/opportunities/{id}/matches", lambda r: _get(client, tokens[r[1].pk],
          f"/agency/opportunities/{r[0]}/matches"), runs)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--executives", type=int, default=100_000)
    parser.add_argument("--opportunities", type=int, default=20_000)
    parser.add_argument("--reseed", action="store_true", help="Drop the bench database and seed it again.")
    parser.add_argument("--cold", action="store_true", help="Do not read the database into the cache first.")
    args = parser.parse_args()

    os.environ["SOARS_ENV"] = "development"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    os.environ.setdefault("API_RATE_LIMIT_PER_MINUTE", "1000000")  # timing the calls, not the limit
    prepare_database(os.environ.get("DATABASE_URL"), args.reseed)

    import django

    django.setup()
    seed(args.executives, args.opportunities)
    print(f"load average {os.getloadavg()[0]:.1f} at the start")
    if not args.cold:
        warm_caches()
    run()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
