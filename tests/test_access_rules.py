"""Deny by default: every view declares a rule, and protected ones hold from the outside."""

import pytest
from django.conf import settings

from soars.core.access import Rule, rule_for
from tests.urlwalk import walk

pytestmark = pytest.mark.django_db

ROUTES = [r for r in walk() if not r.path.startswith("/" + settings.ADMIN_PATH)]
PROTECTED = [r for r in ROUTES if not rule_for(r.callback).public]


def test_every_view_of_ours_declares_an_access_rule():
    undeclared = [r.name for r in ROUTES if not isinstance(rule_for(r.callback), Rule)]
    assert undeclared == []


def test_there_are_protected_pages_to_check():
    assert len(PROTECTED) >= 3


@pytest.mark.parametrize("route", PROTECTED, ids=lambda r: r.name)
def test_anonymous_visitors_are_sent_to_login(client, route):
    for method in (client.get, client.post):
        response = method(route.path)
        assert response.status_code == 302, route.path
        assert response["Location"].startswith("/login/?next="), route.path


@pytest.mark.parametrize("route", PROTECTED, ids=lambda r: r.name)
def test_signed_in_users_without_the_role_are_refused(client, personas, route):
    rule = rule_for(route.callback)
    for name in personas.NAMES:
        user = personas.by_name(name)
        if rule.allows(user):
            continue
        client.force_login(user)
        response = client.get(route.path)
        assert response.status_code == 403, f"{name} reached {route.path}"
        client.logout()


def test_a_view_without_a_rule_is_closed(rf):
    from django.core.exceptions import PermissionDenied

    from soars.core.access import AccessMiddleware

    def forgotten(request):
        raise AssertionError("must not run")

    forgotten.__module__ = "soars.somewhere"
    request = rf.get("/x/")
    with pytest.raises(PermissionDenied):
        AccessMiddleware(lambda r: None).process_view(request, forgotten, (), {})


def test_the_admin_site_is_not_at_the_default_path():
    assert settings.ADMIN_PATH != "admin/"


def test_a_deactivated_user_holds_no_role(personas):
    personas.hr_a.is_active = False
    assert not personas.hr_a.has_role("hr")
