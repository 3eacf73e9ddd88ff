"""Real-browser helpers: find Chromium, start Playwright, sign a browser in as a persona."""

from __future__ import annotations

import os
import shutil
import warnings

import pytest
from django.test import Client

from soars.core.testing import login

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured
    for candidate in CANDIDATES:
        if os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = (
            "NO CHROMIUM FOUND: the accessibility and browser tests are SKIPPED. "
            "Install Debian's chromium package (bash .ci/run does) or set CHROMIUM_PATH."
        )
        warnings.warn(message, stacklevel=1)
        print(f"\n\n*** {message} ***\n")
        if os.environ.get("SOARS_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    # Each test module that imports this fixture gets its own session-scoped copy, but
    # Playwright's sync API runs once per thread: the copies share one Chromium.
    if _SHARED["browser"] is None:
        from playwright.sync_api import sync_playwright

        # Playwright's sync API keeps an event loop in this thread; Django's ORM
        # would take that for async code. The test code itself is synchronous.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        playwright = sync_playwright().start()
        chromium = playwright.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
        _SHARED.update(playwright=playwright, browser=chromium)
    _SHARED["users"] += 1
    try:
        yield _SHARED["browser"]
    finally:
        _SHARED["users"] -= 1
        if _SHARED["users"] == 0:
            _SHARED["browser"].close()
            _SHARED["playwright"].stop()
            _SHARED.update(playwright=None, browser=None)


_SHARED: dict = {"users": 0, "playwright": None, "browser": None}


def signed_in_context(browser, live_server_url: str, user=None):
    context = browser.new_context()
    if user is not None:
        client = login(Client(), user)
        host = live_server_url.split("//", 1)[1].split(":")[0]
        context.add_cookies(
            [
                {"name": name, "value": morsel.value, "domain": host, "path": "/"}
                for name, morsel in client.cookies.items()
            ]
        )
    return context
