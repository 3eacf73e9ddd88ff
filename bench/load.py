"""Load on the production profile: Locust against `manage.py serve`, beside a bare Django view.

    pip install -r bench/requirements.txt                         # Locust, once
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench python bench/load.py
    ... python bench/load.py --users 2,4,8,16 --seconds 60        # the defaults

The database must hold the benchmark data (100,000 executives, 20,000 opportunities: seeded by
`python bench/search.py` or `manage.py seed_demo --executives 100000 --opportunities 20000`).
The script gives a password to 100 executives and 60 HR staff (and each of those an authenticator
with a key it knows), starts `manage.py serve` (gunicorn 2 x CPUs + 1 workers, task workers,
scheduler, Redis) on a free loopback port, and a bare Django view (bench/hello.py) under the same
gunicorn settings on another. For each user count it runs the scenario of bench/locustfile.py
(anonymous 2 : executives 5 : HR staff 3, each signing in through the real forms), then the bare
view alone, with no think time (each user sends its next request when the last is answered), so
the throughput is what the two cores sustain. The site's periodic jobs are marked as just run
first, so that none (the hourly metrics refresh, the reminders) runs during the measures. Locust
runs on the same machine and takes a share of the cores: compare the two columns of the same run,
not runs of different days.
It prints requests per second, p50 / p95 / p99 per page type and the error rate.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load test passphrase for bench 2026"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(database_url: str, data_dir: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SOARS_", "DJANGO_"))},
        "SOARS_ENV": "production",
        "SECRET_KEY": "load-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
        "SOARS_DATA_DIR": str(data_dir),
        "LOGIN_FAILURE_LIMIT_PER_IP": "1000000",
        "AXES_FAILURE_LIMIT": "1000",
        "API_RATE_LIMIT_PER_MINUTE": "1000000",
    }


def prepare_accounts(path: Path) -> dict:
    """Passwords and authenticators for the accounts the scenario signs in with (one hash for all)."""
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from soars.accounts.models import User
    from soars.opportunities.models import Interest, Opportunity

    hashed = make_password(PASSWORD)
    executives = list(User.objects.filter(role="executive", is_active=True, resume__isnull=False).order_by("pk")[:100])
    hr = list(User.objects.filter(role="hr", is_active=True, agency__isnull=False).order_by("pk")[:60])
    User.objects.filter(pk__in=[u.pk for u in executives + hr]).update(password=hashed)
    TOTPDevice.objects.filter(user__in=hr).delete()
    accounts = {"executives": [], "hr": [], "open_opportunities": []}
    for user in executives:
        accounts["executives"].append({"email": user.email, "password": PASSWORD})
    for user in hr:
        key = secrets.token_hex(20)
        TOTPDevice.objects.create(user=user, name="Load test", key=key, confirmed=True)
        postings = list(
            Opportunity.objects.filter(agency=user.agency, status="open").values_list("pk", flat=True)[:20]
        ) or list(Opportunity.objects.filter(agency=user.agency).values_list("pk", flat=True)[:20])
        interests = list(
            Interest.objects.filter(opportunity_id__in=postings)
            .exclude(status__in=["selected", "withdrawn"])
            .values_list("opportunity_id", "pk")[:40]
        )
        if postings:
            accounts["hr"].append(
                {"email": user.email, "password": PASSWORD, "totp": key, "opportunities": postings,
                 "interests": interests}
            )  # fmt: skip
    accounts["open_opportunities"] = list(
        Opportunity.objects.filter(status="open", visibility="all").values_list("pk", flat=True)[:500]
    )
    path.write_text(json.dumps(accounts))
    return accounts


def wait_listening(port: int, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                sys.exit("A server stopped before it listened.")
            time.sleep(1)
    sys.exit(f"Nothing listens on {port} after {seconds} s.")


def workers() -> int:
    return 2 * len(os.sched_getaffinity(0)) + 1


def locust(host: str, users: int, seconds: int, prefix: Path, env: dict[str, str]) -> list[dict]:
    command = [
        sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(max(1, users)), "-t", f"{seconds}s", "--host", host,
        "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "10",
    ]  # fmt: skip
    subprocess.run(command, env=env, check=False, capture_output=True)  # noqa: S603
    with open(f"{prefix}_stats.csv", newline="") as handle:
        return list(csv.DictReader(handle))


def row(stats: dict) -> str:
    count, failures = int(stats["Request Count"]), int(stats["Failure Count"])
    return (
        f"{float(stats['Requests/s']):7.1f} {stats['50%']:>6} {stats['95%']:>6} {stats['99%']:>6}"
        f" {100 * failures / max(count, 1):6.2f}% {count:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Locust against the production profile.")
    parser.add_argument("--users", default="2,4,8,16", help="user counts, one run each")
    parser.add_argument("--seconds", type=int, default=60, help="length of each run")
    parser.add_argument("--warmup", type=int, default=30, help="seconds of load, not counted, before the runs")
    arguments = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        sys.exit("Set DATABASE_URL to the PostgreSQL benchmark database (see the docstring).")
    if shutil.which("locust") is None and not (Path(sys.executable).parent / "locust").exists():
        sys.exit("Locust is not installed: pip install -r bench/requirements.txt")

    scratch = Path(tempfile.mkdtemp(prefix="soars-load-"))
    env = production_env(database_url, scratch / "data")
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "soars.settings")
    sys.path.insert(0, str(ROOT))
    accounts = prepare_accounts(scratch / "accounts.json")
    print(
        f"accounts: {len(accounts['executives'])} executives, {len(accounts['hr'])} HR staff;"
        f" {len(accounts['open_opportunities'])} open postings; gunicorn workers: {workers()}"
    )

    # Every periodic job is due when serve starts on a database that ran none (the metrics refresh,
    # the development reminders: minutes of work at this size). Marked as just run, they leave the
    # task workers, and the two cores, to the pages measured.
    from django.utils import timezone

    from soars.core.models import ScheduledRun
    from soars.core.schedule import all_periodic

    for job in all_periodic():
        ScheduledRun.objects.update_or_create(name=job.name, defaults={"last_run_at": timezone.now()})
    print("periodic jobs: marked as just run, so none runs during the measures")

    site_port, hello_port = free_port(), free_port()
    serve = [sys.executable, "manage.py", "serve", "--plain-http", "--no-start-services", "--port", str(site_port)]
    site = subprocess.Popen(  # noqa: S603
        serve, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    hello_command = [
        sys.executable, "-m", "gunicorn", "bench.hello:application", "--bind", f"127.0.0.1:{hello_port}",
        "--workers", str(workers()), "--timeout", "60", "--graceful-timeout", "20",
    ]  # fmt: skip
    hello = subprocess.Popen(  # noqa: S603
        hello_command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        wait_listening(site_port, site)
        wait_listening(hello_port, hello)
        locust_env = {**env, "SOARS_LOAD_ACCOUNTS": str(scratch / "accounts.json")}
        # Warm up: each gunicorn worker's first requests build its caches (places, vocabulary).
        locust(f"http://127.0.0.1:{site_port}", 4, arguments.warmup, scratch / "warmup", locust_env)
        print(f"\nload average before: {os.getloadavg()[0]:.1f}; {arguments.seconds} s a run; ms")
        print(
            f"{'users':>5} {'page type':<34} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>7} {'count':>7}"
        )
        for users in [int(n) for n in arguments.users.split(",")]:
            site_stats = locust(f"http://127.0.0.1:{site_port}", users, arguments.seconds, scratch / f"site{users}",
                                locust_env)  # fmt: skip
            hello_stats = locust(f"http://127.0.0.1:{hello_port}", users, arguments.seconds, scratch / f"hello{users}",
                                 {**locust_env, "SOARS_LOAD_HELLO": "1"})  # fmt: skip
            for stats in site_stats:
                name = stats["Name"] if stats["Name"] != "Aggregated" else "all of the site"
                print(f"{users:>5} {name[:34]:<34} {row(stats)}")
            signed_in = [s for s in site_stats if s["Name"].startswith(("executive:", "hr:"))]
            signed_rps = sum(float(s["Requests/s"]) for s in signed_in)
            hello_total = next(s for s in hello_stats if s["Name"] == "Aggregated")
            print(f"{users:>5} {'bare hello view':<34} {row(hello_total)}")
            print(
                f"{users:>5} signed-in pages: {signed_rps:.1f} req/s with {len(signed_in)} page types beside"
                f" {float(hello_total['Requests/s']):.1f} for the bare view"
                f" ({100 * signed_rps / max(float(hello_total['Requests/s']), 0.001):.0f}%)"
            )
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        for process in (site, hello):
            process.send_signal(signal.SIGTERM)
        for process in (site, hello):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
