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


def test_counts_across_relations_are_estimated_from_an_even_sample_past_the_limit():
    from soars.search.facets import count

    departments = Agency.objects.filter(parent__isnull=True)
    exact = count(departments, ["sub_elements__kind", "kind"])
    assert not exact.approximate
    estimated = count(departments, ["sub_elements__kind", "kind"], sample=5)
    assert estimated.approximate
    assert estimated.total == exact.total == departments.count()  # the total is always exact
    kinds = dict(estimated.counts["kind"])  # the record's own columns are estimated too
    assert set(kinds) <= set(dict(exact.counts["kind"]))
    assert exact.total / 3 <= sum(kinds.values()) <= exact.total * 3
    (value, guess), (_, truth) = estimated.counts["sub_elements__kind"][0], exact.counts["sub_elements__kind"][0]
    assert value == "sub_element" and 0 < guess <= 3 * truth  # scaled up from the sample


def test_estimated_counts_still_count_only_the_restricted_records():
    from soars.search.facets import count

    some = Agency.objects.filter(code__in=["AG", "CM", "DD", "ED", "HS", "VA"])
    estimated = count(some, ["sub_elements__code"], sample=2)
    allowed = set(
        Agency.objects.filter(parent__code__in=["AG", "CM", "DD", "ED", "HS", "VA"]).values_list("code", flat=True)
    )
    assert {code for code, _ in estimated.counts["sub_elements__code"]} <= allowed


def test_results_with_facets_gives_the_page_in_order_the_total_and_the_counts():
    from soars.search.engine import results_with_facets

    everything = Agency.objects.filter(parent__isnull=True).order_by("-code")
    page, found = results_with_facets(everything, ["kind"], 2, per_page=5)
    assert [a.code for a in page] == list(everything.values_list("code", flat=True)[5:10])
    assert page.paginator.count == found.total == everything.count()
    last, _ = results_with_facets(everything, ["kind"], 999, per_page=5)
    assert last.number == last.paginator.num_pages and list(last)  # past the end: the last page


def test_looked_up_values_of_several_keys_are_added_up():
    sub_elements = Agency.objects.filter(parent__code__in=["AG", "CM"])
    counts = facet_counts(sub_elements, ["parent__kind", "parent__parent__code", "sub_elements__kind"])
    assert counts["parent__kind"] == [("department", sub_elements.count())]  # two parents, one kind
    assert counts["parent__parent__code"] == []  # departments have no parent: nothing to count
    departments = Agency.objects.filter(code__in=["AG", "CM"])
    counts = facet_counts(departments, ["sub_elements__parent__code"])  # across a relation, then a lookup
    assert dict(counts["sub_elements__parent__code"]) == {"AG": 1, "CM": 1}


def test_counts_and_looked_up_values_take_one_statement():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as statements:
        counts = facet_counts(Agency.objects.filter(parent__code="AG"), ["parent__code", "sub_elements__parent__code"])
    assert counts["parent__code"] == [("AG", Agency.objects.filter(parent__code="AG").count())]
    transaction = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "SELECT set_config", "SELECT before.*, set_config")
    assert len([q for q in statements.captured_queries if not q["sql"].startswith(transaction)]) == 1
