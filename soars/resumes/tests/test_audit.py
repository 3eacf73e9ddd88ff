"""Every view, download and export by HR writes exactly one audit event; the owner sees them."""

import pytest

from soars.audit.models import AuditEvent
from soars.resumes import viewing
from soars.resumes.factories import complete_resume
from soars.resumes.tests.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def resume(personas):
    return complete_resume(personas.executive)


def test_an_hr_view_writes_one_event_with_viewer_and_agency(client_as, personas, resume):
    client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/")
    events = list(AuditEvent.objects.for_object(resume))
    assert len(events) == 1
    assert (events[0].action, events[0].actor, events[0].agency) == (viewing.VIEWED, personas.hr_a, personas.agency_a)


def test_an_hr_pdf_download_writes_one_export_event(client_as, personas, resume):
    response = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/resume.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert list(AuditEvent.objects.for_object(resume).values_list("action", flat=True)) == [viewing.EXPORTED]


def test_an_hr_file_download_writes_one_event_and_is_an_attachment(client_as, personas, resume):
    client_as(personas.executive).post("/executive/resume/file/", {"file": upload("cv.pdf", pdf_bytes())})
    response = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/file/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert list(AuditEvent.objects.for_object(resume).values_list("action", flat=True)) == [viewing.FILE_DOWNLOADED]


def test_the_owner_reading_their_own_resume_is_not_listed_as_a_viewer(client_as, personas, resume):
    client = client_as(personas.executive)
    client.get("/executive/resume/preview/")
    client.get("/executive/resume.pdf")
    assert not viewing.readings_of(resume).exists()


def test_the_executive_sees_who_viewed_the_resume(client_as, personas, resume):
    client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/")
    html = client_as(personas.executive).get("/executive/resume/viewers/").content.decode()
    assert "Bob HR" in html
    assert "Department of Agriculture" in html


def test_another_executive_does_not_see_these_views(client_as, personas, resume):
    client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/")
    html = client_as(personas.outsider).get("/executive/resume/viewers/").content.decode()
    assert "Bob HR" not in html


def test_the_options_page_panel_shows_completeness_and_views(client_as, personas, resume):
    client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/")
    html = client_as(personas.executive).get("/executive/").content.decode()
    assert "Your resume is 100% complete" in html
    assert "Viewed 1 time by HR staff" in html


def test_the_hr_options_page_links_to_the_resume_list(client_as, personas):
    assert 'href="/hr/resumes/"' in client_as(personas.hr_a).get("/hr/").content.decode()
