"""The candidate and shortlist exports take any text a user can type (control characters, formulas)."""

import csv
import io

import pytest
from django.db import connection
from openpyxl import load_workbook

from soars.opportunities.exports import safe_cell
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Interest, ShortlistEntry
from soars.resumes.factories import complete_resume

pytestmark = pytest.mark.django_db

# Every C0 control character but tab, LF and CR (which a cell may hold), and DEL.
CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r") + "\x7f"
KEPT = "\x7f"  # the only one of them XML 1.0, so a workbook, allows


def hostile(label: str) -> str:
    # PostgreSQL cannot store NUL in text at all, so only SQLite is given it.
    controls = CONTROLS if connection.vendor == "sqlite" else CONTROLS.replace("\x00", "")
    return f"{label}{controls} end"


def cleaned(label: str) -> str:
    return f"{label}{KEPT} end"


def downloaded(response, fmt: str) -> list[list[str]]:
    assert response.status_code == 200
    if fmt == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return [["" if v is None else v for v in row] for row in load_workbook(io.BytesIO(response.content)).active.values]


@pytest.fixture
def fields(personas):
    """The executive, their resume, an opportunity they are interested in and shortlisted for,
    with every text field of both exports holding every control character."""
    executive, hr = personas.executive, personas.hr_a
    resume = complete_resume(executive)
    opportunity = OpenOpportunityFactory()
    interest = Interest.express(executive, opportunity, hostile("Interest note"))
    entry = ShortlistEntry.objects.create(
        opportunity=opportunity, resume=resume, added_by=hr, note=hostile("Shortlist note")
    )
    executive.full_name, executive.email = hostile("Name"), hostile("email") + "@agency.gov"
    executive.save()
    resume.current_title = hostile("Title")
    resume.save()
    resume.current_agency.name = hostile("Agency")
    resume.current_agency.save()
    hr.full_name = hostile("Added by")
    hr.save()
    return interest, entry


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_text_field_of_the_candidate_export_survives_control_characters(client_as, personas, fields, fmt):
    interest, _ = fields
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{interest.opportunity_id}/candidates.{fmt}")
    row = downloaded(response, fmt)[1]
    name, email, title, _, _, _, note = row
    assert name == cleaned("Name")
    assert email == cleaned("email") + "@agency.gov"
    assert title == cleaned("Title")
    assert note == cleaned("Interest note")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_text_field_of_the_shortlist_export_survives_control_characters(client_as, personas, fields, fmt):
    _, entry = fields
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{entry.opportunity_id}/shortlist.{fmt}")
    row = downloaded(response, fmt)[1]
    name, email, title, agency, _, _, added_by, _, note = row
    assert name == cleaned("Name")
    assert email == cleaned("email") + "@agency.gov"
    assert title == cleaned("Title")
    assert agency == cleaned("Agency")
    assert added_by == cleaned("Added by")
    assert note == cleaned("Shortlist note")


@pytest.mark.parametrize("character", ["\x0b", "\x1b"])
def test_a_note_typed_with_a_control_character_does_not_break_the_xlsx_export(client_as, personas, character):
    """The review's case, end to end: the executive expresses interest through the page."""
    complete_resume(personas.executive)
    opportunity = OpenOpportunityFactory()
    client = client_as(personas.executive)
    client.post(f"/opportunities/{opportunity.pk}/interest/", {"note": f"Keen{character}to help"})
    assert Interest.objects.get().note == f"Keen{character}to help"
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{opportunity.pk}/candidates.xlsx")
    assert downloaded(response, "xlsx")[1][6] == "Keento help"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_control_character_cannot_hide_a_formula(client_as, personas, fmt):
    complete_resume(personas.executive)
    interest = Interest.express(personas.executive, OpenOpportunityFactory(), '\x01=HYPERLINK("http://evil")')
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{interest.opportunity_id}/candidates.{fmt}")
    assert downloaded(response, fmt)[1][6] == '\'=HYPERLINK("http://evil")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_defused(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


def test_a_cell_keeps_tabs_and_line_breaks_inside_and_drops_nul():
    assert safe_cell("a\tb\nc\r\nd\x00e") == "a\tb\nc\r\nde"
    assert safe_cell(None) == ""
