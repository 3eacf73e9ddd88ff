"""The candidates page: move, note, history, CSV and XLSX."""

import csv
import io

import pytest
from openpyxl import load_workbook

from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory
from soars.opportunities.models import Interest

pytestmark = pytest.mark.django_db


@pytest.fixture
def interest(personas):
    return Interest.express(personas.executive, OpenOpportunityFactory(), '=HYPERLINK("http://evil")')


def url(interest, tail=""):
    return f"/hr/opportunities/{interest.opportunity_id}/candidates/{tail}"


def test_the_candidates_page_lists_each_candidate_with_history(client_as, personas, interest):
    html = client_as(personas.hr_a).get(url(interest)).content.decode()
    assert "Alice Executive" in html
    assert "alice.executive@agency.gov" in html
    assert "Interested (Alice Executive)" in html


def test_hr_moves_a_candidate(client_as, personas, interest):
    response = client_as(personas.hr_a).post(url(interest, f"{interest.pk}/move/"), {"status": "reviewing"})
    assert response["Location"].endswith(f"#candidate-{interest.pk}")
    interest.refresh_from_db()
    assert interest.status == "reviewing"


def test_a_move_the_pipeline_does_not_allow_changes_nothing(client_as, personas, interest):
    client_as(personas.hr_a).post(url(interest, f"{interest.pk}/move/"), {"status": "selected"})
    interest.refresh_from_db()
    assert interest.status == "interested"


def test_a_private_note_is_kept_and_not_shown_to_the_executive(client_as, personas, interest, client):
    client_as(personas.hr_a).post(url(interest, f"{interest.pk}/notes/"), {"text": "Strong on budget."})
    assert interest.notes.get().text == "Strong on budget."
    assert "Strong on budget." in client.get(url(interest)).content.decode()
    client.force_login(personas.executive)
    for page in (f"/opportunities/{interest.opportunity_id}/", "/executive/interests/"):
        assert "Strong on budget." not in client.get(page).content.decode()


def test_an_empty_note_is_refused(client_as, personas, interest):
    client_as(personas.hr_a).post(url(interest, f"{interest.pk}/notes/"), {"text": "   "})
    assert not interest.notes.exists()


def test_a_candidate_of_another_opportunity_cannot_be_moved_through_this_one(client_as, personas, interest):
    other = OpenOpportunityFactory()
    path = f"/hr/opportunities/{other.pk}/candidates/{interest.pk}/move/"
    assert client_as(personas.hr_a).post(path, {"status": "reviewing"}).status_code == 404


def test_the_csv_export_lists_candidates_and_defuses_formulas(client_as, personas, interest):
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{interest.opportunity_id}/candidates.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Name"
    assert rows[1][:2] == ["Alice Executive", "alice.executive@agency.gov"]
    assert rows[1][3] == "Interested"
    assert rows[1][6].startswith("'=")


def test_the_xlsx_export_opens_as_a_workbook(client_as, personas, interest):
    InterestFactory(opportunity=interest.opportunity)
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{interest.opportunity_id}/candidates.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][0] == "Name"
    assert len(values) == 3
    assert values[1][0] == "Alice Executive"


def test_exports_are_recorded_in_the_audit_trail(client_as, personas, interest):
    from soars.audit.models import AuditEvent

    client_as(personas.hr_a).get(f"/hr/opportunities/{interest.opportunity_id}/candidates.csv")
    assert AuditEvent.objects.filter(action="opportunity.candidates_exported").count() == 1


def test_the_candidates_page_reads_titles_without_a_query_per_candidate(client_as, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from soars.resumes.factories import ResumeFactory

    opportunity = OpenOpportunityFactory(agency=personas.agency_a)
    hr = client_as(personas.hr_a)

    def queries_for_page():
        with CaptureQueriesContext(connection) as captured:
            response = hr.get(f"/hr/opportunities/{opportunity.pk}/candidates/")
        assert response.status_code == 200
        return len(captured), response.content.decode()

    for _ in range(2):
        InterestFactory(opportunity=opportunity, executive=ResumeFactory(current_title="Chief Data Officer").executive)
    queries_for_page()  # the first request fills per-process caches
    few, _ = queries_for_page()
    for _ in range(5):
        InterestFactory(opportunity=opportunity, executive=ResumeFactory(current_title="Chief Data Officer").executive)
    many, html = queries_for_page()
    assert html.count("Chief Data Officer") >= 7
    assert many == few
