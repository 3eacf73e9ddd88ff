"""The executive's editor: sections save on their own, rules hold, errors keep what was typed."""

import datetime

import pytest
from django.utils import timezone

from soars.core.models import Agency, Competency, EcqFramework
from soars.resumes.factories import PositionFactory, ResumeFactory, complete_resume
from soars.resumes.models import EcqStatement, Position, Resume

pytestmark = pytest.mark.django_db


def _resume(user) -> Resume:
    return Resume.objects.get(executive=user)


def test_the_editor_shows_the_privacy_act_statement(client_as, personas):
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    assert "Privacy Act statement" in html


def test_no_record_of_a_resume_has_an_ssn_birth_date_or_photo_field():
    from soars.resumes.models import Education, Training

    names = [f.name for m in (Resume, Position, Education, Training, EcqStatement) for f in m._meta.get_fields()]
    assert [n for n in names if any(w in n for w in ("ssn", "social", "birth", "photo", "image"))] == []


def test_saving_one_section_leaves_the_others_alone(client_as, personas):
    ResumeFactory(executive=personas.executive, arrangements=["remote"])
    client_as(personas.executive).post(
        "/executive/resume/section/about/", {"about-headline": "Chief Data Officer", "about-summary": "Data leader."}
    )
    resume = _resume(personas.executive)
    assert (resume.headline, resume.arrangements) == ("Chief Data Officer", ["remote"])


