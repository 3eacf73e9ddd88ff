"""Executives browse with filters, open an opportunity, express and withdraw interest."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import Agency, ClearanceLevel, Ecq, OutboundEmail
from soars.opportunities.factories import OpenOpportunityFactory, opportunity_type
from soars.opportunities.filters import filter_opportunities
from soars.opportunities.models import Interest, Opportunity

pytestmark = pytest.mark.django_db


def titles(client, query=""):
    response = client.get("/opportunities/" + query)
    assert response.status_code == 200
    return [o.title for o in response.context["page"].object_list]


def test_browse_lists_open_postings_as_cards(client_as, personas):
    OpenOpportunityFactory(title="Chief Data Officer", locations="Denver, CO")
    html = client_as(personas.executive).get("/opportunities/").content.decode()
    assert "Chief Data Officer" in html
    for label in ("Type", "Agency", "Location", "Duration", "Closes on", "Denver, CO"):
        assert label in html


def test_browse_filters_by_type(client_as, personas):
    OpenOpportunityFactory(title="Rotation", type=opportunity_type("rotation"), duration_days=180)
    OpenOpportunityFactory(title="Permanent")
    assert titles(client_as(personas.executive), "?type=rotation") == ["Rotation"]


def test_browse_filters_by_agency_including_sub_elements(client_as, personas):
    OpenOpportunityFactory(title="Forest", agency=Agency.objects.get(code="AG11"))
    OpenOpportunityFactory(title="Commerce", agency=personas.agency_b)
    assert titles(client_as(personas.executive), "?agency=AG") == ["Forest"]


def test_browse_filters_by_location_and_remote(client_as, personas):
    OpenOpportunityFactory(title="Denver", locations="Denver, CO", remote="on_site")
    OpenOpportunityFactory(title="Remote", locations="Atlanta, GA", remote="remote")
    client = client_as(personas.executive)
    assert titles(client, "?location=denver") == ["Denver"]
    assert titles(client, "?remote=on") == ["Remote"]


def test_browse_filters_by_ecq(client_as, personas):
    ecq = Ecq.objects.first()
    OpenOpportunityFactory(title="With ECQ").ecqs.add(ecq)
    OpenOpportunityFactory(title="Without")
    assert titles(client_as(personas.executive), f"?ecq={ecq.pk}") == ["With ECQ"]


def test_browse_filters_by_the_clearance_i_hold(client_as, personas):
    OpenOpportunityFactory(title="Top secret", clearance=ClearanceLevel.objects.get(code="top_secret"))
    OpenOpportunityFactory(title="Secret", clearance=ClearanceLevel.objects.get(code="secret"))
    OpenOpportunityFactory(title="None")
    assert sorted(titles(client_as(personas.executive), "?clearance=secret")) == ["None", "Secret"]


def test_browse_filters_closing_soon_and_sorts_by_closing_date(client_as, personas):
    today = timezone.localdate()
    OpenOpportunityFactory(title="Later", closes_on=today + timedelta(days=60))
    OpenOpportunityFactory(title="Soon", closes_on=today + timedelta(days=3))
    OpenOpportunityFactory(title="Sooner", closes_on=today + timedelta(days=1))
    client = client_as(personas.executive)
    assert titles(client, "?closing_soon=on&sort=closing") == ["Sooner", "Soon"]
    assert titles(client, "?sort=closing") == ["Sooner", "Soon", "Later"]


def test_browse_sorts_newest_first_by_default(client_as, personas):
    now = timezone.now()
    OpenOpportunityFactory(title="Old", published_at=now - timedelta(days=9))
    OpenOpportunityFactory(title="New", published_at=now)
    assert titles(client_as(personas.executive)) == ["New", "Old"]


def test_browse_is_paginated(client_as, personas):
    for number in range(25):
        OpenOpportunityFactory(title=f"Posting {number}")
    client = client_as(personas.executive)
    assert len(titles(client)) == 20
    assert len(titles(client, "?page=2")) == 5
    assert "page=2" in client.get("/opportunities/?type=permanent").content.decode()


@pytest.mark.parametrize(
    "query", ["?type=nonsense", "?agency=%27;DROP", "?ecq=abc", "?clearance=x&sort=evil", "?page=999", "?page=-1"]
)
def test_malformed_filters_are_ignored_not_errors(client_as, personas, query):
    OpenOpportunityFactory(title="Still here")
    assert titles(client_as(personas.executive), query) == ["Still here"]


def test_filter_opportunities_works_on_any_queryset():
    OpenOpportunityFactory(title="Remote", remote="remote")
    OpenOpportunityFactory(title="Site")
    result = filter_opportunities(Opportunity.objects.all(), {"remote": "on"})
    assert [o.title for o in result] == ["Remote"]


def test_an_executive_expresses_interest_with_a_note(client_as, personas):
    opportunity = OpenOpportunityFactory()
    client = client_as(personas.executive)
    response = client.post(f"/opportunities/{opportunity.pk}/interest/", {"note": "I ran a similar office."})
    assert response.status_code == 302
    interest = Interest.objects.get()
    assert (interest.executive, interest.note, interest.status) == (
        personas.executive,
        "I ran a similar office.",
        "interested",
    )
    assert "Withdraw my interest" in client.get(f"/opportunities/{opportunity.pk}/").content.decode()


def test_a_note_that_is_too_long_keeps_what_was_typed(client_as, personas):
    opportunity = OpenOpportunityFactory()
    response = client_as(personas.executive).post(f"/opportunities/{opportunity.pk}/interest/", {"note": "x" * 2001})
    assert response.status_code == 400
    assert "x" * 2001 in response.content.decode()
    assert not Interest.objects.exists()


def test_an_executive_withdraws(client_as, personas):
    opportunity = OpenOpportunityFactory()
    client = client_as(personas.executive)
    client.post(f"/opportunities/{opportunity.pk}/interest/", {"note": ""})
    client.post(f"/opportunities/{opportunity.pk}/withdraw/")
    assert Interest.objects.get().status == "withdrawn"


def test_interest_in_a_closed_posting_is_refused(client_as, personas):
    opportunity = OpenOpportunityFactory(status="closed")
    Interest.objects.create(executive=personas.executive, opportunity=opportunity)  # so it stays visible
    Interest.objects.all().update(status="withdrawn")
    client_as(personas.executive).post(f"/opportunities/{opportunity.pk}/interest/", {"note": ""})
    assert Interest.objects.get().status == "withdrawn"


def test_my_interests_shows_status_and_history(client_as, personas):
    opportunity = OpenOpportunityFactory(title="Chief Data Officer")
    interest = Interest.express(personas.executive, opportunity)
    interest.move_to("reviewing", by=personas.hr_a)
    html = client_as(personas.executive).get("/executive/interests/").content.decode()
    assert "Chief Data Officer" in html
    assert "Under review" in html and "Interested" in html
    assert "Bob HR" not in html  # who moved it is HR's business


def test_the_executive_options_page_shows_my_interests(client_as, personas):
    Interest.express(personas.executive, OpenOpportunityFactory(title="Chief Data Officer"))
    html = client_as(personas.executive).get("/executive/").content.decode()
    assert "My interests" in html and "Chief Data Officer" in html
    assert 'href="/opportunities/"' in html


def test_expressing_interest_sends_no_email_at_once(client_as, personas):
    opportunity = OpenOpportunityFactory()
    client_as(personas.executive).post(f"/opportunities/{opportunity.pk}/interest/", {"note": ""})
    assert not OutboundEmail.objects.exists()  # the hourly digest tells HR
