"""facet_counts(): counts per value over the caller's restricted queryset, never over hidden records."""

import pytest

from soars.core.models import Agency, WhatsNewPost
from soars.search.engine import facet_counts, index_object, search

pytestmark = pytest.mark.django_db


def test_facets_count_each_value_most_common_first():
    counts = facet_counts(Agency.objects.filter(parent__code="AG"), ["kind", "parent__code"])
    assert counts["kind"] == [("sub_element", Agency.objects.filter(parent__code="AG").count())]
    assert counts["parent__code"][0][0] == "AG"


def test_facets_count_only_search_results(make_post):
    make_post("Wildfire", "wildfire response")
    make_post("Budget", "budget")
    results = search(WhatsNewPost.objects.published(), "wildfire", kind="post")
    assert facet_counts(results, ["title"]) == {"title": [("Wildfire", 1)]}


def test_facets_never_count_hidden_records(make_post):
    make_post("Visible", "wildfire")
    make_post("Hidden", "wildfire", hidden=True)
    make_post("Hidden", "wildfire", hidden=True)
    results = search(WhatsNewPost.objects.published(), "wildfire", kind="post")
    assert facet_counts(results, ["title"]) == {"title": [("Visible", 1)]}


def test_facets_count_a_record_once_per_value_across_a_join():
    for agency in Agency.objects.filter(code__in=["AG", "CM"]):
        index_object(agency)
    results = search(Agency.objects.filter(code__in=["AG", "CM"]), "department", kind="agency")
    counts = dict(facet_counts(results, ["sub_elements__kind"])["sub_elements__kind"])
    assert counts == {"sub_element": 2}


def test_facets_leave_out_empty_values():
    counts = facet_counts(Agency.objects.filter(code="AG"), ["parent__code"])
    assert counts == {"parent__code": []}