def test_a_section_with_an_error_keeps_what_was_typed(client_as, personas):
    response = client_as(personas.executive).post(
        "/executive/resume/section/about/", {"about-headline": "x" * 300, "about-summary": "My typed summary"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "My typed summary" in html and "Ensure this value has at most 200 characters" in html


def test_a_section_error_is_announced_at_the_top_with_a_link_to_the_section(client_as, personas):
    response = client_as(personas.executive).post(
        "/executive/resume/section/sharing/", {"sharing-visibility": "chosen"}
    )
    html = response.content.decode()
    assert html.index("That was not saved.") < html.index('id="about"')
    assert 'href="#sharing">See what to correct' in html


def test_forged_fields_are_ignored(client_as, personas):
    client_as(personas.executive).post(
        "/executive/resume/section/about/",
        {"about-headline": "Mine", "about-visibility": "all", "about-executive": personas.outsider.pk},
    )
    resume = _resume(personas.executive)
    assert resume.visibility == Resume.Visibility.HIDDEN and resume.executive == personas.executive


def test_an_unknown_section_is_404(client_as, personas):
    assert client_as(personas.executive).post("/executive/resume/section/visibility/").status_code == 404


def test_saved_html_is_escaped_in_the_preview(client_as, personas):
    client = client_as(personas.executive)
    client.post("/executive/resume/section/about/", {"about-headline": "<script>alert(1)</script>"})
    html = client.get("/executive/resume/preview/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markup_in_the_resume_does_not_break_the_pdf(client_as, personas):
    ResumeFactory(executive=personas.executive, summary="<b>bold</b> <para> & </font> unclosed <i")
    response = client_as(personas.executive).get("/executive/resume.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")


def test_preferences_save_locations_types_and_availability(client_as, personas):
    client_as(personas.executive).post(
        "/executive/resume/section/preferences/",
        {
            "preferences-locations": "Washington, DC; Denver, CO",
            "preferences-arrangements": ["on_site", "hybrid"],
            "preferences-opportunity_types": [1, 2],
            "preferences-available_from": "2027-02-01",
        },
    )
    resume = _resume(personas.executive)
    assert resume.locations == ["Washington, DC", "Denver, CO"]
    assert resume.opportunity_types.count() == 2
    assert resume.available_from == datetime.date(2027, 2, 1)


def test_skills_take_free_entry_and_competencies_from_the_framework(client_as, personas):
    framework = EcqFramework.objects.get(code="2006")
    ResumeFactory(executive=personas.executive, ecq_framework=framework)
    competency = Competency.objects.filter(framework=framework).first()
    client_as(personas.executive).post(
        "/executive/resume/section/skills/",
        {"skills-competencies": [competency.pk], "skills-skills": "Grants, grants, Zero trust"},
    )
    resume = _resume(personas.executive)
    assert resume.skills == ["Grants", "Zero trust"]
    assert list(resume.competencies.all()) == [competency]
    assert "Zero trust" in resume.build_search_text()


def test_competencies_of_another_framework_are_refused(client_as, personas):
    ResumeFactory(executive=personas.executive, ecq_framework=EcqFramework.objects.get(code="2006"))
    other = Competency.objects.filter(framework__code="2025").first()
    response = client_as(personas.executive).post(
        "/executive/resume/section/skills/", {"skills-competencies": [other.pk]}
    )
    assert response.status_code == 400


def test_choosing_chosen_agencies_without_any_is_an_error(client_as, personas):
    response = client_as(personas.executive).post(
        "/executive/resume/section/sharing/", {"sharing-visibility": "chosen"}
    )
    assert response.status_code == 400
    assert "Choose at least one agency" in response.content.decode()


def test_sharing_with_chosen_agencies_saves_them(client_as, personas):
    client_as(personas.executive).post(
        "/executive/resume/section/sharing/",
        {"sharing-visibility": "chosen", "sharing-visible_agencies": [personas.agency_a.pk]},
    )
    assert _resume(personas.executive).is_visible_to_agency(personas.agency_a)


def _position(**overrides):
    data = {
        "title": "Director",
        "employer": "Department of Commerce",
        "agency": Agency.objects.get(code="CM").pk,
        "series": "0340",
        "pay_plan": "ES",
        "level": "00",
        "start_date": "2019-04-01",
        "end_date": "",
        "accomplishments": "Did things.",
    }
    return {**data, **overrides}


def test_adding_a_position_saves_it(client_as, personas):
    response = client_as(personas.executive).post("/executive/resume/positions/add/", _position())
    assert response.status_code == 302
    assert _resume(personas.executive).positions.get().series == "0340"


def test_an_end_before_the_start_is_refused_and_keeps_the_input(client_as, personas):
    response = client_as(personas.executive).post(
        "/executive/resume/positions/add/", _position(end_date="2018-01-01", accomplishments="Kept text")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end date must be after the start date." in html and "Kept text" in html


def test_a_position_with_an_agency_chosen_needs_no_employer_typed(client_as, personas):
    response = client_as(personas.executive).post("/executive/resume/positions/add/", _position(employer=""))
    assert response.status_code == 302
    assert _resume(personas.executive).positions.get().employer == "Department of Commerce"


def test_a_position_needs_an_employer_or_an_agency(client_as, personas):
    response = client_as(personas.executive).post("/executive/resume/positions/add/", _position(employer="", agency=""))
    assert response.status_code == 400
    assert "Enter the agency or employer, or choose the agency from the list." in response.content.decode()
    assert not _resume(personas.executive).positions.exists()


def test_a_past_position_cannot_start_in_the_future(client_as, personas):
    future = timezone.localdate() + datetime.timedelta(days=30)
    response = client_as(personas.executive).post(
        "/executive/resume/positions/add/", _position(start_date=future.isoformat(), end_date="2020-01-01")
    )
    assert "A past position cannot start in the future." in response.content.decode()


def test_a_malformed_date_and_series_are_refused(client_as, personas):
    response = client_as(personas.executive).post(
        "/executive/resume/positions/add/", _position(start_date="2019-13-45", series="34")
    )
    html = response.content.decode()
    assert "Enter a valid date." in html and "four-digit series" in html


def test_new_positions_are_placed_newest_first(client_as, personas):
    client = client_as(personas.executive)
    client.post(
        "/executive/resume/positions/add/", _position(title="Older", start_date="2010-01-01", end_date="2015-01-01")
    )
    client.post("/executive/resume/positions/add/", _position(title="Newest", start_date="2020-01-01"))
    client.post(
        "/executive/resume/positions/add/", _position(title="Middle", start_date="2016-01-01", end_date="2019-01-01")
    )
    assert list(_resume(personas.executive).positions.values_list("title", flat=True)) == ["Newest", "Middle", "Older"]


def test_positions_can_be_moved(client_as, personas):
    resume = ResumeFactory(executive=personas.executive)
    first = PositionFactory(resume=resume, order=0, title="First")
    PositionFactory(resume=resume, order=1, title="Second")
    client_as(personas.executive).post(f"/executive/resume/positions/{first.pk}/move/", {"direction": "down"})
    assert list(resume.positions.values_list("title", flat=True)) == ["Second", "First"]


def test_an_executive_cannot_edit_another_executives_position(client_as, personas):
    other = PositionFactory(resume=ResumeFactory(executive=personas.outsider))
    client = client_as(personas.executive)
    assert client.get(f"/executive/resume/positions/{other.pk}/").status_code == 404
    assert client.post(f"/executive/resume/positions/{other.pk}/delete/").status_code == 404
    assert Position.objects.filter(pk=other.pk).exists()


def test_an_unknown_entry_kind_is_404(client_as, personas):
    assert client_as(personas.executive).get("/executive/resume/hobbies/add/").status_code == 404


def test_deleting_education_removes_it(client_as, personas):
    resume = complete_resume(personas.executive)
    school = resume.education.get()
    client_as(personas.executive).post(f"/executive/resume/education/{school.pk}/delete/")
    assert not resume.education.exists()


def test_an_ecq_statement_is_written_in_four_parts(client_as, personas):
    ecq = EcqFramework.objects.get(code="2025").ecqs.first()
    parts = {"challenge": "C1", "context": "C2", "action": "A", "result": "R"}
    client_as(personas.executive).post(f"/executive/resume/ecqs/{ecq.pk}/", parts)
    statement = EcqStatement.objects.get(resume__executive=personas.executive, ecq=ecq)
    assert (statement.challenge, statement.result) == ("C1", "R")


def test_an_ecq_statement_missing_a_part_is_refused(client_as, personas):
    ecq = EcqFramework.objects.get(code="2025").ecqs.first()
    response = client_as(personas.executive).post(f"/executive/resume/ecqs/{ecq.pk}/", {"challenge": "Only this"})
    assert response.status_code == 400 and "Only this" in response.content.decode()


def test_switching_framework_keeps_statements_of_the_other(client_as, personas):
    resume = complete_resume(personas.executive)
    count = resume.ecq_statements.count()
    old = EcqFramework.objects.get(code="2006")
    client_as(personas.executive).post("/executive/resume/section/framework/", {"framework-ecq_framework": old.pk})
    resume.refresh_from_db()
    assert resume.ecq_framework == old
    assert resume.ecq_statements.count() == count
    assert not resume.competencies.exclude(framework=old).exists()


def test_completeness_reports_what_is_missing(client_as, personas):
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    assert "Your resume is 0% complete" in html and "At least one position held" in html


def test_a_complete_resume_is_100_percent(personas):
    from soars.resumes.completeness import completeness

    assert completeness(complete_resume(personas.executive)).percent == 100


def test_the_editor_warns_when_the_pdf_runs_past_two_pages(client_as, personas):
    resume = complete_resume(personas.executive)
    for position in resume.positions.all():
        position.accomplishments = "Delivered results for the public. " * 110
        position.save()
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    assert "The federal executive format is 2 pages" in html


def test_a_complete_resume_fits_two_pages_without_warning(client_as, personas):
    complete_resume(personas.executive)
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    assert "The federal executive format is 2 pages" not in html


def test_the_pdf_download_is_an_attachment(client_as, personas):
    complete_resume(personas.executive)
    response = client_as(personas.executive).get("/executive/resume.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
