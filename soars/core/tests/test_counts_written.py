"""Numbers of results are written with thousands separators ("About 9,600 resumes found")."""

import pytest
from django.core.paginator import Page, Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from soars.core.models import OpportunityType
from soars.opportunities.filters import Counts, FilterForm
from soars.resumes.filters import Facets


def _page(count: int, *, estimated: bool = False):
    paginator = Paginator(range(count), 25)
    paginator.estimated = estimated
    return Page([], 1, paginator)  # no records to show: the templates' headings alone


def _render(template: str, **context) -> str:
    return render_to_string(template, context, request=RequestFactory().get("/"))


def test_the_pagination_bar_says_how_many_pages_with_separators():
    html = render_to_string("core/includes/pagination.html", {"page": _page(47_000, estimated=True)})
    assert "Page 1 of about 1,880" in html


def test_the_resume_search_says_how_many_were_found_with_separators():
    html = _render("resumes/hr_list.html", page=_page(9_600, estimated=True), searching=True)
    assert 'id="results">About 9,600 resumes found' in html


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
    form.show_counts(Counts(types={kind.code: 12_345}, estimated=True))
    assert form.fields["type"].label_from_instance(kind) == f"{kind.name} (about 12,000)"
