"""Managing saved searches: list, change, delete; nobody reaches another user's searches."""

import pytest

from soars.audit.models import AuditEvent
from soars.resumes.factories import SharedResumeFactory
from soars.saved_searches.alerts import create
from soars.saved_searches.models import SavedSearch

pytestmark = pytest.mark.django_db


def _resume_search(personas, **kwargs):
    values = {"params": "q=cloud", "name": "Cloud leaders", "frequency": "weekly", **kwargs}
    return create(personas.hr_a, "resume", values["params"], values["name"], values["frequency"])


def test_an_empty_list_says_how_to_save_a_search(client_as, personas):
    html = client_as(personas.hr_a).get("/hr/searches/").content.decode()
    assert "You have no saved searches yet" in html and 'href="/hr/resumes/"' in html
    html = client_as(personas.executive).get("/executive/searches/").content.decode()
    assert "You have no saved searches yet" in html and 'href="/opportunities/"' in html


def test_the_list_shows_each_search_with_a_link_to_run_it_and_its_count_now(client_as, personas):
    SharedResumeFactory(headline="Chief Cloud Officer")
    SharedResumeFactory(headline="Cloud architect", visibility="hidden")
    saved = _resume_search(personas, params="q=cloud&remote=on")
    html = client_as(personas.hr_a).get("/hr/searches/").content.decode()
    assert "Cloud leaders" in html and "Weekly" in html and "None yet" in html
    assert 'href="/hr/resumes/?q=cloud&amp;remote=on"' in html
    assert f'href="/hr/searches/{saved.pk}/"' in html
    assert '<td data-label="Results now">0</td>' in html  # remote filter: the shared resume states no telework
    saved.params = "q=cloud"
    saved.save()
    html = client_as(personas.hr_a).get("/hr/searches/").content.decode()
    assert '<td data-label="Results now">1</td>' in html  # the hidden resume is not counted


def test_the_options_pages_link_to_saved_searches(client_as, personas):
    assert 'href="/hr/searches/"' in client_as(personas.hr_a).get("/hr/").content.decode()
    assert 'href="/executive/searches/"' in client_as(personas.executive).get("/executive/").content.decode()


def test_changing_name_and_frequency(client_as, personas):
    saved = _resume_search(personas)
    client = client_as(personas.hr_a)
    response = client.post(f"/hr/searches/{saved.pk}/", {"name": "Renamed", "frequency": "none"})
    assert response.status_code == 302
    saved.refresh_from_db()
    assert (saved.name, saved.frequency, saved.next_due_at) == ("Renamed", "none", None)
    client.post(f"/hr/searches/{saved.pk}/", {"name": "Renamed", "frequency": "daily"})
    saved.refresh_from_db()
    assert saved.next_due_at is not None
    assert AuditEvent.objects.filter(action="saved_search.changed").count() == 2


def test_a_bad_change_is_refused_and_keeps_what_was_typed(client_as, personas):
    saved = _resume_search(personas)
    response = client_as(personas.hr_a).post(f"/hr/searches/{saved.pk}/", {"name": "  ", "frequency": "yearly"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a name" in html or "This field is required" in html
    assert "Select a valid choice" in html
    response = client_as(personas.hr_a).post(f"/hr/searches/{saved.pk}/", {"name": "Typed", "frequency": "yearly"})
    html = response.content.decode()
    assert 'value="Typed"' in html and "<h1>Change “Cloud leaders”</h1>" in html
    saved.refresh_from_db()
    assert saved.name == "Cloud leaders"


def test_deleting_asks_first_then_deletes_and_audits(client_as, personas):
    saved = _resume_search(personas)
    client = client_as(personas.hr_a)
    html = client.get(f"/hr/searches/{saved.pk}/delete/").content.decode()
    assert "Delete “Cloud leaders”?" in html
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
    assert client.post(f"/hr/searches/{saved.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert AuditEvent.objects.filter(action="saved_search.deleted", object_id=str(saved.pk)).exists()


def test_another_users_search_is_not_found(client_as, personas):
    saved = _resume_search(personas)
    client = client_as(personas.hr_b)
    for path in (f"/hr/searches/{saved.pk}/", f"/hr/searches/{saved.pk}/delete/"):
        assert client.get(path).status_code == 404
        assert client.post(path, {"name": "Stolen", "frequency": "daily"}).status_code == 404
    assert "Cloud leaders" not in client.get("/hr/searches/").content.decode()
    saved.refresh_from_db()
    assert saved.name == "Cloud leaders"


def test_a_search_of_the_other_kind_is_not_found_either(client_as, personas):
    mine = create(personas.executive, "opportunity", "q=budget", "Budget", "weekly")
    # Reached through the HR pages by a user who holds no such search: 404; by the executive: 403 (role).
    assert client_as(personas.hr_a).get(f"/hr/searches/{mine.pk}/").status_code == 404
    assert client_as(personas.executive).get(f"/hr/searches/{mine.pk}/").status_code == 403


@pytest.mark.parametrize(
    "user, path",
    [
        ("executive", "/hr/searches/"),
        ("executive", "/hr/searches/save/"),
        ("hr_a", "/executive/searches/"),
        ("hr_a", "/executive/searches/save/"),
        ("site_admin", "/hr/searches/"),
        ("site_admin", "/executive/searches/"),
    ],
)
def test_each_role_keeps_to_its_own_pages(client_as, personas, user, path):
    assert client_as(personas.by_name(user)).get(path).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/executive/searches/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
