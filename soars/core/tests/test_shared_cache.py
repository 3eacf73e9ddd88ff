"""With REDIS_URL, the cache is Redis; losing Redis signs nobody out and fails no page.

Each test sets the cache settings that `REDIS_URL` produces (soars/settings.py). "Redis down" is a
Redis address where nothing listens, which is what a stopped server looks like to a client.
"""

from __future__ import annotations

import os
import socket

import pytest
from django.core.cache import caches
from django.urls import reverse

from tests.smtp import free_port

pytestmark = pytest.mark.django_db

LIVE = "redis://127.0.0.1:6379/15"  # database 15: the tests' own, flushed by each test


DOWN = f"redis://127.0.0.1:{free_port()}/0"


def redis_cache(location: str) -> dict:
    from django.conf import settings

    return {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        },
    }


@pytest.fixture
def live_redis(settings):
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("SOARS_REQUIRE_REDIS"):
            raise
        pytest.skip("no Redis on 127.0.0.1:6379 (set SOARS_REQUIRE_REDIS=1 to make this a failure)")
    settings.CACHES = redis_cache(LIVE)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


def test_the_settings_choose_django_redis_that_ignores_a_lost_connection(monkeypatch):
    """REDIS_URL in the environment gives the cache and sessions the tests below rely on."""
    import importlib

    import soars.settings

    monkeypatch.setenv("REDIS_URL", LIVE)
    try:
        configured = importlib.reload(soars.settings)
        assert configured.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
        assert configured.CACHES["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
        assert configured.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
        assert "local" in configured.CACHES
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(soars.settings)


def test_the_cache_is_shared_through_redis(live_redis):
    import redis

    live_redis.set("shared", "from one process")
    other_process = redis.Redis.from_url(LIVE)
    assert any(b"shared" in key for key in other_process.keys("*"))


def test_a_signed_in_person_stays_signed_in_when_redis_stops(live_redis, client_as, personas, settings):
    client = client_as(personas.executive)
    assert client.get("/executive/").status_code == 200
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert live_redis.get(f"django.contrib.sessions.cached_db{session_key}") is not None  # cached there

    settings.CACHES = redis_cache(DOWN)  # Redis gone
    response = client.get("/executive/")
    assert response.status_code == 200 and response.wsgi_request.user == personas.executive
    assert client.get("/opportunities/").status_code == 200


def test_signing_in_works_while_redis_is_down(client, personas, settings):
    settings.CACHES = redis_cache(DOWN)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    personas.executive.set_password("a long and unusual passphrase 2026")
    personas.executive.save()
    response = client.post(
        reverse("accounts:login"),
        {"username": personas.executive.email, "password": "a long and unusual passphrase 2026"},
    )
    assert response.status_code == 302  # on to the code page or home: no 500
    home = client.get(response["Location"], follow=True)
    assert home.status_code == 200 and home.wsgi_request.user == personas.executive


def reset_links_sent(client, personas, times: int) -> int:
    from soars.audit.models import AuditEvent

    for _ in range(times):
        assert client.post(reverse("accounts:password_reset"), {"email": personas.executive.email}).status_code == 302
    return AuditEvent.objects.filter(action="password_link_requested").count()


def test_a_rate_limit_still_holds_while_redis_is_down(client, personas, settings):
    """Fail safe: the count moves to the process's own memory; it neither vanishes nor fails the form."""
    settings.CACHES = redis_cache(DOWN)
    settings.PASSWORD_RESET_RATE_LIMIT_PER_HOUR = 2
    assert reset_links_sent(client, personas, 3) == 2


def test_the_rate_limit_is_shared_through_redis_while_it_runs(live_redis, client, personas, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_HOUR = 1
    assert reset_links_sent(client, personas, 1) == 1
    assert any(b"ratelimit:password-reset:" in key for key in live_redis.client.get_client().keys("*"))
    caches["local"].clear()  # as another process would be: nothing counted in its own memory
    assert reset_links_sent(client, personas, 1) == 1
