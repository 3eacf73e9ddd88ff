import pytest

from soars.places import index


@pytest.fixture(autouse=True)
def _fresh_places():
    """A test that edits places leaves no edited lookup behind for the next."""
    index.invalidate()
    yield
    index.invalidate()
