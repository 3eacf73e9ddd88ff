"""Real-browser helpers: find Chromium, start Playwright once, sign a browser in as a persona
(against the live server), or show a test client's response in a page (no live server needed).

The `browser` fixture is registered once, in the root conftest.py; test modules
use it by name and must not import it (an imported fixture is a second copy, and
Playwright's sync API allows one instance per thread).
"""

from __future__ import annotations

import os
import shutil
import warnings
from urllib.parse import urlsplit

import pytest
from django.conf import settings
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
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django's ORM
    # would take that for async code. The test code itself is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def signed_in_context(browser, live_server_url: str, user=None, **options):
    """A new browser context (options as for browser.new_context), signed in as user if one is given."""
    context = browser.new_context(**options)
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


ORIGIN = "http://testserver"
_static_files: dict[str, dict] = {}  # what the client answered for each static file, kept for the session


def show(page, client, response) -> None:
    """Show a response of Django's test client in a Playwright page, at the address it answered.

    The page's own requests (styles, scripts, fonts, images) are answered by the same
    client, in this thread and this test's database transaction: no live server, so the
    test's database is rolled back, not flushed, after it (a site-wide check over
    hundreds of pages stays fast).
    """
    url = ORIGIN + response.wsgi_request.get_full_path()

    def subresource(route):
        path = urlsplit(route.request.url).path
        if path.startswith(settings.STATIC_URL):
            if path not in _static_files:
                _static_files[path] = _fulfilment(client.get(path))
            route.fulfill(**_static_files[path])
        else:
            route.fulfill(**_fulfilment(client.get(path)))

    page.unroute_all()
    page.route(lambda address: address.startswith(ORIGIN), subresource)
    page.route(lambda address: address == url, lambda route: route.fulfill(**_fulfilment(response)), times=1)
    page.goto(url)


def _fulfilment(response) -> dict:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.streaming:
        response.close()
    return {"status": response.status_code, "headers": dict(response.items()), "body": body}
