"""The executive directory: who is listed, who may look, what it searches and shows, and bad input."""

import pytest
from django.utils.html import escape

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency
from soars.resumes.factories import ResumeFactory, SharedResumeFactory
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def person(name, listed=True, **fields):
    return SharedResumeFactory(executive=ExecutiveFactory(full_name=name), directory_opt_in=listed, **fields)


def names(response):
    assert response.status_code == 200
    return [resume.executive.full_name for resume in response.context["page"].object_list]


def test_only_executives_who_opted_in_are_listed(client_as, personas):
    person("Ada Listed")
    person("Bo Unlisted", listed=False)
    assert names(client_as(personas.executive).get("/directory/")) == ["Ada Listed"]


def test_a_deactivated_executive_is_not_listed(client_as, personas):
    gone = person("Cy Gone")
    gone.executive.is_active = False
    gone.executive.save()
    assert names(client_as(personas.executive).get("/directory/")) == []


def test_opting_out_removes_an_executive_at_once(client_as, personas):
    ada = person("Ada Listed")
    client = client_as(personas.hr_a)
    assert names(client.get("/directory/")) == ["Ada Listed"]
    Resume.objects.filter(pk=ada.pk).update(directory_opt_in=False)
    assert names(client.get("/directory/")) == []


@pytest.mark.parametrize("persona", ["executive", "hr_a", "site_admin"])
def test_signed_in_executives_hr_staff_and_administrators_may_look(client_as, personas, persona):
    person("Ada Listed")
    assert names(client_as(getattr(personas, persona)).get("/directory/")) == ["Ada Listed"]


def test_an_anonymous_visitor_is_sent_to_sign_in_and_sees_nobody(client):
    person("Ada Listed")
    response = client.get("/directory/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert "Ada Listed" not in client.get("/directory/", follow=True).content.decode()


def test_a_listed_resume_that_is_hidden_is_listed_but_its_text_is_not_searched(client_as, personas):
    private = ResumeFactory(  # listed in the directory, resume shared with nobody
        executive=ExecutiveFactory(full_name="Pat Private"),
        directory_opt_in=True,
        summary="Led covert counterintelligence programmes.",
        current_title="Deputy Director",
    )
    assert private.visibility == Resume.Visibility.HIDDEN
    client = client_as(personas.executive)
    assert names(client.get("/directory/")) == ["Pat Private"]
    assert names(client.get("/directory/?q=counterintelligence")) == []
    html = client.get("/directory/").content.decode()
    assert "covert" not in html


def test_it_searches_name_title_and_expertise_with_every_word(client_as, personas):
    person(
        "Ada Garcia", headline="Finance leader", current_title="Chief Financial Officer", skills=["audit remediation"]
    )
    person(
        "Bo Chen", headline="Technology leader", current_title="Chief Information Officer", skills=["cloud migration"]
    )
    client = client_as(personas.executive)
    assert names(client.get("/directory/?q=garcia")) == ["Ada Garcia"]
    assert names(client.get("/directory/?q=information+officer")) == ["Bo Chen"]
    assert names(client.get("/directory/?q=cloud")) == ["Bo Chen"]
    assert names(client.get("/directory/?q=chief+cloud")) == ["Bo Chen"]
    assert names(client.get("/directory/?q=chief")) == ["Ada Garcia", "Bo Chen"]


def test_the_agency_filter_includes_its_sub_elements(client_as, personas):
    department = Agency.objects.get(code="AG")
    sub = Agency.objects.filter(parent=department).first()
    person("Ada Department", current_agency=department)
    person("Bo Bureau", current_agency=sub)
    person("Cy Elsewhere", current_agency=Agency.objects.get(code="CM"))
    response = client_as(personas.executive).get(f"/directory/?agency={department.pk}")
    assert names(response) == ["Ada Department", "Bo Bureau"]


def test_it_sorts_by_agency_when_asked(client_as, personas):
    person("Ada Zed", current_agency=Agency.objects.get(code="CM"))
    person("Zoe Ant", current_agency=Agency.objects.get(code="AG"))
    client = client_as(personas.executive)
    assert names(client.get("/directory/")) == ["Ada Zed", "Zoe Ant"]
    assert names(client.get("/directory/?sort=agency"))[0] == "Zoe Ant"


def test_each_listing_shows_only_the_contact_details_chosen(client_as, personas):
    ada = person("Ada Email", directory_phone="202-555-0143")
    bo = person("Bo Quiet", directory_show_email=False)
    html = client_as(personas.executive).get("/directory/").content.decode()
    assert ada.executive.email in html and "202-555-0143" in html
    assert bo.executive.email not in html
    assert "No contact details listed." in html


def test_it_is_paginated(client_as, personas):
    for index in range(30):
        person(f"Person {index:02d}")
    client = client_as(personas.executive)
    assert len(names(client.get("/directory/"))) == 25
    assert len(names(client.get("/directory/?page=2"))) == 5
    assert len(names(client.get("/directory/?page=nonsense"))) == 25


def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client_as, personas):
    person("Ada Listed")
    words = " ".join(["word"] * 12)
    response = client_as(personas.executive).get("/directory/", {"q": words, "agency": "999999", "sort": "x"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Use at most 10 words." in html
    assert "Select a valid choice" in html
    assert f'value="{words}"' in html
    assert names(response) == []


def test_hostile_search_text_is_shown_as_text(client_as, personas):
    response = client_as(personas.executive).get("/directory/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_sharing_form_saves_the_directory_contact_details(client_as, personas):
    resume = ResumeFactory(executive=personas.executive)
    response = client_as(personas.executive).post(
        "/executive/resume/section/sharing/",
        {
            "sharing-visibility": "hidden",
            "sharing-directory_opt_in": "on",
            "sharing-directory_phone": " (202)  555-0143 x12 ",
        },
    )
    assert response.status_code == 302
    resume.refresh_from_db()
    assert (resume.directory_opt_in, resume.directory_show_email, resume.directory_phone) == (
        True,
        False,
        "(202) 555-0143 x12",
    )


@pytest.mark.parametrize("phone", ["call me maybe", "xxxxxxx", "12345", "<b>202-555-0143</b>"])
def test_the_sharing_form_refuses_a_phone_that_is_not_a_number_and_keeps_it(client_as, personas, phone):
    resume = ResumeFactory(executive=personas.executive)
    response = client_as(personas.executive).post(
        "/executive/resume/section/sharing/",
        {"sharing-visibility": "hidden", "sharing-directory_opt_in": "on", "sharing-directory_phone": phone},
    )
    html = response.content.decode()
    assert "Enter a phone number using digits" in html
    assert f'value="{escape(phone)}"' in html
    resume.refresh_from_db()
    assert (resume.directory_opt_in, resume.directory_phone) == (False, "")
