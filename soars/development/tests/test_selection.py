"""An executive selected for an opportunity that is then filled holds it: it joins their record."""

from datetime import date, timedelta

import pytest

from soars.development.broadening import broadening
from soars.development.models import Assignment
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Interest

pytestmark = pytest.mark.django_db


def _filled_rotation(personas, executive, **fields):
    opportunity = OpenOpportunityFactory(agency=personas.agency_b, **fields)
    Interest.express(executive, opportunity)
    opportunity.mark_filled(by=personas.hr_b, selected=executive)
    return opportunity


def test_filling_adds_a_confirmed_interagency_assignment(personas, executive):
    opportunity = _filled_rotation(personas, executive)
    held = Assignment.objects.get(executive=executive)
    assert (held.opportunity, held.type, held.agency, held.title) == (
        opportunity,
        opportunity.type,
        personas.agency_b,
        opportunity.title,
    )
    assert held.is_confirmed and held.confirmed_by == personas.hr_b and held.source == "selection"
    assert held.is_interagency


def test_its_dates_come_from_the_posting(personas, executive):
    start = date(2026, 3, 2)
    opportunity = OpenOpportunityFactory(agency=personas.agency_b)
    opportunity.start_date, opportunity.duration_days = start, 180
    opportunity.save()
    Interest.express(executive, opportunity)
    opportunity.mark_filled(by=personas.hr_b, selected=executive)
    held = Assignment.objects.get()
    assert (held.start_date, held.end_date) == (start, start + timedelta(days=180))


def test_it_counts_toward_broadening(personas, executive):
    _filled_rotation(personas, executive)
    assert broadening(executive).last is not None or broadening(executive).ongoing


def test_filling_without_a_selection_adds_nothing(personas, executive):
    opportunity = OpenOpportunityFactory(agency=personas.agency_b)
    opportunity.mark_filled(by=personas.hr_b)
    assert not Assignment.objects.exists()


def test_recording_the_same_selection_twice_adds_one_assignment(personas, executive):
    opportunity = _filled_rotation(personas, executive)
    assert Assignment.record_selection(opportunity, personas.hr_b) is None
    assert Assignment.objects.count() == 1
