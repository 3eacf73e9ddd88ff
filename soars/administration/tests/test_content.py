import pytest
from django.urls import reverse

from soars.audit.models import AuditEvent
from soars.core.models import ContactMessage, WhatsNewPost

pytestmark = pytest.mark.django_db


def test_a_site_admin_publishes_a_post_that_appears_on_whats_new(client_as, personas, client):
    admin = client_as(personas.site_admin)
    response = admin.post(
        reverse("administration:whats_new_new"),
        {"title": "New rotation program", "body": "Apply now.", "published_at": "2026-01-02 09:00"},
    )
    assert response.status_code == 302
    post = WhatsNewPost.objects.get()
    assert post.created_by == personas.site_admin
    assert AuditEvent.objects.filter(action="whats_new.saved", actor=personas.site_admin).count() == 1
    admin.logout()
    assert "New rotation program" in client.get(reverse("core:whats_new")).content.decode()


def test_a_bad_date_keeps_the_title_and_body(client_as, personas):
    response = client_as(personas.site_admin).post(
        reverse("administration:whats_new_new"), {"title": "Kept title", "body": "Kept body", "published_at": "soon"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Kept title"' in html and "Kept body" in html
    assert 'id="id_published_at_error"' in html
    assert WhatsNewPost.objects.count() == 0


def test_deleting_a_post_asks_first(client_as, personas):
    post = WhatsNewPost.objects.create(title="Old", body="x")
    admin = client_as(personas.site_admin)
    url = reverse("administration:whats_new_delete", args=[post.pk])
    assert "cannot be undone" in admin.get(url).content.decode()
    assert WhatsNewPost.objects.filter(pk=post.pk).exists()
    admin.post(url)
    assert not WhatsNewPost.objects.filter(pk=post.pk).exists()


def test_admins_read_messages_and_mark_them_read(client_as, personas):
    message = ContactMessage.objects.create(name="Pat", email="pat@agency.gov", topic="other", message="<b>hi</b>")
    admin = client_as(personas.site_admin)
    html = admin.get(reverse("administration:message", args=[message.pk])).content.decode()
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    admin.post(reverse("administration:message_mark", args=[message.pk]), {"read": "1"})
    message.refresh_from_db()
    assert message.is_read
    assert "Pat" not in admin.get(reverse("administration:messages")).content.decode().split("<table")[-1]


@pytest.mark.parametrize("who", ["executive", "hr_a", "agency_admin"])
def test_only_site_admins_reach_messages(client_as, personas, who):
    message = ContactMessage.objects.create(name="Pat", email="pat@agency.gov", topic="other", message="secret")
    response = client_as(personas.by_name(who)).get(reverse("administration:message", args=[message.pk]))
    assert response.status_code == 403
    assert "secret" not in response.content.decode()
