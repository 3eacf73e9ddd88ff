"""Who may see a resume: the QuerySet rule and HR's list and view pages, tried from outside."""

import pytest

from soars.audit.models import AuditEvent
from soars.core.models import Agency
from soars.resumes.factories import ResumeFactory, SharedResumeFactory, complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def test_a_new_resume_is_hidden(personas):
    assert Resume.objects.for_executive(personas.executive).visibility == Resume.Visibility.HIDDEN


def test_a_resume_shared_with_all_agencies_is_visible_to_any_agency(personas):
    resume = SharedResumeFactory()
    assert resume in Resume.objects.visible_to_agency(personas.agency_b)


def test_a_hidden_resume_is_visible_to_no_agency(personas):
    resume = ResumeFactory(visibility=Resume.Visibility.HIDDEN)
    assert not Resume.objects.visible_to_agency(personas.agency_a).filter(pk=resume.pk).exists()


def test_a_resume_shared_with_chosen_agencies_is_visible_only_to_them(personas):
    resume = ResumeFactory(visibility=Resume.Visibility.CHOSEN_AGENCIES)
    resume.visible_agencies.set([personas.agency_a])
    assert resume.is_visible_to_agency(personas.agency_a)
    assert not resume.is_visible_to_agency(personas.agency_b)


def test_sharing_with_a_department_reaches_its_sub_elements(personas):
    resume = ResumeFactory(visibility=Resume.Visibility.CHOSEN_AGENCIES)
    resume.visible_agencies.set([personas.agency_a])
    forest_service = Agency.objects.get(code="AG11")
    assert resume.is_visible_to_agency(forest_service)


def test_a_deactivated_executives_resume_is_visible_to_no_agency(personas):
    resume = SharedResumeFactory()
    resume.executive.is_active = False
    resume.executive.save()
    assert not resume.is_visible_to_agency(personas.agency_a)


def test_no_agency_sees_nothing(personas):
    SharedResumeFactory()
    assert not Resume.objects.visible_to_agency(None).exists()


def test_hr_list_shows_shared_resumes_newest_first_and_not_hidden_ones(client_as, personas):
    older = SharedResumeFactory(headline="Older headline")
    newer = SharedResumeFactory(headline="Newer headline")
    ResumeFactory(headline="Secret headline")
    html = client_as(personas.hr_a).get("/hr/resumes/").content.decode()
    assert html.index(newer.headline) < html.index(older.headline)
    assert "Secret headline" not in html


def test_hr_list_is_paginated(client_as, personas):
    for _ in range(26):
        SharedResumeFactory()
    response = client_as(personas.hr_a).get("/hr/resumes/?page=2")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1


def test_hr_of_a_permitted_agency_reads_the_resume(client_as, personas):
    resume = complete_resume(personas.executive)
    response = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/")
    assert response.status_code == 200
    assert "Career executive who modernizes services." in response.content.decode()


def test_hr_of_another_agency_gets_404(client_as, personas):
    resume = complete_resume(personas.executive, visibility=Resume.Visibility.CHOSEN_AGENCIES)
    resume.visible_agencies.set([personas.agency_a])
    client = client_as(personas.hr_b)
    assert client.get(f"/hr/resumes/{resume.pk}/").status_code == 404
    assert client.get(f"/hr/resumes/{resume.pk}/resume.pdf").status_code == 404
    assert client.get(f"/hr/resumes/{resume.pk}/file/").status_code == 404


def test_a_refused_view_writes_no_audit_event(client_as, personas):
    resume = ResumeFactory(executive=personas.executive)
    client_as(personas.hr_b).get(f"/hr/resumes/{resume.pk}/")
    assert not AuditEvent.objects.for_object(resume).exists()


def test_a_hidden_resume_answers_404_to_every_agency(client_as, personas):
    resume = complete_resume(personas.executive, visibility=Resume.Visibility.HIDDEN)
    assert client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/").status_code == 404


def test_an_executive_cannot_open_the_hr_view_of_a_resume(client_as, personas):
    resume = complete_resume(personas.outsider)
    assert client_as(personas.executive).get(f"/hr/resumes/{resume.pk}/").status_code == 403


def test_pages_showing_a_resume_are_not_cached(client_as, personas):
    resume = complete_resume(personas.executive)
    hr = client_as(personas.hr_a)
    for path in (f"/hr/resumes/{resume.pk}/", "/hr/resumes/", f"/hr/resumes/{resume.pk}/resume.pdf"):
        assert "no-store" in hr.get(path)["Cache-Control"], path
    executive = client_as(personas.executive)
    for path in ("/executive/resume/", "/executive/resume/preview/", "/executive/resume.pdf", "/executive/resume.json"):
        assert "no-store" in executive.get(path)["Cache-Control"], path
