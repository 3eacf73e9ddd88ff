"""HR resume search at /hr/resumes/: the query language, filters with counts, sorting, snippets,
pagination, and never a resume the searcher's agency may not see."""

import datetime
import re

import pytest

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency, ClearanceLevel, EligibilityCategory, OpportunityType
from soars.resumes.factories import PositionFactory, ResumeFactory, SharedResumeFactory, complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db

URL = "/hr/resumes/"


def _page(client_as, personas, params="", user=None):
    response = client_as(user or personas.hr_a).get(URL + ("?" + params if params else ""))
    assert response.status_code == 200
    return response.content.decode()


def _complete(**fields) -> Resume:
    return complete_resume(ExecutiveFactory(), **fields)


def _count(html) -> int:
    return int(re.search(r'id="results">(\d+) resume', html).group(1))


def test_the_page_without_a_query_lists_every_visible_resume_newest_first(client_as, personas):
    older = SharedResumeFactory(headline="Older headline")
    newer = SharedResumeFactory(headline="Newer headline")
    html = _page(client_as, personas)
    assert html.index(newer.headline) < html.index(older.headline)
    assert _count(html) == 2


def test_a_query_finds_the_matching_resume_only(client_as, personas):
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    SharedResumeFactory(headline="Chief Submarine Officer")
    html = _page(client_as, personas, "q=zeppelin")
    assert _count(html) == 1 and "Submarine" not in html


def test_a_quoted_phrase_needs_the_words_together(client_as, personas):
    SharedResumeFactory(headline="Acquisition reform lead")
    SharedResumeFactory(headline="Reform of acquisition")
    assert _count(_page(client_as, personas, "q=%22acquisition+reform%22")) == 1


def test_or_finds_either_word(client_as, personas):
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    SharedResumeFactory(headline="Chief Submarine Officer")
    assert _count(_page(client_as, personas, "q=zeppelin+OR+submarine")) == 2


def test_a_minus_leaves_out_resumes_with_the_word(client_as, personas):
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    SharedResumeFactory(headline="Chief Submarine Officer")
    html = _page(client_as, personas, "q=chief+-zeppelin")
    assert _count(html) == 1 and "Submarine" in html


def test_leading_finds_a_resume_that_says_led(client_as, personas):
    SharedResumeFactory(headline="Led the census modernization")
    assert _count(_page(client_as, personas, "q=leading+census")) == 1


def test_snippets_mark_the_matched_words_and_escape_the_rest(client_as, personas):
    SharedResumeFactory(headline="Chief <b>Zeppelin</b> Officer")
    html = _page(client_as, personas, "q=zeppelin")
    assert "<mark>Zeppelin</mark>" in html  # PostgreSQL's ts_headline drops the tag; SQLite escapes it
    assert "<b>" not in html


@pytest.mark.parametrize(
    "params",
    [
        "q=%22)+OR+1%3D1+--",
        "q=%22unbalanced",
        "q=-",
        "q=%27%3B+DROP+TABLE+resumes_resume%3B+--",
        "q=NEAR(a+b)+title%3Ax+*",
        "q=" + "a" * 3000,
        "clearance=nope&available_by=tomorrow&ecq=x&type=zz&page=-3",
    ],
)
def test_hostile_queries_and_filters_answer_200(client_as, personas, params):
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    _page(client_as, personas, params)


def test_the_ecq_filter_keeps_resumes_with_a_statement_for_it(client_as, personas):
    with_statements = _complete()
    SharedResumeFactory()
    ecq = with_statements.ecq_statements.first().ecq
    assert _count(_page(client_as, personas, f"ecq={ecq.pk}")) == 1


def test_the_competency_filter_keeps_resumes_that_claim_it(client_as, personas):
    claiming = _complete()
    SharedResumeFactory()
    code = claiming.competencies.first().code
    assert _count(_page(client_as, personas, f"competency={code}")) == 1


def test_the_served_in_filter_keeps_resumes_with_a_position_in_that_agency(client_as, personas):
    served = SharedResumeFactory()
    PositionFactory(resume=served, agency=Agency.objects.get(code="CM"))
    SharedResumeFactory()
    html = _page(client_as, personas, "served_in=CM")
    assert _count(html) == 1 and 'value="CM" checked' in html


def test_the_eligibility_filter_keeps_that_category(client_as, personas):
    _complete()
    SharedResumeFactory(eligibility=EligibilityCategory.objects.exclude(code="career_ses").first())
    assert _count(_page(client_as, personas, "eligibility=career_ses")) == 1


def test_the_clearance_filter_keeps_that_level_or_higher(client_as, personas):
    _complete()  # secret
    SharedResumeFactory(clearance=ClearanceLevel.objects.get(code="top_secret"))
    SharedResumeFactory(clearance=ClearanceLevel.objects.get(code="public_trust"))
    assert _count(_page(client_as, personas, "clearance=secret")) == 2


