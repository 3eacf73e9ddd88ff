"""The resume editor filled in Chromium as an executive fills it: every section saved, reloaded and read back."""

import json

import pytest

from soars.core.testing import make_personas
from soars.resumes.models import Resume
from soars.resumes.tests.samples import pdf_bytes
from tests.forms_browser import fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPES = ["Detail", "Rotation", "Intergovernmental Personnel Act (IPA) assignment"]
AGENCIES = ["Department of Commerce", "Department of the Interior"]


def save(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    assert "Saved:" in page.locator(".soars-messages").inner_text()


def test_every_tick_all_list_of_the_resume_keeps_every_box_ticked(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.executive)
    page.goto(live_server.url + "/executive/resume/")

    tick(page, "ECQ framework", "Executive Core Qualifications (2025)")
    page.get_by_role("button", name="Use this framework").click()
    competencies = group_labels(page, "Leadership competencies")[:3]
    tick(page, "Leadership competencies", *competencies)
    fill(page, {"Other skills": "budget formulation, cybersecurity"})
    save(page, "Save competencies and skills")

    tick(page, "Opportunity types wanted", *TYPES)
    tick(page, "Work arrangements you accept", "On site", "Hybrid")
    fill(page, {"Preferred locations": "Washington, DC; Denver, CO"})
    save(page, "Save what you are looking for")

    tick(page, "Who may see your resume", "Only the agencies I choose")
    tick(page, "Agencies that may see it", *AGENCIES)
    page.locator("label", has_text="List me in the executive directory").click()
    page.locator("label", has_text="Show my email address in the directory").click()  # on by default
    fill(page, {"Phone number for the directory": "202-555-0143"})
    save(page, "Save sharing choices")

    page.reload()
    assert ticked(page, "ECQ framework") == ["Executive Core Qualifications (2025)"]
    assert ticked(page, "Leadership competencies") == competencies
    assert ticked(page, "Opportunity types wanted") == TYPES
    assert ticked(page, "Work arrangements you accept") == ["On site", "Hybrid"]
    assert ticked(page, "Who may see your resume") == ["Only the agencies I choose"]
    assert ticked(page, "Agencies that may see it") == AGENCIES
    assert page.get_by_label("List me in the executive directory").is_checked()
    assert not page.get_by_label("Show my email address in the directory").is_checked()
    assert read(page, ["Phone number for the directory"]) == {"Phone number for the directory": "202-555-0143"}
    assert read(page, ["Other skills", "Preferred locations"]) == {
        "Other skills": "budget formulation, cybersecurity",
        "Preferred locations": "Washington, DC; Denver, CO",
    }
    resume = Resume.objects.get(executive=personas.executive)
    assert resume.opportunity_types.count() == 3 and resume.visible_agencies.count() == 2
    assert resume.competencies.count() == 3
    assert resume.arrangements == ["on_site", "hybrid"]


def group_labels(page, legend: str) -> list[str]:
    return page.get_by_role("group", name=legend).locator("label").all_inner_texts()


ABOUT = {
    "Headline": "Chief Information Officer",
    "Summary": "I lead large technology programmes.",
    "Current position title": "Deputy CIO",
    "Current agency": "Department of Energy",
    "Appointment eligibility": "Career SES member",
}
POSITION = {
    "Position title": "Deputy Chief Information Officer",
    "Agency or employer": "US Geological Survey",
    "Agency": "Department of the Interior",
    "Occupational series": "2210",
    "Start date": "2019-04-01",
    "End date": "2023-06-30",
    "Accomplishments": "Moved 40 systems to the cloud.",
}
EDUCATION = {
    "Institution": "Georgetown University",
    "Degree": "MPP",
    "Field of study": "Public policy",
    "Year completed": "2004",
}
TRAINING = {"Name": "SES Candidate Development Program", "Provider": "Federal Executive Institute", "Year": "2021"}
STATEMENT = {
    "Challenge": "Our grants system failed weekly.",
    "Context": "Twelve bureaus, one budget.",
    "Action": "I rebuilt the team and the contract.",
    "Result": "Outages fell by 90 percent.",
}


def test_the_about_section_and_every_entry_form_keep_what_was_typed(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.executive)
    editor = live_server.url + "/executive/resume/"
    page.goto(editor)
    fill(page, ABOUT)
    save(page, "Save about you")
    assert read(page, ABOUT) == ABOUT

    for add, values, extra, entry in [
        ("Add a position", POSITION, None, "Deputy Chief Information Officer, US Geological Survey"),
        ("Add education", EDUCATION, None, "MPP, Georgetown University"),
        ("Add training or a certification", TRAINING, "Certification", "SES Candidate Development Program"),
    ]:
        page.get_by_role("link", name=add).click()
        fill(page, values)
        if extra:
            tick(page, "Kind", extra)
        page.get_by_role("button", name="Save", exact=True).click()
        page.get_by_role("link", name=f"Edit {entry}").click()
        assert read(page, values) == values
        if extra:
            assert ticked(page, "Kind") == [extra]
        page.goto(editor)

    tick(page, "ECQ framework", "Executive Core Qualifications (2025)")
    page.get_by_role("button", name="Use this framework").click()
    page.get_by_role("row").nth(1).get_by_role("link", name="Write").click()
    fill(page, STATEMENT)
    page.get_by_role("button", name="Save").click()
    page.get_by_role("row").nth(1).get_by_role("link", name="Edit").click()
    assert read(page, STATEMENT) == STATEMENT


def test_an_uploaded_file_and_an_imported_json_resume_are_kept(open_page, live_server, reference_data, tmp_path):
    personas = make_personas()
    page = open_page(personas.executive)
    page.goto(live_server.url + "/executive/resume/")
    pdf = tmp_path / "resume.pdf"
    pdf.write_bytes(pdf_bytes())
    page.get_by_label("Resume file (PDF or Word DOCX, at most 5 MB)").set_input_files(pdf)
    page.get_by_role("button", name="Upload the file").click()
    assert "You uploaded a PDF file" in page.locator("#file ~ p, section[aria-labelledby=file]").first.inner_text()

    exported = tmp_path / "exported.json"
    data = json.loads(page.request.get(live_server.url + "/executive/resume.json").text())
    data["basics"]["label"] = "Chief Data Officer"
    exported.write_text(json.dumps(data))
    page.get_by_label("JSON Resume file").set_input_files(exported)
    page.get_by_role("button", name="Check the file").click()
    assert "Chief Data Officer" in page.get_by_role("table").inner_text()
    page.get_by_role("button", name="Import", exact=True).click()
    page.goto(live_server.url + "/executive/resume/")
    assert read(page, ["Headline"]) == {"Headline": "Chief Data Officer"}
    assert Resume.objects.get(executive=personas.executive).file
