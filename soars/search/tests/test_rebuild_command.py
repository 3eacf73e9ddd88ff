"""rebuild_search_index: every registered kind's documents, from scratch."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from soars.core.models import Agency, WhatsNewPost
from soars.search.engine import search
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def rebuild(*kinds: str) -> str:
    out = StringIO()
    call_command("rebuild_search_index", *kinds, "--no-progress", stdout=out)
    return out.getvalue()


def test_it_indexes_every_record_of_every_registered_kind():
    WhatsNewPost.objects.create(title="Wildfire", body="response")
    output = rebuild()
    assert SearchDocument.objects.filter(kind="post").count() == 1
    assert SearchDocument.objects.filter(kind="agency").count() == Agency.objects.count()
    assert "post: 1 documents indexed" in output


def test_rebuilt_documents_are_searchable():
    WhatsNewPost.objects.create(title="Wildfire", body="response")
    rebuild("post")
    assert search(WhatsNewPost.objects.all(), "wildfire", kind="post").count() == 1


def test_it_drops_documents_of_records_that_are_gone():
    SearchDocument.objects.create(kind="post", object_id=999_999, title="Stale", body="wildfire")
    rebuild("post")
    assert not SearchDocument.objects.filter(kind="post", object_id=999_999).exists()
    assert search(WhatsNewPost.objects.all(), "wildfire", kind="post").count() == 0


def test_it_rebuilds_only_the_kinds_named():
    rebuild("post")
    assert not SearchDocument.objects.filter(kind="agency").exists()


def test_it_refuses_an_unknown_kind():
    with pytest.raises(CommandError, match="No searchable kind 'nothing'"):
        rebuild("nothing")


def test_indexing_an_unregistered_model_says_so(personas):
    from soars.search.engine import index_object

    with pytest.raises(LookupError, match="not registered"):
        index_object(personas.executive)
