"""`manage.py serve` (`make serve`): the production profile starts, serves, and stops every process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[3]


def test_serve_insists_on_the_production_settings():
    with pytest.raises(CommandError, match="SOARS_ENV=production"):
        call_command("serve", "--plain-http")


def test_plain_http_is_refused_on_an_address_other_machines_reach(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="loopback"):
        call_command("serve", "--plain-http", "--host", "0.0.0.0")


def group(pgid: int, columns: str) -> list[str]:
    """`ps` lines of the processes of a process group."""
    listing = subprocess.run(["ps", "-o", columns, "-g", str(pgid)], capture_output=True, text=True, check=False)
    return [line.strip() for line in listing.stdout.splitlines() if line.strip()]


def serve_database(tmp_path) -> tuple[str, str | None]:
    """The database the served site uses: beside the tests' own, on the same engine."""
    configured = os.environ.get("DATABASE_URL", "")
    if configured.startswith("postgres"):
        name = dj_database_url.parse(configured)["NAME"] + "_serve"
        return configured.rsplit("/", 1)[0] + "/" + name, name
    return f"sqlite:///{tmp_path / 'serve.sqlite3'}", None


def drop_database(url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    params = dj_database_url.parse(url)
    with psycopg.connect(
        dbname="postgres", host=params["HOST"], port=params["PORT"] or 5432, user=params["USER"], autocommit=True
    ) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_the_profile_starts_gunicorn_workers_and_scheduler_serves_and_stops_them_all(tmp_path):
    port = free_port()
    url, pg_name = serve_database(tmp_path)
    if pg_name:
        drop_database(url, pg_name)  # so the command creates it
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SOARS_", "DJANGO_", "REDIS_"))},
        "SOARS_ENV": "production",
        "SECRET_KEY": "serve-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": url,
        "SOARS_DATA_DIR": str(tmp_path / "data"),
    }
    command = [sys.executable, "manage.py", "serve", "--plain-http", "--no-start-services", "--port", str(port)]
    command += ["--workers", "2", "--task-workers", "2"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        lines = []
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            lines.append(line)
            if "is listening at" in line or server.poll() is not None:
                break
        assert f"is listening at http://127.0.0.1:{port}/" in "".join(lines), "".join(lines)[-3000:]

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=60) as health:
            assert health.status == 200 and b'"status": "ok"' in health.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=60) as login:
            page = login.read().decode()
            assert login.status == 200 and "Log in to SOARS" in page
            assert "/static/" in page  # WhiteNoise serves the collected files:
        static = page.split('href="/static/', 1)[1].split('"', 1)[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/{static}", timeout=60) as asset:
            assert asset.status == 200
        processes = subprocess.run(
            ["ps", "-o", "args=", "-g", str(server.pid)], capture_output=True, text=True, check=False
        ).stdout
        assert processes.count("db_worker") == 2 and "run_scheduler" in processes and "gunicorn" in processes

        # A task worker that dies (SIGKILL, or a lost database) is started again.
        [victim] = [line.split()[0] for line in group(server.pid, "pid=,args=") if "db_worker" in line][:1]
        os.kill(int(victim), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            workers = [line.split()[0] for line in group(server.pid, "pid=,args=") if "db_worker" in line]
            if len(workers) == 2 and victim not in workers:
                break
            time.sleep(0.5)
        assert len(workers) == 2 and victim not in workers
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
    time.sleep(1)
    left = subprocess.run(
        ["ps", "-o", "pid=", "-g", str(server.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert left == [], "every process of the profile stops with it"
    if pg_name:
        drop_database(url, pg_name)
    assert settings.ROOT_URLCONF  # the test's own settings untouched
