"""In a real Chromium: an executive builds a resume section by section, uploads files, previews,
downloads the PDF and the JSON, re-imports the JSON; HR of a permitted agency reads it, HR of
another agency gets 404, and hostile files are refused with clear messages."""

import json
from pathlib import Path

import pytest

from soars.core.testing import make_personas, run_tasks
from soars.resumes.jsonresume import export_resume
from soars.resumes.models import Resume
from soars.resumes.tests.samples import docx_bytes, pdf_bytes, zip_bomb_bytes
from tests.browser import signed_in_context
from tests.test_accessibility import AXE, WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _file(name: str, content: bytes, mime: str = "application/octet-stream") -> dict:
    return {"name": name, "mimeType": mime, "buffer": content}


def _assert_accessible(page) -> None:
    """Pages reached only by POST (error states, the import preview) get the axe check here."""
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def _tick(page, label: str) -> None:
    """USWDS draws its own radios and checkboxes: click the label, as a person does."""
    page.locator("label").get_by_text(label, exact=True).click()


def _save(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()
    assert "Saved" in page.locator(".soars-messages").inner_text(), page.content()[:2000]


def _build_resume(page, url: str) -> None:
    page.goto(url + "/executive/resume/")
    page.fill("#id_about-headline", "Chief Information Officer")
    page.fill("#id_about-summary", "Modernizer of public services.\nTwenty years of federal service.")
    page.fill("#id_about-current_title", "Chief Information Officer")
    page.select_option("#id_about-current_agency", label="Department of Commerce")
    page.select_option("#id_about-eligibility", label="Career SES member")
    _save(page, "Save about you")

    page.get_by_role("link", name="Add a position").click()
    page.fill("#id_title", "Deputy Chief Information Officer")
    page.fill("#id_employer", "Department of Commerce")
    page.fill("#id_series", "2210")
    page.select_option("#id_pay_plan", value="ES")
    page.fill("#id_level", "00")
    page.fill("#id_start_date", "2019-04-01")
    page.fill("#id_accomplishments", "Moved 40 systems to the cloud.")
    _save(page, "Save")

    page.get_by_role("link", name="Add education").click()
    page.fill("#id_institution", "Georgetown University")
    page.fill("#id_degree", "Master of Public Policy")
    page.fill("#id_year", "2005")
    _save(page, "Save")

    page.get_by_role("link", name="Add training or a certification").click()
    _tick(page, "Certification")
    page.fill("#id_name", "SES Candidate Development Program")
    page.fill("#id_provider", "Federal Executive Institute")
    _save(page, "Save")

    _tick(page, "Executive Core Qualifications (2025)")
    _save(page, "Use this framework")
    page.get_by_role("link", name="Write the Leading People statement").click()
    for part in ("challenge", "context", "action", "result"):
        page.fill(f"#id_{part}", f"My {part} in leading people.")
    _save(page, "Save statement")

    _tick(page, "Leveraging Technology")
    page.fill("#id_skills-skills", "cloud migration, budget formulation")
    _save(page, "Save competencies and skills")

    page.select_option("#id_preferences-clearance", label="Secret")
    page.fill("#id_preferences-locations", "Washington, DC; Denver, CO")
    _tick(page, "Hybrid")
    _tick(page, "Detail")
    page.fill("#id_preferences-available_from", "2027-01-04")
    _save(page, "Save what you are looking for")

    _tick(page, "Only the agencies I choose")
    _tick(page, "Department of Agriculture")
    _save(page, "Save sharing choices")


def _upload(page, file: dict) -> str:
    page.set_input_files("#id_file", file)
    page.get_by_role("button", name="Upload the file").click()
    page.wait_for_load_state()
    return page.content()


def test_an_executive_builds_a_resume_and_hr_reads_it(browser, live_server, reference_data, tmp_path):
    personas = make_personas()
    url = live_server.url
    context = signed_in_context(browser, url, personas.executive)
    page = context.new_page()
    _build_resume(page, url)
    resume = Resume.objects.get(executive=personas.executive)
    assert resume.positions.count() == 1 and resume.ecq_statements.count() == 1
    assert resume.locations == ["Washington, DC", "Denver, CO"]

    # Upload a PDF, then a DOCX; the text is read in the background and shown.
    _upload(page, _file("resume.pdf", pdf_bytes("Quantum procurement reform"), "application/pdf"))
    run_tasks()
    page.goto(url + "/executive/resume/")
    page.get_by_text("The text we read from your file").click()
    assert "Quantum procurement reform" in page.content()
    _upload(page, _file("resume.docx", docx_bytes("Arctic logistics command")))
    run_tasks()
    page.goto(url + "/executive/resume/")
    assert "Arctic logistics command" in page.content()

    # Preview exactly as HR sees it.
    page.get_by_role("link", name="Preview as HR sees it").click()
    assert page.get_by_role("heading", name="Professional experience").is_visible()
    assert "Modernizer of public services." in page.content()

    # Download the PDF and the JSON.
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download PDF").click()
    assert Path(pdf_download.value.path()).read_bytes().startswith(b"%PDF-")
    page.goto(url + "/executive/resume/")
    with page.expect_download() as json_download:
        page.get_by_role("link", name="Download JSON Resume").click()
    saved = tmp_path / "resume.json"
    saved.write_bytes(Path(json_download.value.path()).read_bytes())
    exported = json.loads(saved.read_text())

    # Change the resume, then import the JSON: the same resume comes back.
    page.fill("#id_about-headline", "Something else entirely")
    _save(page, "Save about you")
    page.set_input_files("#id_import-file", str(saved))
    page.get_by_role("button", name="Check the file").click()
    assert "Something else entirely" in page.content()  # the preview shows what changes
    _assert_accessible(page)
    page.get_by_role("button", name="Import", exact=True).click()
    assert "Imported your JSON Resume." in page.content()
    assert export_resume(Resume.objects.get(pk=resume.pk)) == exported

    # HR of the permitted agency finds and reads it; the executive sees the view.
    hr_context = signed_in_context(browser, url, personas.hr_a)
    hr = hr_context.new_page()
    hr.goto(url + "/hr/resumes/")
    hr.get_by_role("link", name=personas.executive.full_name).click()
    assert hr.get_by_role("heading", name=f"Resume of {personas.executive.full_name}").is_visible()
    assert "Deputy Chief Information Officer" in hr.content()
    page.goto(url + "/executive/resume/viewers/")
    assert "Bob HR" in page.content() and "Department of Agriculture" in page.content()

    # HR of an agency outside the chosen ones gets 404.
    other_context = signed_in_context(browser, url, personas.hr_b)
    response = other_context.new_page().goto(url + f"/hr/resumes/{resume.pk}/")
    assert response.status == 404
    for each in (context, hr_context, other_context):
        each.close()


HOSTILE = [
    ("resume.pdf", b"<html><body>not a resume</body></html>", "not a PDF or a Word (DOCX) document"),
    ("resume.docx", None, "expands to far more data than a resume holds"),
    ("resume.pdf", "encrypted", "encrypted or password-protected"),
    ("resume.pdf", "big", "the limit is 5 MB"),
]


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE, ids=["html", "zip-bomb", "encrypted", "6mb"])
def test_hostile_files_are_refused_in_the_browser(browser, live_server, reference_data, name, content, message):
    personas = make_personas()
    if content is None:
        content = zip_bomb_bytes(100)
    elif content == "encrypted":
        content = pdf_bytes(password="secret")
    elif content == "big":
        content = pdf_bytes() + b"%" + b"x" * (6 * 1024 * 1024)
    context = signed_in_context(browser, live_server.url, personas.executive)
    page = context.new_page()
    page.goto(live_server.url + "/executive/resume/")
    html = _upload(page, _file(name, content))
    assert message in html
    _assert_accessible(page)
    assert page.locator("#id_file").get_attribute("aria-invalid") == "true"
    assert not Resume.objects.get(executive=personas.executive).file
    context.close()
