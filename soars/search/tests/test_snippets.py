"""snippets(): an escaped excerpt per record with the matched words in <mark>."""

import re

import pytest

from soars.search.engine import snippets
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_a_snippet_marks_the_matched_words(make_post):
    post = make_post("Office", "Directed the wildfire response for four regions.")
    assert "<mark>wildfire</mark>" in snippets("post", [post.pk], "wildfire")[post.pk]


def test_a_snippet_marks_stemmed_and_irregular_forms(make_post):
    post = make_post("Office", "Led the budget teams.")
    html = snippets("post", [post.pk], "leading budgets")[post.pk]
    assert "<mark>Led</mark>" in html
    assert "<mark>budget</mark>" in html


def test_a_snippet_escapes_the_documents_html(make_post):
    post = make_post("Office", "wildfire <script>alert(1)</script> & <b>more</b>")
    html = snippets("post", [post.pk], "wildfire")[post.pk]
    assert set(re.findall(r"<[^>]*>", html)) == {"<mark>", "</mark>"}
    assert "&amp;" in html


def test_marker_characters_in_a_document_cannot_forge_a_mark(make_post):
    post = make_post("Office", "wildfire \x02forged\x03 text")
    html = snippets("post", [post.pk], "wildfire")[post.pk]
    assert html.count("<mark>") == 1


def test_a_record_without_a_matching_word_gets_the_start_of_its_text(make_post):
    post = make_post("Office", "Budget formulation <b>and</b> execution.")
    assert snippets("post", [post.pk], "-contract")[post.pk] == "Budget formulation &lt;b&gt;and&lt;/b&gt; execution."


def test_snippets_are_only_for_the_kind_asked(make_post):
    post = make_post("Office", "wildfire")
    SearchDocument.objects.create(kind="agency", object_id=post.pk, title="x", body="wildfire in another kind")
    assert "another kind" not in snippets("post", [post.pk], "wildfire")[post.pk]


def test_no_ids_means_no_snippets(make_post):
    assert snippets("post", [], "wildfire") == {}


def test_only_records_that_matched_get_marked_words(make_post):
    posts = [make_post(f"Wildfire notes {n}", f"crews fought the wildfire near ridge {n}").pk for n in range(4)]
    other = make_post("Staffing", "nothing about fires").pk
    found = snippets("post", [*posts, other], "wildfire")
    assert all("<mark>" in found[pk] for pk in posts) and "<mark>" not in found[other]
