"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.models import ContactMessage, WhatsNewPost
from soars.core.testing import Page


def whats_new_with_posts(personas):
    for number in range(12):
        WhatsNewPost.objects.create(title=f"Announcement {number}", body="First paragraph.\n\nSecond paragraph.")
    return "/whats-new/"


def whats_new_page_two(personas):
    whats_new_with_posts(personas)
    return "/whats-new/?page=2"


def manage_posts_with_posts(personas):
    whats_new_with_posts(personas)
    return "/manage/whats-new/"


def a_post(personas):
    return f"/manage/whats-new/{WhatsNewPost.objects.create(title='Maintenance', body='Tonight.').pk}/edit/"


def a_post_to_delete(personas):
    return f"/manage/whats-new/{WhatsNewPost.objects.create(title='Old news', body='Gone.').pk}/delete/"


def a_message(personas):
    message = ContactMessage.objects.create(
        name="Pat Lee", email="pat@agency.gov", topic="resume", message="Hello.\n\nHow?"
    )
    return f"/manage/messages/{message.pk}/"


def a_message_with_a_reply(personas):
    path = a_message(personas)
    message = ContactMessage.objects.latest("pk")
    message.reply("Choose “Only the agencies I choose” under sharing.\n\nThe program office", by=personas.site_admin)
    return path


def messages_list(personas):
    a_message(personas)
    return "/manage/messages/?show=all"


def messages_page_two_of_a_topic(personas):
    ContactMessage.objects.bulk_create(
        ContactMessage(name=f"Person {n}", email=f"person{n}@agency.gov", topic="resume", message="Hello there.")
        for n in range(30)
    )
    return "/manage/messages/?show=all&topic=resume&page=2"


def manage_posts_page_two(personas):
    WhatsNewPost.objects.bulk_create(WhatsNewPost(title=f"Notice {n}", body="Text.") for n in range(25))
    return "/manage/whats-new/?page=2"


EMPTY_CONTACT = {"name": "", "email": "", "topic": "", "message": "", "website": ""}
EMPTY_POST = {"title": "", "body": "", "published_at": ""}


PAGES = [
    Page("/"),
    Page(whats_new_with_posts),
    Page(whats_new_page_two),
    Page("/contact/"),
    Page("/contact/thanks/"),
    Page("/about/"),
    Page("/help/"),
    Page("/links/"),
    Page("/privacy/"),
    Page("/burden/"),
    Page("/", user="executive"),
    Page(manage_posts_with_posts, user="site_admin"),
    Page("/manage/whats-new/", user="site_admin"),
    Page("/manage/whats-new/new/", user="site_admin"),
    Page(a_post, user="site_admin"),
    Page(a_post_to_delete, user="site_admin"),
    Page(messages_list, user="site_admin"),
    Page("/manage/messages/", user="site_admin"),
    Page(a_message, user="site_admin"),
    Page(messages_page_two_of_a_topic, user="site_admin"),
    Page(manage_posts_page_two, user="site_admin"),
    Page("/manage/messages/999999/", user="site_admin", status=404),
    Page("/manage/whats-new/", user="hr_a", status=403),
    # Forms with errors: sent empty, and with what a person may get wrong.
    Page("/contact/", data=EMPTY_CONTACT),
    Page("/contact/", data={**EMPTY_CONTACT, "name": "Pat", "email": "pat at agency", "message": "Help"}),
    Page("/manage/whats-new/new/", user="site_admin", data=EMPTY_POST),
    Page("/manage/whats-new/new/", user="site_admin", data={**EMPTY_POST, "published_at": "next Tuesday"}),
    Page(a_message, user="site_admin", data={"text": ""}),
    Page(a_message_with_a_reply, user="site_admin"),
]
