"""Executives search /opportunities/: query language, facet counts, relevance, snippets, and nothing hidden."""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone

from soars.core.models import Agency
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory, opportunity_type
from soars.opportunities.filters import search_opportunities
from soars.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


def get(client, query=""):
    response = client.get("/opportunities/" + query)
    assert response.status_code == 200
    return response


def titles(client, query=""):
    return [o.title for o in get(client, query).context["page"].object_list]


def q(text):
    return "?q=" + quote(text)


@pytest.fixture
def postings():
    OpenOpportunityFactory(title="Chief Data Officer", description="Lead budget reform and data strategy.")
    OpenOpportunityFactory(title="Budget Director", description="Run the agency budget process.")
    OpenOpportunityFactory(title="Cyber Security Lead", description="Protect networks from attack.")


def test_a_word_finds_postings_that_contain_it(client_as, personas, postings):
    assert sorted(titles(client_as(personas.executive), q("budget"))) == ["Budget Director", "Chief Data Officer"]


def test_stemming_finds_other_forms_of_a_word(client_as, personas, postings):
    assert sorted(titles(client_as(personas.executive), q("budgeting"))) == ["Budget Director", "Chief Data Officer"]


def test_a_quoted_phrase_finds_only_the_words_together(client_as, personas, postings):
    assert titles(client_as(personas.executive), q('"budget reform"')) == ["Chief Data Officer"]


def test_or_finds_either_word(client_as, personas, postings):
    found = titles(client_as(personas.executive), q("networks OR strategy"))
    assert sorted(found) == ["Chief Data Officer", "Cyber Security Lead"]


def test_a_minus_word_leaves_postings_with_it_out(client_as, personas, postings):
    assert titles(client_as(personas.executive), q("budget -reform")) == ["Budget Director"]


def test_a_title_match_ranks_above_a_description_match_by_default(client_as, personas, postings):
    assert titles(client_as(personas.executive), q("budget"))[0] == "Budget Director"


def test_the_query_combines_with_the_filters(client_as, personas, postings):
    OpenOpportunityFactory(title="Budget Detail", type=opportunity_type("detail"))
    assert titles(client_as(personas.executive), q("budget") + "&type=detail") == ["Budget Detail"]


def test_closing_soonest_sort_still_applies_to_a_search(client_as, personas):
    today = timezone.localdate()
    OpenOpportunityFactory(title="Budget late", closes_on=today + timedelta(days=40))
    OpenOpportunityFactory(title="Budget soon", closes_on=today + timedelta(days=3))
    assert titles(client_as(personas.executive), q("budget") + "&sort=closing") == ["Budget soon", "Budget late"]


def test_without_a_query_newest_come_first(client_as, personas):
    OpenOpportunityFactory(title="Older", published_at=timezone.now() - timedelta(days=5))
    OpenOpportunityFactory(title="Newer")
    assert titles(client_as(personas.executive), "?sort=relevance") == ["Newer", "Older"]


def test_a_snippet_marks_the_matched_word(client_as, personas, postings):
    html = get(client_as(personas.executive), q("networks")).content.decode()
    assert "<mark>networks</mark>" in html


def test_a_snippet_never_passes_markup_from_the_posting_through(client_as, personas):
    OpenOpportunityFactory(title="Analyst", description="Knows <script>alert(1)</script> budget tools.")
    html = get(client_as(personas.executive), q("budget")).content.decode()
    assert "<mark>budget</mark>" in html
    assert "<script>alert(1)" not in html


def test_facet_counts_appear_beside_the_type_filter(client_as, personas, postings):
    OpenOpportunityFactory(title="Budget Detail", type=opportunity_type("detail"))
    html = get(client_as(personas.executive), q("budget")).content.decode()
    detail = opportunity_type("detail").name
    assert f"{detail} (1)" in html
    assert f"{opportunity_type('permanent').name} (2)" in html


