"""Start the whole site on one machine: web server, task worker and scheduler."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

WILDCARD_HOSTS = {"", "0.0.0.0", "::"}  # noqa: S104 (names to recognise, not an address to bind)


def listening_url(host: str, port: str | int) -> str:
    """The address of the server this command starts, as a person on this machine types it."""
    shown = "127.0.0.1" if host in WILDCARD_HOSTS else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def use_site_url(host: str, port: str | int) -> str:
    """Unless SITE_URL is set, make it where this server listens, for this process (the web server)
    and, through the environment, for the worker and scheduler it starts, so emailed links point here."""
    if not os.environ.get("SITE_URL"):
        os.environ["SITE_URL"] = listening_url(host, port)
        settings.SITE_URL = os.environ["SITE_URL"]
    return settings.SITE_URL


class Command(BaseCommand):
    help = "Run the web server together with the background task worker and the scheduler."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, **options):
        use_site_url(options["host"], options["port"])
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        children = [
            subprocess.Popen([*manage, "db_worker", "--queue-name", "*", "--no-reload"]),  # noqa: S603
            subprocess.Popen([*manage, "run_scheduler"]),  # noqa: S603
        ]
        self.print_welcome(options["host"], options["port"])
        try:
            call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)
        finally:
            for child in children:
                child.terminate()
            for child in children:
                child.wait(timeout=10)

    def print_welcome(self, host: str, port: str) -> None:
        url = listening_url(host, port) + "/"
        lines = [
            "",
            "=" * 72,
            f"SOARS is running at {url}",
            "(the task worker and scheduler run beside it; Ctrl-C stops all)",
        ]
        if url != settings.SITE_URL + "/":
            lines.append(f"Emailed links point at {settings.SITE_URL}/ (SITE_URL)")
        if settings.DEMO_MODE:
            from soars.accounts.demo import demo_login_lines

            lines += ["", "Demo accounts (demo mode only):", *demo_login_lines()]
        lines += [f"Email is written to {settings.EMAIL_FILE_PATH}" if hasattr(settings, "EMAIL_FILE_PATH") else ""]
        lines += ["=" * 72, ""]
        self.stdout.write("\n".join(lines))
