import pytest

from soars.core.testing import Personas, login, make_personas
from tests.browser import browser  # noqa: F401  (the one shared Chromium, for every browser test)
from tests.forms_browser import open_page  # noqa: F401  (pages for the form tests, closed after each test)
from tests.smtp import smtp  # noqa: F401  (a loopback SMTP server, for the email reliability tests)


@pytest.fixture
def personas(db) -> Personas:
    return make_personas()


@pytest.fixture
def client_as(client):
    """client_as(user) -> the test client, signed in as that user."""

    def sign_in(user):
        return login(client, user)

    return sign_in


@pytest.fixture
def reference_data(transactional_db):
    """Reference data for transactional tests (live server, browser): a flush between them removes it."""
    from soars.core.models import Agency
    from soars.core.reference import load_reference

    if not Agency.objects.exists():
        load_reference()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; each test starts with none spent."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["local"].clear()
    yield
    cache.clear()
    caches["local"].clear()