def test_past_the_cap_the_page_says_more_than_and_counts_the_best(client_as, personas, postings, monkeypatch):
    from soars.core.models import Ecq
    from soars.search.backends import base

    ecq = Ecq.objects.filter(framework__is_current=True).first()
    for posting in Opportunity.objects.all():
        posting.ecqs.add(ecq)
    client = client_as(personas.executive)
    exact = get(client).content.decode()
    assert f"{ecq.name} ({ecq.framework.year}) (3)" in exact and "More than" not in exact
    monkeypatch.setattr(base, "CAP", 2)
    monkeypatch.setattr(base, "FACETS", 1)
    html = get(client).content.decode()
    assert "More than 2 open opportunities" in html
    assert "the numbers count the best 1." in html
    assert f"{ecq.name} ({ecq.framework.year}) (1)" in html


def test_the_start_of_a_word_finds_postings(client_as, personas):
    posting = OpenOpportunityFactory(title="Director of Cybersecurity")
    html = get(client_as(personas.executive), q("cyber")).content.decode()
    assert f"/opportunities/{posting.pk}/" in html


def test_facet_counts_follow_the_search():
    OpenOpportunityFactory(title="Budget Director", remote="remote")
    OpenOpportunityFactory(title="Cyber Lead", remote="remote")
    results = search_opportunities(Opportunity.objects.open(), {"q": "budget"})
    assert results.counts.remote == 1


def test_sub_element_postings_count_toward_their_agency():
    parent = Agency.objects.filter(sub_elements__isnull=False).first()
    OpenOpportunityFactory(title="Budget office", agency=parent.sub_elements.first())
    results = search_opportunities(Opportunity.objects.open(), {"q": "budget"})
    assert results.counts.agencies[parent.code] == 1


def test_drafts_are_never_found(client_as, personas):
    OpportunityFactory(title="Secret budget draft")
    assert titles(client_as(personas.executive), q("budget")) == []


def test_an_outsider_never_finds_an_agency_only_posting_of_another_agency(client_as, personas):
    OpenOpportunityFactory(title="Inside budget job", visibility="agency")
    OpenOpportunityFactory(title="Public budget job")
    assert titles(client_as(personas.outsider), q("budget")) == ["Public budget job"]


def test_an_outsider_never_counts_an_agency_only_posting_of_another_agency(client_as, personas):
    OpenOpportunityFactory(title="Inside budget job", visibility="agency", remote="remote")
    OpenOpportunityFactory(title="Public budget job")
    response = get(client_as(personas.outsider), q("budget"))
    assert response.context["page"].paginator.count == 1
    assert f"{Agency.objects.get(code='AG').name} (1)" in response.content.decode()
    assert "Hybrid or fully remote only (0)" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    ['") OR 1=1 --', '"unbalanced', "-", "NEAR(a b)", "title:x", "*", "OR", "x" * 100_000, "\x00", "'; DROP TABLE x"],
)
def test_hostile_queries_answer_200(client_as, personas, postings, text):
    get(client_as(personas.executive), q(text))


def test_the_search_results_are_paginated(client_as, personas):
    for number in range(25):
        OpenOpportunityFactory(title=f"Budget posting {number}")
    client = client_as(personas.executive)
    assert len(titles(client, q("budget"))) == 20
    assert len(titles(client, q("budget") + "&page=2")) == 5


def test_the_filters_are_cleaned_once_for_the_search_and_the_page(client_as, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    OpenOpportunityFactory(title="Public budget job", agency=Agency.objects.get(code="AG"))
    client = client_as(personas.outsider)
    with CaptureQueriesContext(connection) as statements:
        response = get(client, "?q=budget&agency=AG")
    assert response.context["page"].paginator.count == 1 and response.context["can_save"]
    looked_up = [s for s in statements.captured_queries if '"core_agency"."code" = ' in s["sql"]]
    assert len(looked_up) == 1  # the agency chosen, looked up once
