"""Start the production profile on one machine: gunicorn, several task workers and the scheduler.

The same code as `runsite` (`make run`); only the settings differ: SOARS_ENV=production, PostgreSQL
through DATABASE_URL, Redis through REDIS_URL. Before starting, it starts a loopback PostgreSQL or
Redis that this machine has but is stopped, creates the PostgreSQL database if it is missing,
migrates, loads the reference data and collects the static files. docs/deploy.md explains each part.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from soars.core.management.commands.runsite import listening_url, use_site_url

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
# Plain HTTP for a trial on this machine only: what production otherwise insists on.
PLAIN_HTTP = {
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
}


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        return False
    return True


def wait_for(host: str, port: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if reachable(host, port):
            return True
        time.sleep(0.5)
    return False


def stop_processes(processes: list[subprocess.Popen], timeout: float) -> None:
    """Ask each process still running to stop, then kill any that has not within `timeout` seconds."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    for process in processes:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()


class Command(BaseCommand):
    help = "Run the production profile: gunicorn, task workers and the scheduler, with production settings."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=2 * cpu_count() + 1, help="gunicorn worker processes")
        parser.add_argument("--task-workers", type=int, default=cpu_count(), help="task worker processes")
        parser.add_argument(
            "--plain-http",
            action="store_true",
            help="A trial on this machine: plain HTTP on a loopback address (refused on any other).",
        )
        parser.add_argument("--demo", action="store_true", help="Add the demo data if the database has none.")
        parser.add_argument("--no-start-services", action="store_true", help="Do not start PostgreSQL or Redis.")

    def handle(self, *args, **options):
        if not settings.PRODUCTION:
            raise CommandError("serve runs the production settings: set SOARS_ENV=production (or use `make serve`).")
        host, port = options["host"], options["port"]
        if options["workers"] < 1 or options["task_workers"] < 1:
            raise CommandError("--workers and --task-workers must be at least 1.")
        if options["plain_http"]:
            if host not in LOOPBACK:
                raise CommandError("--plain-http is for a trial on this machine: use a loopback --host.")
            os.environ.update(PLAIN_HTTP)
        os.environ["SOARS_ENV"] = "production"
        if not options["no_start_services"]:
            self.start_services()
        self.prepare(options["demo"])
        use_site_url(host, port)
        self.run_processes(host, port, options["workers"], options["task_workers"])

    # --- before starting -------------------------------------------------------------------------

    def start_services(self) -> None:
        database = settings.DATABASES["default"]
        if database["ENGINE"] == "django.db.backends.postgresql":
            pg_host, pg_port = database.get("HOST") or "127.0.0.1", int(database.get("PORT") or 5432)
            if pg_host in LOOPBACK and not reachable(pg_host, pg_port) and Path("/etc/postgresql").is_dir():
                version = sorted(os.listdir("/etc/postgresql"))[0]
                self.stdout.write(f"Starting PostgreSQL {version} (it was stopped)")
                subprocess.run(  # noqa: S603
                    ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"],  # noqa: S607
                    check=False,
                )
                if not wait_for(pg_host, pg_port):
                    raise CommandError(f"PostgreSQL did not start on {pg_host}:{pg_port}.")
        if settings.REDIS_URL:
            redis = urlparse(settings.REDIS_URL)
            r_host, r_port = redis.hostname or "127.0.0.1", redis.port or 6379
            if r_host in LOOPBACK and not reachable(r_host, r_port) and shutil.which("redis-server"):
                self.stdout.write("Starting Redis (it was stopped)")
                subprocess.run(  # noqa: S603
                    ["redis-server", "--daemonize", "yes", "--bind", r_host, "--port", str(r_port)],  # noqa: S607
                    check=False,
                )
                wait_for(r_host, r_port, 10)
            if not reachable(r_host, r_port):
                self.stderr.write(f"Redis is not reachable at {r_host}:{r_port}; the site runs without it.")

    def create_database(self, database: dict) -> None:
        import psycopg
        from psycopg import sql

        params = {k: v for k, v in (("host", database.get("HOST")), ("port", database.get("PORT"))) if v}
        params.update(user=database.get("USER") or None, password=database.get("PASSWORD") or None)
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as connection:
            found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]).fetchone()
            if not found:
                self.stdout.write(f"Creating the PostgreSQL database {database['NAME']}")
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))

    def prepare(self, demo: bool) -> None:
        if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
            self.create_database(settings.DATABASES["default"])
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if demo:
            call_command("seed_demo", if_empty=True)

    # --- running ---------------------------------------------------------------------------------

    def run_processes(self, host: str, port: int, workers: int, task_workers: int) -> None:
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        gunicorn = [
            sys.executable, "-m", "gunicorn", "soars.wsgi",
            "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
            "--workers", str(workers),
            "--timeout", "60", "--graceful-timeout", "20",
            "--access-logfile", "-",
        ]  # fmt: skip
        web = subprocess.Popen(gunicorn, cwd=settings.BASE_DIR)  # noqa: S603
        # Task workers and the scheduler stop when they lose the database (a PostgreSQL restart):
        # each is started again, as a supervisor would. gunicorn keeps its own workers alive.
        commands = {f"task worker {n}": [*manage, "db_worker", "--queue-name", "*", "--no-reload"]
                    for n in range(1, task_workers + 1)}  # fmt: skip
        commands["scheduler"] = [*manage, "run_scheduler"]
        helpers = {name: subprocess.Popen(argv) for name, argv in commands.items()}  # noqa: S603

        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        if not wait_for(host.strip("[]"), port, 30):
            self.stderr.write("gunicorn did not start listening within 30 s.")
            stopping = True
        else:
            self.print_welcome(host, port, workers, task_workers)
        while not stopping and web.poll() is None:
            for name, process in helpers.items():
                if process.poll() is not None:
                    self.stderr.write(f"{name} stopped (exit {process.returncode}); starting it again in 2 s.")
                    time.sleep(2)
                    helpers[name] = subprocess.Popen(commands[name])  # noqa: S603
            time.sleep(0.5)
        failed = not stopping  # gunicorn itself stopped
        stop_processes([web, *helpers.values()], timeout=25)
        if failed:
            raise CommandError("gunicorn stopped; the task workers and the scheduler were stopped with it.")

    def print_welcome(self, host: str, port: int, workers: int, task_workers: int) -> None:
        database = settings.DATABASES["default"]
        lines = [
            "",
            "=" * 72,
            f"SOARS (production profile) is listening at {listening_url(host, port)}/",
            f"gunicorn: {workers} workers; task workers: {task_workers}; scheduler: 1",
            f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}",
            f"cache: {'Redis ' + settings.REDIS_URL if settings.REDIS_URL else 'each process its own memory'}",
            "health check: /health/ (200 when the database and task queue answer, else 503)",
            "Ctrl-C (or SIGTERM) stops every process.",
        ]
        if settings.DEMO_MODE:
            from soars.accounts.demo import demo_login_lines

            lines += ["", "Demo accounts (SOARS_DEMO is on: never on a real deployment):", *demo_login_lines()]
        lines += ["=" * 72, ""]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()
