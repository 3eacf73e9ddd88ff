import pytest
from django.urls import reverse

PUBLIC_PAGES = [
    "core:home",
    "core:whats_new",
    "core:contact",
    "core:about",
    "core:help",
    "core:links",
    "core:privacy",
    "core:burden",
    "accounts:login",
    "accounts:request_access",
]
MENU = ["Main Page", "What’s New", "Request Access", "Contact Us", "About This Site", "Help", "Links"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_each_public_page_answers_and_shows_the_menu(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    for label in MENU:
        assert f"<span>{label}</span>" in html
    assert "Log in" in html
    assert "An official website of the United States government" in html
    assert 'href="#main-content"' in html
    assert reverse("core:privacy") in html and reverse("core:burden") in html


def test_the_menu_offers_a_post_logout_to_signed_in_users(client_as, personas):
    html = client_as(personas.executive).get(reverse("core:home")).content.decode()
    assert f'<form method="post" action="{reverse("accounts:logout")}"' in html
    assert "Log out" in html


def test_logout_by_get_is_refused(client_as, personas):
    client = client_as(personas.executive)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("accounts:executive_home")).status_code == 200


def test_logout_by_post_ends_the_session(client_as, personas):
    client = client_as(personas.executive)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:executive_home")).status_code == 302


def test_help_has_an_anchor_for_each_topic(client):
    html = client.get(reverse("core:help")).content.decode()
    for anchor in ["features", "request-access", "logging-in", "logging-out", "getting-help"]:
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html


def test_burden_statement_says_pending_without_an_omb_number(client, settings):
    settings.OMB_CONTROL_NUMBER = ""
    html = client.get(reverse("core:burden")).content.decode()
    assert "pending" in html


def test_burden_statement_shows_the_configured_omb_number(client, settings):
    settings.OMB_CONTROL_NUMBER = "3206-9999"
    html = client.get(reverse("core:burden")).content.decode()
    assert "3206-9999" in html


def test_privacy_page_carries_the_privacy_act_statement(client):
    html = client.get(reverse("core:privacy")).content.decode()
    assert 'id="privacy-act-statement"' in html
    assert "Routine uses" in html or "routine uses" in html


def test_an_unknown_page_looks_like_the_site_and_leaks_nothing(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We can’t find that page" in html
    assert "Traceback" not in html and "urlpatterns" not in html.lower()


def test_a_refused_page_looks_like_the_site_and_leaks_nothing(client_as, personas):
    response = client_as(personas.executive).get(reverse("administration:home"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You can’t open this page" in html
    assert "declares" not in html and "role does not allow" not in html


def test_the_server_error_page_looks_like_the_site(rf):
    from soars.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "An official website of the United States government" in html


def test_an_unexpected_error_shows_the_friendly_page(client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr("soars.core.views.render", explode)
    client.raise_request_exception = False
    response = client.get(reverse("core:home"))
    assert response.status_code == 500
    assert "hunter2" not in response.content.decode()
    assert "Something went wrong" in response.content.decode()
