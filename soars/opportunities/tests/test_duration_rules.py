"""Each type's duration rule holds on every way a posting is published (issue 17, item 12):
the HR form, the USAJOBS import (drafts HR then publishes) and the model's publish() itself."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from soars.core.models import OpportunityType
from soars.opportunities.factories import OpportunityFactory, opportunity_type
from soars.opportunities.forms import OpportunityForm
from soars.opportunities.models import Opportunity, TransitionError
from soars.opportunities.tests.usajobs_samples import document, item

pytestmark = pytest.mark.django_db

# The four postings the review published, and what each is told.
BROKEN = [
    pytest.param("detail", 5000, "Detail may last at most 365 days; this one lasts 5,000.", id="detail-5000-days"),
    pytest.param("detail", None, "Detail needs a duration: 1 to 365 days.", id="detail-no-duration"),
    pytest.param(
        "permanent",
        30,
        "A permanent career vacancy has no end date: leave the duration empty.",
        id="permanent-30-days",
    ),
    pytest.param(
        "emergency_need", 0, "Emergency need must last at least 1 day; this one lasts 0.", id="emergency-0-days"
    ),
]


def posting(type_code, days, **overrides):
    data = {
        "title": "Deputy Director, Disaster Response",
        "type": opportunity_type(type_code).pk,
        "position_type": "general",
        "description": "Lead the response.",
        "remote": "on_site",
        "duration_days": "" if days is None else str(days),
        "closes_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "visibility": "all",
        "contact_name": "Bob HR",
        "contact_email": "bob.hr@usda.gov",
    }
    return data | overrides


@pytest.mark.parametrize(("type_code", "days", "message"), BROKEN)
def test_publish_refuses_a_duration_its_type_does_not_allow(personas, type_code, days, message):
    opportunity = OpportunityFactory(type=opportunity_type(type_code), duration_days=days)
    with pytest.raises(TransitionError) as refused:
        opportunity.publish(personas.hr_a)
    assert str(refused.value) == message
    opportunity.refresh_from_db()
    assert opportunity.status == "draft" and opportunity.published_at is None


@pytest.mark.parametrize(("type_code", "days", "message"), BROKEN)
def test_the_form_refuses_a_duration_its_type_does_not_allow(client_as, personas, type_code, days, message):
    response = client_as(personas.hr_a).post("/hr/opportunities/new/", posting(type_code, days, publish=""))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(("type_code", "days", "message"), BROKEN)
def test_a_draft_that_breaks_its_rule_is_not_published_from_its_page(client_as, personas, type_code, days, message):
    draft = OpportunityFactory(type=opportunity_type(type_code), duration_days=days)
    response = client_as(personas.hr_a).post(f"/hr/opportunities/{draft.pk}/publish/", follow=True)
    assert message in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def import_detail(client):
    detail = item(PositionOfferingType=[{"Name": "Detail"}], PositionTitle="Detail to the Chief Information Office")
    upload = SimpleUploadedFile("search.json", json.dumps(document(detail)).encode())
    return client.post("/hr/opportunities/import/", {"file": upload})


def test_the_import_preview_says_an_imported_detail_needs_a_duration_before_publishing(client_as, personas):
    html = import_detail(client_as(personas.hr_a)).content.decode()
    assert "Before it can be published: Detail needs a duration: 1 to 365 days." in html


def test_a_detail_imported_without_a_duration_is_not_published(client_as, personas):
    client = client_as(personas.hr_a)
    import_detail(client)
    client.post("/hr/opportunities/import/confirm/")
    imported = Opportunity.objects.get()
    assert imported.type.code == "detail" and imported.duration_days is None
    response = client.post(f"/hr/opportunities/{imported.pk}/publish/", follow=True)
    assert "Detail needs a duration: 1 to 365 days." in response.content.decode()
    imported.refresh_from_db()
    assert imported.status == "draft"
    with pytest.raises(TransitionError, match="needs a duration"):
        imported.publish(personas.hr_a)


@pytest.mark.parametrize(
    ("type_code", "days"),
    [("detail", 365), ("detail", 1), ("emergency_need", 1), ("permanent", None), ("sabbatical", 90)],
)
def test_a_duration_within_the_rule_is_published(personas, type_code, days):
    opportunity = OpportunityFactory(type=opportunity_type(type_code), duration_days=days)
    opportunity.publish(personas.hr_a)
    assert opportunity.status == "open"


def test_no_temporary_type_runs_past_four_years(personas):
    for kind in OpportunityType.objects.filter(is_permanent=False):
        problem = kind.duration_problem(1462, extended=True)
        assert problem and "at most" in problem, kind.code


def test_a_sabbatical_lasts_three_to_eleven_months():
    sabbatical = OpportunityType.objects.get(code="sabbatical")
    assert "at least 90 days" in sabbatical.duration_problem(89)
    assert "at most 335 days" in sabbatical.duration_problem(336)


def test_the_form_says_what_each_type_allows(personas):
    help_text = OpportunityForm(agency=personas.agency_a).fields["duration_days"].help_text
    for kind in OpportunityType.objects.all():
        assert kind.duration_rule in help_text
    assert "Permanent career vacancy: no duration (no end date)" in help_text
    assert "Detail: 1 to 365 days" in help_text
    assert "Limited-term appointment: 1 to 1,095 days" in help_text
    assert "Intergovernmental Personnel Act (IPA) assignment: 1 to 730 days, or up to 1,461" in help_text


def test_the_form_page_shows_each_types_rule(client_as, personas):
    html = client_as(personas.hr_a).get("/hr/opportunities/new/").content.decode()
    assert "Rotation: 120 to 1,461 days" in html
    assert "Emergency need: 1 to 1,461 days" in html


def test_numbers_in_duration_messages_have_thousands_separators():
    limited_term = OpportunityType.objects.get(code="limited_term")
    assert (
        limited_term.duration_problem(1096)
        == "Limited-term appointment may last at most 1,095 days; this one lasts 1,096."
    )
