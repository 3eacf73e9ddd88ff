"""Saving a search from /hr/resumes/ and /opportunities/: what is kept, and bad or forged input."""

import pytest

from soars.audit.models import AuditEvent
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import SharedResumeFactory
from soars.saved_searches.models import MAX_PER_USER, SavedSearch, SavedSearchSeen

pytestmark = pytest.mark.django_db

HR_SAVE = "/hr/searches/save/"
EXEC_SAVE = "/executive/searches/save/"


def test_the_resume_search_page_offers_to_save_only_a_real_search(client_as, personas):
    client = client_as(personas.hr_a)
    assert "Save this search" not in client.get("/hr/resumes/").content.decode()
    assert "Save this search" not in client.get("/hr/resumes/?sort=updated").content.decode()
    html = client.get("/hr/resumes/?q=cloud&page=2").content.decode()
    assert "Save this search" in html
    assert 'name="params" value="q=cloud"' in html  # the page number is not part of the search


def test_the_opportunity_page_offers_saving_to_executives_only(client_as, personas):
    html = client_as(personas.executive).get("/opportunities/?q=budget").content.decode()
    assert "Save this search" in html and 'action="/executive/searches/save/"' in html
    assert "Save this search" not in client_as(personas.executive).get("/opportunities/").content.decode()
    assert "Save this search" not in client_as(personas.hr_a).get("/opportunities/?q=budget").content.decode()


def test_hr_saves_a_resume_search_and_what_it_finds_today_is_already_seen(client_as, personas):
    shown = SharedResumeFactory(headline="Chief Cloud Officer")
    response = client_as(personas.hr_a).post(
        HR_SAVE, {"params": "page=3&q=cloud&clearance=&junk=1&sort=updated", "name": "", "frequency": "daily"}
    )
    assert response.status_code == 302 and response["Location"] == "/hr/searches/"
    saved = SavedSearch.objects.get()
    assert (saved.owner, saved.kind, saved.frequency) == (personas.hr_a, "resume", "daily")
    assert saved.params == "q=cloud&sort=updated"
    assert saved.name == "Words: cloud"  # named after what it looks for
    assert saved.next_due_at is not None
    assert list(SavedSearchSeen.objects.values_list("object_id", flat=True)) == [shown.pk]
    assert AuditEvent.objects.filter(action="saved_search.saved", object_id=str(saved.pk)).exists()


def test_an_executive_saves_an_opportunity_search(client_as, personas):
    OpenOpportunityFactory(title="Budget Director")
    response = client_as(personas.executive).post(
        EXEC_SAVE, {"params": "q=budget&type=detail&remote=on", "name": "Budget details", "frequency": "weekly"}
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get()
    assert (saved.kind, saved.name, saved.params) == ("opportunity", "Budget details", "q=budget&type=detail&remote=on")
    assert SavedSearchSeen.objects.count() == 0  # the detail filter finds nothing today


def test_forged_owner_and_kind_fields_are_ignored(client_as, personas):
    client_as(personas.executive).post(
        EXEC_SAVE,
        {"params": "q=budget", "name": "Mine", "frequency": "weekly", "owner": personas.outsider.pk, "kind": "resume"},
    )
    saved = SavedSearch.objects.get()
    assert (saved.owner, saved.kind) == (personas.executive, "opportunity")


@pytest.mark.parametrize(
    "params, problem",
    [
        ("", "There is no search to save"),
        ("%%%&&&=zzz&nothing=here", "There is no search to save"),
        ("sort=updated&page=4", "There is no search to save"),
        ("available_by=not-a-date", "There is no search to save"),
        ("q=" + "x" * 5000, "too long to save"),
    ],
)
def test_garbage_or_empty_searches_are_refused_with_a_clear_message(client_as, personas, params, problem):
    response = client_as(personas.hr_a).post(HR_SAVE, {"params": params, "name": "Typed name", "frequency": "daily"})
    assert response.status_code == 400
    html = response.content.decode()
    assert problem in html
    assert 'value="Typed name"' in html  # what was typed is kept
    assert SavedSearch.objects.count() == 0


def test_an_invalid_frequency_or_long_name_is_refused_and_typing_is_kept(client_as, personas):
    client = client_as(personas.hr_a)
    response = client.post(HR_SAVE, {"params": "q=cloud", "name": "Cloud people", "frequency": "hourly"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html and 'value="Cloud people"' in html and 'value="q=cloud"' in html
    response = client.post(HR_SAVE, {"params": "q=cloud", "name": "n" * 101, "frequency": "daily"})
    assert response.status_code == 400
    assert SavedSearch.objects.count() == 0


def test_a_hostile_name_is_stored_as_text_and_escaped(client_as, personas):
    name = '<script>alert("x")</script>\r\nBcc: evil@example.com'
    client = client_as(personas.hr_a)
    assert client.post(HR_SAVE, {"params": "q=cloud", "name": name, "frequency": "daily"}).status_code == 302
    saved = SavedSearch.objects.get()
    assert "\n" not in saved.name  # line breaks are folded into spaces
    html = client.get("/hr/searches/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_the_same_search_is_not_saved_twice(client_as, personas):
    client = client_as(personas.hr_a)
    client.post(HR_SAVE, {"params": "q=cloud&remote=on", "name": "First", "frequency": "daily"})
    response = client.post(HR_SAVE, {"params": "remote=on&q=cloud&page=2", "name": "Again", "frequency": "daily"})
    assert response.status_code == 400
    assert "already saved this search as “First”" in response.content.decode()


def test_each_user_may_keep_a_limited_number(client_as, personas):
    for number in range(MAX_PER_USER):
        SavedSearch.objects.create(owner=personas.hr_a, kind="resume", name=f"S{number}", params=f"q=w{number}")
    response = client_as(personas.hr_a).post(HR_SAVE, {"params": "q=cloud", "name": "One more", "frequency": "daily"})
    assert response.status_code == 400
    assert f"You already have {MAX_PER_USER} saved searches" in response.content.decode()
    assert SavedSearch.objects.count() == MAX_PER_USER


def test_the_save_page_shows_the_search_from_its_query_string(client_as, personas):
    html = client_as(personas.hr_a).get(HR_SAVE + "?q=cloud&remote=on").content.decode()
    assert "Words: cloud" in html and 'value="q=cloud&amp;remote=on"' in html
