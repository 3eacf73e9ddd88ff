import pytest

from soars.development.factories import reviewer


@pytest.fixture
def executive(personas):
    """Alice Executive, verified as working at agency A (Agriculture)."""
    personas.executive.agency = personas.agency_a
    personas.executive.save(update_fields=["agency"])
    return personas.executive


@pytest.fixture
def erb(personas):
    """Bob HR of agency A, granted the ERB-reviewer permission by Dana, A's administrator."""
    reviewer(personas.hr_a, by=personas.agency_admin)
    return personas.hr_a