def test_the_location_filter_matches_part_of_a_preferred_location(client_as, personas):
    _complete()  # Washington, DC and Denver, CO
    SharedResumeFactory(locations=["Seattle, WA"])
    assert _count(_page(client_as, personas, "location=denver")) == 1


def test_the_remote_filter_adds_executives_willing_to_telework(client_as, personas):
    SharedResumeFactory(locations=["Seattle, WA"], arrangements=["remote"])
    SharedResumeFactory(locations=["Austin, TX"], arrangements=["on_site", "hybrid"])
    SharedResumeFactory(locations=["Boston, MA"], arrangements=["on_site"])
    SharedResumeFactory(locations=["Denver, CO"], arrangements=["on_site"])
    assert _count(_page(client_as, personas, "location=denver&remote=on")) == 3
    html = _page(client_as, personas, "remote=on")
    assert _count(html) == 2
    assert "Or willing to work remotely (full or part telework) (2)" in html


def test_the_opportunity_type_filter_keeps_resumes_wanting_any_chosen_type(client_as, personas):
    _complete()  # detail, permanent
    wants_other = SharedResumeFactory()
    wants_other.opportunity_types.set(OpportunityType.objects.exclude(code__in=["detail", "permanent"])[:1])
    assert _count(_page(client_as, personas, "type=detail")) == 1


def test_the_available_by_filter_keeps_resumes_available_by_that_date(client_as, personas):
    SharedResumeFactory(available_from=datetime.date(2027, 1, 4))
    SharedResumeFactory(available_from=datetime.date(2028, 1, 4))
    assert _count(_page(client_as, personas, "available_by=2027-06-30")) == 1


def test_facet_counts_count_the_resumes_found(client_as, personas):
    _complete()
    _complete()
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    html = _page(client_as, personas, "q=information")
    assert "Career SES member (2)" in html


def test_past_the_cap_the_page_says_more_than_and_the_counts_count_the_best(client_as, personas, monkeypatch):
    from soars.search.backends import base

    for _ in range(4):
        _complete()
    monkeypatch.setattr(base, "CAP", 3)
    monkeypatch.setattr(base, "FACETS", 2)
    html = _page(client_as, personas, "q=information")
    assert 'id="results">More than 3 resumes found' in html
    assert "they count the best 2" in html
    assert "Career SES member (2)" in html


def test_a_query_with_a_word_no_resume_has_shows_those_with_most_words_and_says_so(client_as, personas):
    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    html = _page(client_as, personas, "q=zeppelin+officer+submarine")
    assert f"/hr/resumes/{resume.pk}/" in html
    assert "No resume has all 3 words; showing those with most of them." in html


def test_a_misspelt_word_gets_did_you_mean(client_as, personas):
    SharedResumeFactory(headline="Chief Zeppelin Officer")
    html = _page(client_as, personas, "q=zepelin&sort=relevance")
    assert 'Did you mean <a class="usa-link" href="?q=zeppelin&amp;sort=relevance">zeppelin</a>?' in html


def test_related_terms_widen_the_search_visibly(client_as, personas):
    resume = SharedResumeFactory(headline="Director of information security")
    html = _page(client_as, personas, "q=cybersecurity")
    assert f"/hr/resumes/{resume.pk}/" in html
    assert "Also searched: " in html and "information security" in html


def test_sorting_by_last_updated_puts_the_newest_first_whatever_the_relevance(client_as, personas):
    strong = SharedResumeFactory(headline="Zeppelin zeppelin zeppelin", summary="zeppelin")
    weak = SharedResumeFactory(headline="Officer", summary="once flew a zeppelin")
    strong.save()
    weak.save()
    html = _page(client_as, personas, "q=zeppelin&sort=updated")
    assert html.index(f"/hr/resumes/{weak.pk}/") < html.index(f"/hr/resumes/{strong.pk}/")


def test_pagination_links_keep_the_query_and_filters(client_as, personas):
    for _ in range(26):
        SharedResumeFactory(headline="Chief Zeppelin Officer", arrangements=["remote"])
    html = _page(client_as, personas, "q=zeppelin&remote=on")
    assert "?q=zeppelin&amp;remote=on&amp;page=2" in html
    assert _count(_page(client_as, personas, "q=zeppelin&remote=on&page=2")) == 26


def test_an_outsider_agency_never_finds_or_counts_a_resume_not_shared_with_it(client_as, personas):
    resume = _complete(headline="Chief Zeppelin Officer", visibility=Resume.Visibility.CHOSEN_AGENCIES)
    resume.visible_agencies.set([personas.agency_a])
    ResumeFactory(headline="Hidden Zeppelin pilot", eligibility=EligibilityCategory.objects.get(code="career_ses"))
    assert _count(_page(client_as, personas, "q=zeppelin")) == 1
    html = _page(client_as, personas, "q=zeppelin", user=personas.hr_b)
    assert _count(html) == 0
    assert "Zeppelin" not in html.replace('value="zeppelin"', "")
    assert "Career SES member (" not in html
    assert "(1)" not in html
