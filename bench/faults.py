"""Faults of the production profile, run before a release (minutes each: not in the test suite).

    python bench/faults.py                     # every fault
    python bench/faults.py --only postgres     # or: worker

Each fault runs against servers of its own on free loopback ports: a PostgreSQL cluster in a
temporary directory (initdb as the postgres user when run as root), an SMTP server in this
process, and `manage.py serve` (gunicorn, task workers, scheduler) with production settings over
plain HTTP. The machine's own PostgreSQL is never touched.

- postgres: four clients read pages and send Contact Us messages while PostgreSQL restarts
  (`pg_ctl restart -m fast`). It proves: every answer is 200, 302 or the friendly 503; every
  message answered 302 is stored and every message stored was answered 302 (nothing lost,
  nothing kept behind a 503); pages serve again after the restart without restarting the site.
- worker: Contact Us messages queue emails to an SMTP server that holds each delivery for 3 s
  before taking the message; the task worker is killed with SIGKILL mid-delivery; serve starts
  a new worker; after EMAIL_STALLED_AFTER_SECONDS the safety net (core.recover_stalled_email)
  queues the cut-off email again. It proves: every email arrives exactly once.
Redis stopping and a full disk are proved by tests (soars/core/tests/test_shared_cache.py,
soars/resumes/tests/test_uploads.py); an SMTP outage by soars/accounts/tests/test_email_reliability.py.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if not found:
        sys.exit(f"PostgreSQL's {name} is not installed (Debian: postgresql).")
    return str(found[-1])


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class ThrowawayPostgres:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="soars-faults-pg-"))
        self.data, self.port = self.dir / "data", free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/soars"

    def ctl(self, *args: str) -> None:
        # The server's output goes to its log: a pipe of ours would be held open by the server for ever.
        command = [pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", *args]
        subprocess.run(as_postgres(command), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603

    def start(self) -> None:
        init = [pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync"]
        subprocess.run(as_postgres(init), check=True, capture_output=True)  # noqa: S603
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.ctl("-o", options, "start")

    def restart(self) -> float:
        started = time.monotonic()
        self.ctl("-m", "fast", "restart")
        return time.monotonic() - started

    def query(self, sql: str) -> list[str]:
        psql = [pg_bin("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "soars", "-Atc", sql]
        return subprocess.run(psql, check=True, capture_output=True, text=True).stdout.split("\n")  # noqa: S603

    def stop(self) -> None:
        try:
            self.ctl("-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


class Site:
    """manage.py serve on a free port, with production settings, against the throwaway database."""

    def __init__(self, database_url: str, **env: str) -> None:
        self.port = free_port()
        self.data = Path(tempfile.mkdtemp(prefix="soars-faults-site-"))
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SOARS_", "DJANGO_", "REDIS_"))},
            "SOARS_ENV": "production",
            "SECRET_KEY": "faults-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "SOARS_DATA_DIR": str(self.data),
            "CONTACT_RATE_LIMIT_PER_HOUR": "1000",
            "CONTACT_RATE_LIMIT_PER_IP_PER_HOUR": "1000000",
            **env,
        }
        self.url = f"http://127.0.0.1:{self.port}"
        self.log: list[str] = []

    def start(self, task_workers: int = 1) -> None:
        command = [sys.executable, "manage.py", "serve", "--plain-http", "--no-start-services"]
        command += ["--port", str(self.port), "--workers", "3", "--task-workers", str(task_workers)]
        self.process = subprocess.Popen(  # noqa: S603
            command, cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            self.log.append(line)
            if "is listening at" in line:
                threading.Thread(target=self._drain, daemon=True).start()
                return
            if self.process.poll() is not None:
                break
        sys.exit("The site did not start:\n" + "".join(self.log[-40:]))

    def _drain(self) -> None:
        for line in self.process.stdout:
            self.log.append(line)

    def manage(self, *args: str) -> str:
        done = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, check=True
        )
        return done.stdout

    def task_workers(self) -> list[int]:
        ps = ["ps", "-o", "pid=,args=", "-g", str(self.process.pid)]
        listing = subprocess.run(ps, capture_output=True, text=True, check=False)  # noqa: S603
        return [int(line.split()[0]) for line in listing.stdout.splitlines() if "db_worker" in line]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
        shutil.rmtree(self.data, ignore_errors=True)


class Visitor:
    """One person with a browser's cookies: reads pages and sends Contact Us messages."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int | str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.site.url + path, data=body, timeout=30) as response:
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")
        except OSError as error:  # refused, reset, timed out: the site did not answer at all
            return type(error).__name__, ""

    def send_message(self, email: str) -> int | str:
        status, page = self.request("/contact/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not token:
            return f"form {status}"
        message = {"csrfmiddlewaretoken": token.group(1), "name": "Pat Lee", "email": email, "topic": "resume"}
        status, _ = self.request("/contact/", {**message, "message": "A question about my resume."})
        return status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def postgres_restart() -> bool:
    print("\n== PostgreSQL restarts under load")
    database = ThrowawayPostgres()
    database.start()
    site = Site(database.url)
    try:
        site.start(task_workers=1)
        outcomes: list[tuple[float, str, int | str, str]] = []  # (time, what, status, email)
        lock, stop = threading.Lock(), threading.Event()
        begun = time.monotonic()

        def visit(n: int) -> None:
            visitor, sent = Visitor(site), 0
            while not stop.is_set():
                for path in ("/health/", "/"):
                    status, _ = visitor.request(path)
                    with lock:
                        outcomes.append((time.monotonic() - begun, path, status, ""))
                sent += 1
                email = f"visitor{n}.{sent}@agency.gov"
                status = visitor.send_message(email)
                with lock:
                    outcomes.append((time.monotonic() - begun, "POST /contact/", status, email))

        clients = [threading.Thread(target=visit, args=(n,)) for n in range(4)]
        for client in clients:
            client.start()
        time.sleep(8)
        restart_at = time.monotonic() - begun
        took = database.restart()
        time.sleep(12)
        stop.set()
        for client in clients:
            client.join()

        by_status = collections.Counter(str(status) for _, _, status, _ in outcomes)
        answered_302 = {email for _, what, status, email in outcomes if what == "POST /contact/" and status == 302}
        answered_other = {email for _, what, status, email in outcomes if what == "POST /contact/" and status != 302}
        stored = {line for line in database.query("SELECT email FROM core_contactmessage") if line}
        after = [status for t, what, status, _ in outcomes if t > restart_at + took + 3 and what == "/health/"]
        unavailable = [t for t, _, status, _ in outcomes if status == 503]
        print(f"requests: {len(outcomes)}; by answer: {dict(sorted(by_status.items()))}")
        first, last = min(unavailable, default=0), max(unavailable, default=0)
        print(f"restart took {took:.1f} s at t={restart_at:.1f} s; 503 answers from t={first:.1f} to t={last:.1f} s")
        kept, extra = len(answered_302 & stored), len(stored & answered_other)
        print(f"messages answered 302: {len(answered_302)}, of them stored: {kept}; stored, not answered 302: {extra}")
        print(f"/health/ after the restart: {collections.Counter(after)}")
        restarted = [line.strip() for line in site.log if "starting it again" in line]
        print(f"helpers restarted by serve: {len(restarted)}")
        proved = set(by_status) <= {"200", "302", "503"} and answered_302 == stored and after and set(after) == {200}
        print("PROVED" if proved else "NOT PROVED")
        return bool(proved)
    finally:
        site.stop()
        database.stop()


class SlowInbox:
    """An SMTP handler that holds each delivery for `hold` seconds before accepting its recipient."""

    def __init__(self, hold: float) -> None:
        self.hold, self.received = hold, []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await asyncio.sleep(self.hold)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content.decode(errors="replace"))
        return "250 Message accepted"


