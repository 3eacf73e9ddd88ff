"""While the database is out of reach (a PostgreSQL restart), people get a 503 page that says so."""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db.utils import InterfaceError, OperationalError, ProgrammingError

pytestmark = pytest.mark.django_db


def lose_the_database(monkeypatch, error):
    """Every session read fails as it does when the server has gone: the first query of a request."""

    def load(self):
        raise error

    monkeypatch.setattr(SessionStore, "load", load)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused"),
        InterfaceError("connection already closed"),
        OperationalError("the database system is shutting down"),
    ],
)
def test_a_lost_database_answers_a_friendly_503_that_asks_to_retry(client_as, personas, monkeypatch, error):
    client = client_as(personas.executive)
    client.raise_request_exception = False
    lose_the_database(monkeypatch, error)
    response = client.get("/executive/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    html = response.content.decode()
    assert "SOARS is briefly unavailable" in html and "it was not saved" in html
    assert "5432" not in html and "Traceback" not in html  # nothing of the failure is shown


def test_the_site_recovers_without_a_restart(client_as, personas, monkeypatch):
    client = client_as(personas.executive)
    client.raise_request_exception = False
    with monkeypatch.context() as fault:
        lose_the_database(fault, OperationalError("server closed the connection unexpectedly"))
        assert client.get("/executive/").status_code == 503
    recovered = client.get("/executive/")
    assert recovered.status_code == 200 and recovered.wsgi_request.user == personas.executive


def test_other_errors_still_answer_500(client_as, personas, monkeypatch):
    client = client_as(personas.executive)
    client.raise_request_exception = False
    lose_the_database(monkeypatch, ProgrammingError("relation does not exist"))
    response = client.get("/executive/")
    assert response.status_code == 500 and "Something went wrong on our side" in response.content.decode()
