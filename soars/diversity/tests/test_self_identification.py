"""Voluntary self-identification: the executive answers, changes or removes; nobody else sees it, and
it never reaches the resume, search or matching."""

import pytest

from soars.diversity.models import SelfIdentification
from soars.matching.records import candidate_profile
from soars.resumes.factories import SharedResumeFactory
from soars.resumes.jsonresume import export_resume
from soars.resumes.models import Resume
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db
PAGE = "/executive/self-identification/"


def test_an_executive_answers_and_reads_back_their_answers(client_as, personas):
    client = client_as(personas.executive)
    response = client.post(
        PAGE,
        {"ethnicity": "not_hispanic", "races": ["white", "asian"], "sex": "female", "disability": "declined"},
    )
    assert response.status_code == 302
    mine = SelfIdentification.objects.get(person=personas.executive)
    assert (mine.ethnicity, mine.races, mine.sex, mine.disability, mine.veteran) == (
        "not_hispanic",
        ["asian", "white"],
        "female",
        "declined",
        "",
    )
    html = client.get(PAGE).content.decode()
    assert 'value="asian" checked' in html.replace('"  ', '" ') or 'value="asian"\n' not in html
    assert "Remove all my answers" in html


def test_every_question_may_be_left_unanswered(client_as, personas):
    assert client_as(personas.executive).post(PAGE, {}).status_code == 302
    mine = SelfIdentification.objects.get(person=personas.executive)
    assert (mine.ethnicity, mine.races, mine.sex) == ("", [], "")


def test_every_question_offers_i_choose_not_to_answer(client_as, personas):
    html = client_as(personas.executive).get(PAGE).content.decode()
    assert html.count(">I choose not to answer</label>") == 5
    assert "Answering is voluntary" in html and "has no effect on anything" in html


def test_a_race_and_i_choose_not_to_answer_together_are_refused_and_the_form_keeps_the_rest(client_as, personas):
    response = client_as(personas.executive).post(PAGE, {"races": ["asian", "declined"], "sex": "male"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one or more races, or “I choose not to answer”, not both." in html
    assert 'value="male" checked' in html.replace("\n", " ").replace("  ", " ") or "checked" in html
    assert not SelfIdentification.objects.exists()


@pytest.mark.parametrize("bad", [{"sex": "robot"}, {"races": ["martian"]}, {"ethnicity": "<script>"}])
def test_values_not_offered_are_refused(client_as, personas, bad):
    response = client_as(personas.executive).post(PAGE, bad)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not SelfIdentification.objects.exists()


def test_removing_asks_first_then_removes_everything(client_as, personas):
    SelfIdentification.objects.create(person=personas.executive, sex="female")
    client = client_as(personas.executive)
    assert "Remove your answers?" in client.get(PAGE + "remove/").content.decode()
    assert SelfIdentification.objects.exists()
    assert client.post(PAGE + "remove/").status_code == 302
    assert not SelfIdentification.objects.exists()


@pytest.mark.parametrize("persona", ["hr_a", "agency_admin", "site_admin"])
def test_only_executives_reach_the_page(client_as, personas, persona):
    assert client_as(getattr(personas, persona)).get(PAGE).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_answers_never_reach_the_resume_its_search_document_its_export_or_matching(client_as, personas):
    resume = SharedResumeFactory(executive=personas.executive)
    client_as(personas.executive).post(PAGE, {"ethnicity": "hispanic", "sex": "female", "veteran": "yes"})
    resume = Resume.objects.get(pk=resume.pk)
    resume.save()  # rebuilds its search document
    document = SearchDocument.objects.get(kind="resume", object_id=resume.pk)
    text = " ".join([document.title, document.names, document.body, str(export_resume(resume))]).lower()
    assert "hispanic" not in text and "veteran" not in text and "female" not in text
    profile = candidate_profile(resume)
    assert "hispanic" not in repr(profile).lower()
    html = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/").content.decode().lower()
    assert "hispanic" not in html and "self-identification" not in html
