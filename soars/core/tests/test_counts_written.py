"""Numbers of results are written with thousands separators ("4,600 resumes found")."""

from types import SimpleNamespace

import pytest
from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from soars.core.models import OpportunityType
from soars.opportunities.filters import Counts, FilterForm
from soars.resumes.filters import Facets


def _page(count: int):
    return Page([], 1, Paginator(range(count), 25))  # no records to show: the templates' headings alone


def _render(template: str, **context) -> str:
    return render_to_string(template, context, request=RequestFactory().get("/"))


def test_the_pagination_bar_says_how_many_pages_with_separators():
    html = render_to_string("core/includes/pagination.html", {"page": _page(4_700)})
    assert "Page 1 of 188" in html


def test_the_resume_search_says_how_many_were_found_with_separators():
    html = _render("resumes/hr_list.html", page=_page(4_600), searching=True)
    assert 'id="results">4,600 resumes found' in html


def test_past_the_cap_the_resume_search_says_more_than_with_separators():
    found = SimpleNamespace(more_than=True, cap=5000)
    html = _render("resumes/hr_list.html", page=_page(5_000), found=found, searching=True)
    assert 'id="results">More than 5,000 resumes found' in html


def test_the_opportunity_search_says_how_many_match_with_separators():
    html = _render("opportunities/browse.html", page=_page(12_345), searched=True)
    assert "12,345 open opportunities match your search." in html


def test_the_remote_filter_counts_with_separators():
    assert Facets(groups=[], remote_count=41_000, total=90_000).remote_label == "41,000"


@pytest.mark.django_db
def test_the_opportunity_filters_count_with_separators():
    form = FilterForm()
    kind = OpportunityType.objects.first()
    form.show_counts(Counts(types={kind.code: 12_345}))
    assert form.fields["type"].label_from_instance(kind) == f"{kind.name} (12,345)"
    form.show_counts(Counts(types={kind.code: 1_000}, capped=True))  # more found: the best are counted
    assert form.fields["type"].label_from_instance(kind) == f"{kind.name} (1,000)"
