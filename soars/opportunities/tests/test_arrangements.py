"""A posting offers one work arrangement and may state how flexible its start date is."""

import datetime
import re

import pytest

from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Opportunity
from soars.opportunities.tests.test_hr_pages import posting

pytestmark = pytest.mark.django_db


def test_the_posting_form_saves_the_arrangement_and_the_start_flexibility_and_shows_them_again(client_as, personas):
    client = client_as(personas.hr_a)
    data = posting(remote="remote", start_date="2027-03-01", start_flexibility_days="45", save="")
    client.post("/hr/opportunities/new/", data)
    opportunity = Opportunity.objects.get()
    assert (opportunity.remote, opportunity.start_flexibility_days) == ("remote", 45)
    html = client.get(f"/hr/opportunities/{opportunity.pk}/edit/").content.decode()
    radios = re.findall(r'name="remote"[^>]* value="(\w+)"([^>]*)>', html)
    assert [value for value, rest in radios if "checked" in rest] == ["remote"]
    assert 'name="start_flexibility_days" value="45"' in html
    assert "How many days after the start date an executive may still start" in html
    assert "On-site and hybrid work need executives who will work in its locations" in html


def test_the_posting_form_offers_exactly_the_three_arrangements(client_as, personas):
    form = client_as(personas.hr_a).get("/hr/opportunities/new/").context["form"]
    assert list(form.fields["remote"].choices) == [
        ("on_site", "On site"),
        ("hybrid", "Hybrid"),
        ("remote", "Fully remote"),
    ]
    response = client_as(personas.hr_a).post("/hr/opportunities/new/", posting(remote="telework", save=""))
    assert "Select a valid choice" in response.content.decode() and not Opportunity.objects.exists()


def test_the_remote_filter_lists_hybrid_and_fully_remote_postings(client_as, personas):
    OpenOpportunityFactory(title="Site", remote="on_site")
    OpenOpportunityFactory(title="Hybrid", remote="hybrid")
    OpenOpportunityFactory(title="Remote", remote="remote")
    response = client_as(personas.executive).get("/opportunities/?remote=on")
    assert sorted(o.title for o in response.context["page"].object_list) == ["Hybrid", "Remote"]
    assert "Hybrid or fully remote only (2)" in response.content.decode()


def test_the_posting_page_and_search_text_say_the_arrangement_and_the_flexibility(client_as, personas):
    opportunity = OpenOpportunityFactory(
        remote="hybrid", start_date=datetime.date(2027, 3, 1), start_flexibility_days=30, locations="Denver, CO"
    )
    assert "Hybrid" in opportunity.build_search_text()
    html = client_as(personas.executive).get(f"/opportunities/{opportunity.pk}/").content.decode()
    assert "Denver, CO (hybrid)" in html
    assert "March 1, 2027 (or up to 30 days later)" in html
