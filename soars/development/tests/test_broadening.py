from datetime import date

import pytest

from soars.development.broadening import broadening
from soars.development.factories import assignment
from soars.development.models import AgencyPolicy

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 7)


def test_it_says_when_the_last_ended_and_when_the_next_is_due(executive, personas):
    AgencyPolicy.objects.create(agency=personas.agency_a, broadening_years=4)
    assignment(executive, start=date(2020, 9, 1), end=date(2021, 3, 15))
    state = broadening(executive, today=date(2024, 1, 1))
    assert state.sentence == (
        "Last broadening assignment ended March 2021; your agency asks for one every 4 years: due by March 2025."
    )
    assert not state.is_overdue


def test_it_says_overdue_after_the_due_date(executive, personas):
    AgencyPolicy.objects.create(agency=personas.agency_a, broadening_years=3)
    assignment(executive, start=date(2020, 9, 1), end=date(2021, 3, 15))
    state = broadening(executive, today=TODAY)
    assert state.is_overdue
    assert state.sentence.endswith("every 3 years: overdue since March 2024.")


def test_the_interval_defaults_to_five_years(executive):
    assignment(executive, start=date(2022, 1, 1), end=date(2022, 6, 30))
    assert broadening(executive, today=TODAY).due_on == date(2027, 6, 30)


def test_an_assignment_not_yet_confirmed_does_not_count(executive):
    assignment(executive, start=date(2022, 1, 1), end=date(2022, 6, 30), confirmed=False)
    state = broadening(executive, today=TODAY)
    assert state.last is None
    assert (
        state.sentence
        == "No broadening assignment is on record yet; your agency asks for one every 5 years: one is due now."
    )


def test_a_permanent_position_in_the_same_agency_does_not_broaden(executive):
    assignment(executive, type_code="permanent", start=date(2022, 1, 1), end=date(2023, 1, 1), interagency=False)
    assert broadening(executive, today=TODAY).last is None


def test_a_permanent_position_in_another_agency_broadens(executive):
    assignment(executive, type_code="permanent", start=date(2022, 1, 1), end=date(2023, 1, 1), interagency=True)
    assert broadening(executive, today=TODAY).last is not None


def test_an_ongoing_assignment_is_said_to_be_ongoing(executive):
    assignment(executive, start=date(2026, 6, 1), end=None, title="Rotation to FEMA")
    state = broadening(executive, today=TODAY)
    assert state.ongoing and not state.is_overdue
    assert "You are on a broadening assignment now (Rotation to FEMA, since June 2026)" in state.sentence


def test_the_latest_ending_assignment_counts(executive):
    assignment(executive, start=date(2015, 1, 1), end=date(2015, 6, 1))
    assignment(executive, start=date(2019, 1, 1), end=date(2019, 10, 1))
    assert broadening(executive, today=TODAY).due_on == date(2024, 10, 1)


def test_without_a_verified_agency_it_cites_the_guidelines(personas):
    state = broadening(personas.outsider, today=TODAY)
    assert state.sentence == (
        "No broadening assignment is on record yet; the guidelines for broadening the SES ask for one every 5 years: "
        "one is due now."
    )
