"""Place fields: typed freely, known places stored under their label, the list offered, the area shown."""

import re

import pytest

from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.forms import OpportunityForm
from soars.opportunities.tests.test_type_rules import form_data
from soars.resumes.factories import SharedResumeFactory
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db

PREFERENCES = "/executive/resume/section/preferences/"


def test_the_resume_stores_known_places_under_their_label_and_keeps_unknown_text(client_as, personas):
    client = client_as(personas.executive)
    client.post(PREFERENCES, {"preferences-locations": "reston virginia; Washington, D.C.; Smallville; RESTON"})
    assert Resume.objects.get(executive=personas.executive).locations == ["Reston, VA", "Washington, DC", "Smallville"]


def test_the_preferences_field_offers_the_known_places_without_script(client_as, personas):
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    field = re.search(r'<input[^>]*name="preferences-locations"[^>]*>', html).group(0)
    list_id = re.search(r'list="([^"]+)"', field).group(1)
    datalist = re.search(rf'<datalist id="{list_id}">(.*?)</datalist>', html, re.S).group(1)
    assert '<option value="Reston, VA">' in datalist
    assert '<option value="Columbia, MD">' in datalist


def test_the_posting_form_stores_known_places_under_their_label(personas):
    form = OpportunityForm(form_data(locations="reston virginia\nFt. Meade, Maryland\nSmallville\nReston, VA"),
                           agency=personas.agency_a)  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["locations"] == "Reston, VA\nFort Meade, MD\nSmallville"


def test_the_posting_shows_the_metro_area_of_each_place(client_as, personas):
    posting = OpenOpportunityFactory(locations="Reston, VA\nWashington, DC\nSmallville", created_by=personas.hr_a)
    html = client_as(personas.executive).get(f"/opportunities/{posting.pk}/").content.decode()
    assert "Reston, VA (Washington, DC area); Washington, DC; Smallville" in html


def test_the_resume_shows_the_metro_area_of_each_place(client_as, personas):
    resume = SharedResumeFactory(locations=["Columbia, MD", "Baltimore, MD"])
    html = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/").content.decode()
    assert "Columbia, MD (Baltimore, MD area); Baltimore, MD" in html


def test_a_place_of_only_digits_is_kept_as_typed_not_an_error(personas):
    """Found by the API's property tests: "20500" alone (a ZIP code) used to crash the form."""
    form = OpportunityForm(form_data(locations="20500\n0000"), agency=personas.agency_a)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["locations"] == "20500\n0000"