def worker_killed() -> bool:
    from aiosmtpd.controller import Controller

    print("\n== A task worker is killed mid-delivery")
    inbox = SlowInbox(hold=3)
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    database = ThrowawayPostgres()
    database.start()
    site = Site(
        database.url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        EMAIL_TIMEOUT="30",
        EMAIL_STALLED_AFTER_SECONDS="10",
        CONTACT_EMAIL="help@soars.example.gov",
    )
    try:
        site.start(task_workers=1)
        visitor = Visitor(site)
        emails = [f"sender{n}@agency.gov" for n in range(5)]
        assert all(visitor.send_message(email) == 302 for email in emails)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "sending" not in database.query("SELECT status FROM core_outboundemail"):
            time.sleep(0.2)
        [victim] = site.task_workers()
        os.kill(victim, signal.SIGKILL)
        print(f"killed task worker {victim} while an email was being delivered")
        time.sleep(12)  # longer than EMAIL_STALLED_AFTER_SECONDS
        requeued = site.manage(
            "shell", "-c", "from soars.core.email import recover_stalled_email as r; print(r.call())"
        )
        print(f"safety net queued again: {requeued.strip()}")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(inbox.received) < len(emails):
            time.sleep(0.5)
        time.sleep(5)  # anything extra would arrive now
        senders = collections.Counter(
            re.search(r"sender\d@agency\.gov", message).group(0) for message in inbox.received
        )
        states = collections.Counter(line for line in database.query("SELECT status FROM core_outboundemail") if line)
        print(f"emails received per message: {dict(sorted(senders.items()))}; rows: {dict(states)}")
        proved = sorted(senders) == sorted(emails) and set(senders.values()) == {1} and states == {"sent": len(emails)}
        print("PROVED" if proved else "NOT PROVED")
        return proved
    finally:
        site.stop()
        database.stop()
        smtp.stop()


FAULTS = {"postgres": postgres_restart, "worker": worker_killed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(FAULTS), action="append")
    arguments = parser.parse_args()
    results = {name: FAULTS[name]() for name in arguments.only or FAULTS}
    print("\n" + "; ".join(f"{name}: {'proved' if ok else 'NOT proved'}" for name, ok in results.items()))
    sys.exit(0 if all(results.values()) else 1)


if __name__ == "__main__":
    main()
