"""Search is tested over What's New posts and agencies, standing in for resumes and opportunities."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import Agency, WhatsNewPost
from soars.search import registry
from soars.search.engine import index_object
from soars.search.registry import Document


def post_document(post: WhatsNewPost) -> Document:
    return Document(title=post.title, body=post.body)


def agency_document(agency: Agency) -> Document:
    return Document(title=agency.name, names=f"{agency.name} {agency.abbreviation}")


@pytest.fixture(autouse=True)
def searchable_kinds():
    registry.register("post", WhatsNewPost, post_document)
    registry.register("agency", "core.Agency", agency_document)
    yield
    registry.unregister("post")
    registry.unregister("agency")


@pytest.fixture
def make_post(db):
    """make_post(title, body, hidden=False) -> an indexed post; hidden posts are not yet published."""

    def make(title: str, body: str = "", *, hidden: bool = False) -> WhatsNewPost:
        when = timezone.now() + (timedelta(days=3) if hidden else -timedelta(days=1))
        post = WhatsNewPost.objects.create(title=title, body=body, published_at=when)
        index_object(post)
        return post

    return make


@pytest.fixture
def wildfire_posts(make_post):
    """Two posts say wildfire in their title, five only in the body (some of them often)."""
    return {
        "title_and_body": make_post("Wildfire season outlook", "wildfire crews and wildfire aviation").pk,
        "title": make_post("Wildfire budget", "money for the season").pk,
        "body_often": make_post("Field notes", "wildfire wildfire wildfire smoke and wildfire lines").pk,
        "body_once": make_post("Staffing", "one wildfire detail").pk,
        "body_twice": make_post("Aviation", "wildfire tankers for the wildfire season").pk,
        "body_long": make_post("Report", "wildfire " + "words of a long report " * 40).pk,
        "newest": make_post("Latest", "a wildfire mention").pk,
    }
