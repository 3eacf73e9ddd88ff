"""The unsubscribe link in every alert: signed, no login needed, one-click (RFC 8058), never a 500."""

import re
from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from soars.audit.models import AuditEvent
from soars.resumes.factories import SharedResumeFactory
from soars.saved_searches import alerts
from soars.saved_searches.tokens import SALT, read_token, unsubscribe_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(personas):
    return alerts.create(personas.hr_a, "resume", "q=zeppelin", "Zeppelin people", "daily")


def _url(token):
    return f"/searches/unsubscribe/{token}/"


def test_the_page_shows_what_will_stop_and_the_button_stops_it(client, saved):
    url = _url(unsubscribe_token(saved))
    html = client.get(url).content.decode()
    assert "Zeppelin people" in html and "Stop these emails" in html
    saved.refresh_from_db()
    assert saved.frequency == "daily"  # looking is not unsubscribing
    response = client.post(url)
    assert response.status_code == 200 and "Emails stopped" in response.content.decode()
    saved.refresh_from_db()
    assert (saved.frequency, saved.next_due_at) == ("none", None)
    assert AuditEvent.objects.filter(action="saved_search.unsubscribed", actor=saved.owner).count() == 1
    assert client.post(url).status_code == 200  # again: still fine, nothing more recorded
    assert AuditEvent.objects.filter(action="saved_search.unsubscribed").count() == 1


def test_one_click_unsubscribe_from_a_mail_program_needs_no_session_or_csrf_token(saved):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_url(unsubscribe_token(saved)), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    saved.refresh_from_db()
    assert saved.frequency == "none"


@pytest.mark.parametrize("mangle", ["tampered", "garbled", "other_search", "wrong_salt", "not_a_dict"])
def test_bad_tokens_get_a_clear_page_not_an_error(client, personas, saved, mangle):
    other = alerts.create(personas.hr_b, "resume", "q=cloud", "Someone else's", "daily")
    good = unsubscribe_token(saved)
    token = {
        "tampered": good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        "garbled": "%%%not-a-token",
        # Swap in another search's id while keeping the signature: the signature no longer fits.
        "other_search": signing.dumps({"s": other.pk, "o": saved.owner_id}, salt=SALT).split(":")[0]
        + ":"
        + good.split(":", 1)[1],
        "wrong_salt": signing.dumps({"s": saved.pk, "o": saved.owner_id}, salt="something else"),
        "not_a_dict": signing.dumps([saved.pk], salt=SALT),
    }[mangle]
    for method in (client.get, client.post):
        response = method(_url(token))
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    saved.refresh_from_db()
    other.refresh_from_db()
    assert saved.frequency == other.frequency == "daily"


def test_a_token_for_a_deleted_search_says_so(client, saved):
    token = unsubscribe_token(saved)
    saved.delete()
    response = client.get(_url(token))
    assert response.status_code == 404 and "no longer exists" in response.content.decode()


def test_a_token_names_its_owner_too(saved, personas):
    forged = signing.dumps({"s": saved.pk, "o": personas.hr_b.pk}, salt=SALT)
    assert read_token(forged) == (saved.pk, personas.hr_b.pk)  # well signed (by us) but...
    from django.test import Client

    assert Client().post(_url(forged)).status_code == 404  # ...the search is not that user's


def test_the_alert_email_carries_the_link_and_the_one_click_headers(
    saved, django_capture_on_commit_callbacks, mailoutbox
):
    from soars.core.testing import run_tasks

    SharedResumeFactory(headline="Zeppelin pilot")
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts.send_due(timezone.now() + timedelta(days=1)) == 1
    run_tasks()
    [message] = mailoutbox
    # The token carries the second it was signed, so the link is read back, not rebuilt.
    prefix = alerts.unsubscribe_url(saved).rsplit("/", 2)[0] + "/"
    [link] = re.findall(re.escape(prefix) + r"[^/\s]+/", message.body)
    assert read_token(link.removeprefix(prefix).rstrip("/")) == (saved.pk, saved.owner_id)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
