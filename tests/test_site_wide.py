"""Cheap checks over the whole site: migrations, one <h1>, security headers, health."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from soars.core.testing import all_pages

pytestmark = pytest.mark.django_db


def test_there_are_no_pending_migrations():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit as exit_:
        pytest.fail(f"Missing migrations:\n{out.getvalue()} ({exit_})")


@pytest.fixture
def page_list(personas):
    return all_pages()


def test_every_listed_page_has_exactly_one_h1(client, personas, page_list):
    for page in page_list:
        response = page.fetch(client, personas)
        assert response.status_code == page.status, f"{page} answered {response.status_code}"
        h1s = re.findall(r"<h1[\s>]", response.content.decode())
        assert len(h1s) == 1, f"{page} has {len(h1s)} <h1>"


def test_every_response_carries_the_security_headers(client, personas, page_list):
    for page in [*page_list[:5], None]:
        response = page.fetch(client, personas) if page else client.get("/no/such/page/")
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert "script-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"


def test_health_reports_database_and_queue(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "task_queue": "ok"}}


def test_health_answers_503_when_the_queue_is_unreachable(client, monkeypatch):
    def broken():
        raise ConnectionError("no route to queue at 10.0.0.1")

    monkeypatch.setattr("soars.core.tasks.queue_status", broken)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"] == "unavailable"
    assert "10.0.0.1" not in response.content.decode()
