"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.models import WhatsNewPost
from soars.core.testing import Page


def whats_new_with_posts(personas):
    for number in range(12):
        WhatsNewPost.objects.create(title=f"Announcement {number}", body="First paragraph.\n\nSecond paragraph.")
    return "/whats-new/"


def whats_new_page_two(personas):
    whats_new_with_posts(personas)
    return "/whats-new/?page=2"


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
]
