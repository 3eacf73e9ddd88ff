"""Read replicas: which database each read goes to, from a client's side (soars/core/replicas.py)."""

from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from soars.core.models import Agency
from soars.core.replicas import PIN_COOKIE, ReplicaMiddleware, ReplicaRouter
from soars.core.testing import settings_built_with

router = ReplicaRouter()
REPLICA = override_settings(REPLICA_DATABASES=["replica1"], REPLICA_PIN_SECONDS=10)


def served(method="get", cookies=None, *, write_first=False):
    """(where a read went, where a read after a write went, the response) for one request."""
    seen = []

    def view(request):
        seen.append(router.db_for_read(Agency))
        if write_first:
            assert router.db_for_write(Agency) == "default"
            seen.append(router.db_for_read(Agency))
        return HttpResponse("ok")

    request = getattr(RequestFactory(), method)("/")
    request.COOKIES.update(cookies or {})
    return seen, ReplicaMiddleware(view)(request)


@REPLICA
def test_a_plain_page_reads_from_a_replica():
    seen, response = served()
    assert seen == ["replica1"]
    assert PIN_COOKIE not in response.cookies


@REPLICA
def test_once_a_request_writes_it_reads_its_own_writes_from_the_primary():
    seen, _ = served(write_first=True)
    assert seen == ["replica1", "default"]


@REPLICA
def test_a_form_post_reads_from_the_primary_and_pins_the_next_pages():
    seen, response = served("post")
    assert seen == ["default"]
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    assert response.cookies[PIN_COOKIE]["httponly"]
    seen, _ = served(cookies={PIN_COOKIE: "1"})
    assert seen == ["default"]


@REPLICA
def test_workers_and_commands_outside_a_request_read_from_the_primary():
    assert router.db_for_read(Agency) == "default"
    assert router.db_for_write(Agency) == "default"


@REPLICA
def test_only_the_primary_is_migrated():
    assert router.allow_migrate("default", "core")
    assert not router.allow_migrate("replica1", "core")


def test_without_replicas_nothing_changes():
    seen, response = served("post")
    assert seen == ["default"]
    assert PIN_COOKIE not in response.cookies


def test_the_settings_add_one_alias_per_replica_url(monkeypatch):
    urls = "postgres://reader@replica-a/soars, postgres://reader@replica-b/soars"
    with settings_built_with(monkeypatch, DATABASE_REPLICA_URLS=urls) as loaded:
        assert loaded.REPLICA_DATABASES == ["replica1", "replica2"]
        assert loaded.DATABASES["replica2"]["HOST"] == "replica-b"
        assert loaded.DATABASES["replica1"]["TEST"] == {"MIRROR": "default"}
        assert loaded.DATABASE_ROUTERS == ["soars.core.replicas.ReplicaRouter"]
