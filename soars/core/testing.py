"""Shared test helpers: the personas every test file can ask for, and a task runner.

Personas (DESIGN §5): an executive, HR staff of agency A (Agriculture), HR staff
of agency B (Commerce), an agency administrator of agency A, a site
administrator, and an outsider (an executive with no relation to anything).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from unittest.mock import patch
from urllib.parse import urljoin

from django.core.management import call_command

from soars.accounts import factories
from soars.accounts.models import User
from soars.core.models import Agency

AGENCY_A = "AG"
AGENCY_B = "CM"


@dataclass
class Personas:
    executive: User
    hr_a: User
    hr_b: User
    agency_admin: User
    site_admin: User
    outsider: User

    @property
    def agency_a(self) -> Agency:
        return self.hr_a.agency

    @property
    def agency_b(self) -> Agency:
        return self.hr_b.agency

    def by_name(self, name: str) -> User:
        return getattr(self, name)

    NAMES = ("executive", "hr_a", "hr_b", "agency_admin", "site_admin", "outsider")


def make_personas() -> Personas:
    a = Agency.objects.get(code=AGENCY_A)
    b = Agency.objects.get(code=AGENCY_B)
    return Personas(
        executive=factories.ExecutiveFactory(email="alice.executive@agency.gov", full_name="Alice Executive"),
        hr_a=factories.HrFactory(email="bob.hr@usda.gov", full_name="Bob HR", agency=a),
        hr_b=factories.HrFactory(email="carol.hr@commerce.gov", full_name="Carol HR", agency=b),
        agency_admin=factories.AgencyAdminFactory(email="dana.admin@usda.gov", full_name="Dana Admin", agency=a),
        site_admin=factories.SiteAdminFactory(email="erin.admin@opm.gov", full_name="Erin Admin"),
        outsider=factories.ExecutiveFactory(email="oscar.outsider@agency.gov", full_name="Oscar Outsider"),
    )


def run_tasks() -> None:
    """Run every queued task that is due, the way the worker would, then return.

    The real worker closes stale database connections between tasks; inside a
    test's transaction that would close the test's own connection, so it is
    switched off here and only here.
    """
    with patch("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None):
        call_command(
            "db_worker", queue_name="*", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
        )


def login(client, user: User, second_factor: bool = True):
    """Sign a test client in as `user`, past every sign-in step (password, and MFA where required).

    For accounts that use a second factor, a confirmed authenticator is created if
    the user has none, and the session is marked as verified with it, exactly as
    a real sign-in with a code leaves it. With second_factor=False the session is
    left after the password step, as before the sign-in code is given.
    """
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if not second_factor:
        return client
    device = next(iter(devices_for_user(user)), None)
    if device is None and user.must_use_mfa:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@dataclass
class Page:
    """A page for the site-wide checks (one <h1>, accessibility), in any state a person can reach.

    path is a URL, or a function of the personas that creates what the page needs
    and returns its URL. user names the persona to view it as (None: anonymous);
    with password_only that persona has given a password but not yet the sign-in
    code. With data (form fields, or a function of the personas returning them;
    files as SimpleUploadedFile), the page is the answer to a POST of that data to
    action (a URL relative to path; default path itself) after opening path, as a
    person submitting its form. status is the answer expected.
    Each app lists its pages in soars/<app>/pages.py as PAGES.
    """

    path: str | Callable[[Personas], str]
    user: str | None = None
    data: dict | Callable[[Personas], dict] | None = None
    action: str = ""
    status: int = 200
    password_only: bool = False

    def resolve(self, personas: Personas) -> str:
        return self.path(personas) if callable(self.path) else self.path

    def form_data(self, personas: Personas) -> dict:
        return self.data(personas) if callable(self.data) else dict(self.data or {})

    def post_url(self, path: str) -> str:
        return urljoin(path, self.action)

    def fetch(self, client, personas: Personas):
        """The response the person gets, through Django's test client (signed in here as user)."""
        client.logout()
        if self.user:
            login(client, personas.by_name(self.user), second_factor=not self.password_only)
        path = self.resolve(personas)
        response = client.get(path)
        if self.data is None:
            return response
        return client.post(self.post_url(path), self.form_data(personas))

    def __str__(self) -> str:
        label = self.path if isinstance(self.path, str) else getattr(self.path, "__name__", "page")
        if self.data is not None:
            filled = [name for name, value in getattr(self.data, "items", dict)() if value not in ("", [])]
            sent = getattr(self.data, "__name__", None) or ", ".join(filled) or "an empty form"
            label += f" POST {sent}" + (f" to {self.action}" if self.action else "")
        who = self.user or "anonymous"
        if self.password_only:
            who += " before the sign-in code"
        return f"{label} as {who}" + (f" ({self.status})" if self.status != 200 else "")


def also_as(user: str, pages: list[Page]) -> list[Page]:
    """The same pages, viewed by another persona."""
    return [replace(page, user=user) for page in pages]


def all_pages() -> list[Page]:
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    pages: list[Page] = []
    for config in apps.get_app_configs():
        if config.name.startswith("soars.") and find_spec(f"{config.name}.pages"):
            pages.extend(import_module(f"{config.name}.pages").PAGES)
    return pages


@contextmanager
def settings_built_with(monkeypatch, **environ: str) -> Iterator:
    """soars.settings as it is built with these environment variables; built again without them after."""
    import importlib

    import soars.settings

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    try:
        yield importlib.reload(soars.settings)
    finally:
        for name in environ:
            monkeypatch.delenv(name)
        importlib.reload(soars.settings)
