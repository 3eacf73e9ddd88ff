"""HR staff post, edit, publish, close, duplicate and fill their agency's opportunities."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.audit.models import AuditEvent
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory, opportunity_type
from soars.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


def posting(**overrides):
    data = {
        "title": "Director, Emergency Management",
        "type": opportunity_type("limited_emergency").pk,
        "position_type": "general",
        "description": "Lead the response to floods and fires.",
        "duties": "Coordinate with FEMA.",
        "skills": "emergency management, logistics",
        "locations": "Denver, CO",
        "remote": "hybrid",
        "duration_days": "365",
        "closes_on": (timezone.localdate() + timedelta(days=21)).isoformat(),
        "visibility": "all",
        "contact_name": "Bob HR",
        "contact_email": "bob.hr@usda.gov",
    }
    data.update(overrides)
    return data


def test_hr_saves_a_draft_for_their_own_agency(client_as, personas):
    response = client_as(personas.hr_a).post("/hr/opportunities/new/", posting(save=""))
    opportunity = Opportunity.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/hr/opportunities/{opportunity.pk}/"
    assert opportunity.status == "draft"
    assert opportunity.agency == personas.agency_a
    assert opportunity.created_by == personas.hr_a


def test_hr_publishes_straight_from_the_form(client_as, personas):
    client_as(personas.hr_a).post("/hr/opportunities/new/", posting(publish=""))
    opportunity = Opportunity.objects.get()
    assert opportunity.status == "open" and opportunity.published_at is not None
    assert AuditEvent.objects.filter(action="opportunity.published", object_id=str(opportunity.pk)).exists()


def test_hr_marks_a_posting_for_veteran_outreach_and_executives_see_it(client_as, personas):
    client_as(personas.hr_a).post("/hr/opportunities/new/", posting(veteran_outreach="on", publish=""))
    marked = Opportunity.objects.get()
    assert marked.veteran_outreach
    html = client_as(personas.executive).get(f"/opportunities/{marked.pk}/").content.decode()
    assert "Veteran outreach" in html and "welcomes interest from veterans" in html

    client_as(personas.hr_a).post(f"/hr/opportunities/{marked.pk}/edit/", posting())
    marked.refresh_from_db()
    assert not marked.veteran_outreach  # an unticked box clears the mark
    assert "Veteran outreach" not in client_as(personas.executive).get(f"/opportunities/{marked.pk}/").content.decode()


def test_forged_agency_status_and_owner_fields_are_ignored(client_as, personas):
    forged = posting(agency=personas.agency_b.pk, status="filled", created_by=personas.hr_b.pk, save="")
    client_as(personas.hr_a).post("/hr/opportunities/new/", forged)
    opportunity = Opportunity.objects.get()
    assert opportunity.agency == personas.agency_a
    assert opportunity.status == "draft"
    assert opportunity.created_by == personas.hr_a


def test_a_rule_error_keeps_what_was_typed(client_as, personas):
    response = client_as(personas.hr_a).post("/hr/opportunities/new/", posting(duration_days="600"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "at most 548 days" in html
    assert 'value="Director, Emergency Management"' in html
    assert "Lead the response to floods and fires." in html
    assert not Opportunity.objects.exists()


def test_hostile_text_is_shown_escaped(client_as, personas):
    client_as(personas.hr_a).post("/hr/opportunities/new/", posting(title="<script>alert(1)</script>", publish=""))
    opportunity = Opportunity.objects.get()
    html = client_as(personas.executive).get(f"/opportunities/{opportunity.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hr_edits_an_open_posting(client_as, personas):
    opportunity = OpenOpportunityFactory()
    client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/edit/", posting(title="New title"))
    opportunity.refresh_from_db()
    assert opportunity.title == "New title" and opportunity.status == "open"


def test_a_filled_posting_cannot_be_edited(client_as, personas):
    opportunity = OpenOpportunityFactory(status="filled")
    response = client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/edit/", posting(title="X"))
    opportunity.refresh_from_db()
    assert response.status_code == 302 and opportunity.title != "X"


@pytest.mark.parametrize(("action", "status"), [("close", "closed"), ("cancel", "cancelled")])
def test_hr_closes_or_cancels_an_open_posting(client_as, personas, action, status):
    opportunity = OpenOpportunityFactory()
    client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/{action}/")
    opportunity.refresh_from_db()
    assert opportunity.status == status


def test_hr_publishes_a_draft_from_the_preview(client_as, personas):
    opportunity = OpportunityFactory()
    client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/publish/")
    opportunity.refresh_from_db()
    assert opportunity.status == "open"


def test_publishing_a_broken_draft_explains_why(client_as, personas):
    opportunity = OpportunityFactory(type=opportunity_type("rotation"), duration_days=10)
    response = client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/publish/", follow=True)
    assert "at least 120 days" in response.content.decode()
    opportunity.refresh_from_db()
    assert opportunity.status == "draft"


def test_actions_refuse_get(client_as, personas):
    opportunity = OpenOpportunityFactory()
    assert client_as(personas.hr_a).get(f"/hr/opportunities/{opportunity.pk}/close/").status_code == 405


def test_hr_duplicates_a_posting_and_lands_on_the_copy(client_as, personas):
    opportunity = OpenOpportunityFactory()
    response = client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/duplicate/")
    copy = Opportunity.objects.exclude(pk=opportunity.pk).get()
    assert response["Location"] == f"/hr/opportunities/{copy.pk}/edit/"
    assert copy.status == "draft" and copy.agency == opportunity.agency


def test_hr_marks_filled_naming_the_selected_executive(client_as, personas):
    opportunity = OpenOpportunityFactory()
    InterestFactory(opportunity=opportunity, executive=personas.executive)
    client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/fill/", {"selected": personas.executive.pk})
    opportunity.refresh_from_db()
    assert opportunity.status == "filled" and opportunity.selected == personas.executive


def test_the_fill_form_offers_only_candidates(client_as, personas):
    opportunity = OpenOpportunityFactory()
    InterestFactory(opportunity=opportunity, executive=personas.executive)
    response = client_as(personas.hr_a).post(
        f"/hr/opportunities/{opportunity.pk}/fill/", {"selected": personas.outsider.pk}
    )
    assert response.status_code == 200
    opportunity.refresh_from_db()
    assert opportunity.status == "open"


def test_the_list_shows_only_the_agencys_postings_with_counts(client_as, personas):
    mine = OpenOpportunityFactory(title="Ours")
    InterestFactory(opportunity=mine)
    OpenOpportunityFactory(title="Theirs", agency=personas.agency_b)
    html = client_as(personas.hr_a).get("/hr/opportunities/").content.decode()
    assert "Ours" in html and "Theirs" not in html


def test_the_hr_options_page_shows_the_panel_with_new_interest(client_as, personas):
    opportunity = OpenOpportunityFactory(title="Chief Data Officer")
    InterestFactory(opportunity=opportunity)
    html = client_as(personas.hr_a).get("/hr/").content.decode()
    assert "Your agency’s opportunities" in html
    assert "1 new interest" in html
    assert "Chief Data Officer" in html
