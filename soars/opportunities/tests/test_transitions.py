"""Dated status transitions of an opportunity: publish, close, cancel, fill, duplicate."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import Ecq
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Opportunity, TransitionError

pytestmark = pytest.mark.django_db


def test_publishing_a_draft_opens_it_and_dates_it(personas):
    opportunity = OpportunityFactory()
    opportunity.publish(personas.hr_a)
    opportunity.refresh_from_db()
    assert opportunity.status == "open"
    assert opportunity.published_at is not None


def test_an_open_opportunity_cannot_be_published_again(personas):
    with pytest.raises(TransitionError):
        OpenOpportunityFactory().publish(personas.hr_a)


def test_closing_dates_the_close():
    opportunity = OpenOpportunityFactory()
    opportunity.close()
    assert opportunity.status == "closed" and opportunity.closed_at is not None


def test_a_draft_cannot_be_closed():
    with pytest.raises(TransitionError, match="draft opportunity cannot be closed"):
        OpportunityFactory().close()


def test_cancelling_dates_the_cancellation():
    opportunity = OpenOpportunityFactory()
    opportunity.cancel()
    assert opportunity.status == "cancelled" and opportunity.cancelled_at is not None


def test_a_filled_opportunity_cannot_be_cancelled(personas):
    opportunity = OpenOpportunityFactory()
    opportunity.mark_filled(personas.hr_a)
    with pytest.raises(TransitionError):
        opportunity.cancel()


def test_filling_records_the_selected_executive_and_the_time_to_fill(personas):
    opportunity = OpenOpportunityFactory(published_at=timezone.now() - timedelta(days=45))
    InterestFactory(opportunity=opportunity, executive=personas.executive)
    opportunity.mark_filled(personas.hr_a, selected=personas.executive)
    opportunity.refresh_from_db()
    assert opportunity.status == "filled"
    assert opportunity.selected == personas.executive
    assert opportunity.days_to_fill == 45


def test_the_selected_executive_must_have_expressed_interest(personas):
    opportunity = OpenOpportunityFactory()
    with pytest.raises(TransitionError, match="expressed interest"):
        opportunity.mark_filled(personas.hr_a, selected=personas.outsider)


def test_duplicating_makes_a_draft_copy_with_the_same_ecqs(personas):
    opportunity = OpenOpportunityFactory()
    opportunity.ecqs.set(Ecq.objects.all()[:2])
    copy = opportunity.duplicate(personas.hr_a)
    assert copy.pk != opportunity.pk
    assert copy.status == "draft" and copy.published_at is None
    assert copy.title == f"Copy of {opportunity.title}"
    assert set(copy.ecqs.all()) == set(opportunity.ecqs.all())
    assert Opportunity.objects.count() == 2


def test_search_text_follows_the_record_on_save():
    opportunity = OpportunityFactory(title="Chief Data Officer", skills="machine learning")
    assert "Chief Data Officer" in opportunity.build_search_text()
    assert "machine learning" in opportunity.build_search_text()
    assert "Department of Agriculture" in opportunity.build_search_text()
    opportunity.title = "Chief Privacy Officer"
    opportunity.save(update_fields=["title"])
    opportunity.refresh_from_db()
    assert "Chief Privacy Officer" in opportunity.build_search_text()
