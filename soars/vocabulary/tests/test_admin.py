"""Site administrators edit the vocabulary in the admin, and their edits take effect at once."""

import pytest
from django.urls import reverse

from soars import vocabulary
from soars.vocabulary.models import Term

pytestmark = pytest.mark.django_db

PAGES = [
    "admin:vocabulary_domain_changelist",
    "admin:vocabulary_term_changelist",
    "admin:vocabulary_seriesfamily_changelist",
    "admin:vocabulary_occupationalseries_changelist",
]


@pytest.fixture
def site_admin(personas):
    """A site administrator as the demo data and createsuperuser make them: with every model permission."""
    personas.site_admin.is_superuser = True
    personas.site_admin.save()
    return personas.site_admin


@pytest.fixture(autouse=True)
def _fresh_index():
    vocabulary.invalidate()
    yield
    vocabulary.invalidate()  # the test's edits are rolled back: no index may keep them


@pytest.mark.parametrize("page", PAGES)
def test_a_verified_site_administrator_reaches_the_vocabulary_pages(client_as, site_admin, page):
    assert client_as(site_admin).get(reverse(page)).status_code == 200


def test_a_site_administrator_reaches_a_terms_edit_page(client_as, site_admin):
    term = Term.objects.get(name="threat hunting")
    response = client_as(site_admin).get(reverse("admin:vocabulary_term_change", args=[term.pk]))
    assert response.status_code == 200
    assert "cyber threat hunting" in response.content.decode()


@pytest.mark.parametrize("name", ["executive", "hr_a", "agency_admin", "outsider"])
@pytest.mark.parametrize("page", PAGES)
def test_it_refuses_the_vocabulary_pages_to_everyone_else(client_as, personas, name, page):
    response = client_as(personas.by_name(name)).get(reverse(page), follow=True)
    assert response.status_code == 403


def test_it_sends_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("admin:vocabulary_term_changelist"), follow=True)
    assert response.redirect_chain[-1][0].startswith("/login/")


def test_a_site_administrator_without_the_second_factor_is_not_let_in(client, site_admin):
    client.force_login(site_admin, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("admin:vocabulary_term_changelist"), follow=True)
    assert not response.redirect_chain[-1][0].startswith(reverse("admin:index"))  # sent to the code step
    assert "threat hunting" not in response.content.decode()


def test_an_administrators_edit_to_a_term_takes_effect_at_once(client_as, site_admin):
    term = Term.objects.get(name="threat hunting")
    assert vocabulary.concepts("adversary pursuit") == frozenset()  # builds and keeps the index
    response = client_as(site_admin).post(
        reverse("admin:vocabulary_term_change", args=[term.pk]),
        {
            "domain": term.domain_id,
            "name": term.name,
            "synonyms": term.synonyms + "\nadversary pursuit",
            "related": list(term.related.values_list("pk", flat=True)),
            "_save": "Save",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert vocabulary.concepts("Adversary Pursuit") == {term.pk}
    assert "adversary pursuit" in vocabulary.expand("threat hunting")


def test_an_edit_in_another_process_reaches_this_one_through_the_cache(monkeypatch):
    from soars.vocabulary import index

    before = vocabulary.current()
    Term.objects.filter(name="threat hunting").update(synonyms="adversary pursuit")  # no signal: another process
    monkeypatch.setattr(index._table, "value", before)
    from django.core.cache import cache

    cache.set(index._table.key, "bumped by another process")
    monkeypatch.setattr(index._table, "checked_at", 0.0)
    assert vocabulary.concepts("adversary pursuit") == {Term.objects.get(name="threat hunting").pk}
