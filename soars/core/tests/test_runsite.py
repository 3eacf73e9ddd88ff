"""`make run` (manage.py runsite) makes emailed links point where the site runs, unless SITE_URL says
otherwise: the web server and the worker and scheduler it starts all use the same address."""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from soars.core.management.commands import runsite
from soars.core.models import OutboundEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(monkeypatch, settings, client, personas):
    """Run runsite with its children and web server stood in for: the children record the SITE_URL
    they would inherit, and the "web server" answers one password-reset request, which emails a link."""
    settings.SITE_URL = settings.SITE_URL  # whatever runsite sets is undone after the test
    monkeypatch.setenv("SITE_URL", "")  # recorded, so the variable is restored afterwards
    inherited = []

    class Child:
        def __init__(self, args, **kwargs):
            inherited.append(os.environ.get("SITE_URL"))

        def terminate(self):
            pass

        def wait(self, timeout=None):
            return 0

    def serve(name, addrport, **options):
        assert name == "runserver"
        client.post(reverse("accounts:password_reset"), {"email": personas.executive.email})

    monkeypatch.setattr(runsite.subprocess, "Popen", Child)
    monkeypatch.setattr(runsite, "call_command", serve)

    def start(**options):
        call_command("runsite", stdout=StringIO(), **options)
        return OutboundEmail.objects.get(template="password_link").text_body, inherited

    return start


def test_started_on_port_8765_emailed_links_and_the_workers_use_port_8765(started, monkeypatch):
    monkeypatch.delenv("SITE_URL")
    body, inherited = started(port="8765")
    assert "http://127.0.0.1:8765/set-password/" in body
    assert inherited == ["http://127.0.0.1:8765", "http://127.0.0.1:8765"]


def test_an_explicit_site_url_wins(started, monkeypatch, settings):
    monkeypatch.setenv("SITE_URL", "https://soars.example.gov")
    settings.SITE_URL = "https://soars.example.gov"  # as settings.py reads it at start-up
    body, inherited = started(port="8765")
    assert "https://soars.example.gov/set-password/" in body and ":8765" not in body
    assert inherited == ["https://soars.example.gov", "https://soars.example.gov"]


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", "8765", "http://127.0.0.1:8765"),
        ("0.0.0.0", "8000", "http://127.0.0.1:8000"),
        ("localhost", 9000, "http://localhost:9000"),
        ("::1", "8765", "http://[::1]:8765"),
    ],
)
def test_the_listening_address_as_a_person_types_it(host, port, url):
    assert runsite.listening_url(host, port) == url
