import pytest

from soars.api.models import ApiToken


@pytest.fixture
def make_token():
    """make_token(user, write=False) -> the Authorization header value of a new token."""
    from datetime import timedelta

    from django.utils import timezone

    def make(user, write=False, days=30):
        _, secret = ApiToken.issue(
            user, name="Test system", can_write=write, expires_on=timezone.localdate() + timedelta(days=days)
        )
        return f"Bearer {secret}"

    return make


@pytest.fixture
def api(client):
    """api(method, path, token=None, json=None) -> response, through the real middleware stack."""
    import json as jsonlib

    def call(method, path, token=None, json=None, **extra):
        headers = {"HTTP_AUTHORIZATION": token} if token else {}
        kwargs = {}
        if json is not None:
            kwargs = {"data": jsonlib.dumps(json), "content_type": "application/json"}
        return getattr(client, method.lower())("/api/v1" + path, **kwargs, **headers, **extra)

    return call
