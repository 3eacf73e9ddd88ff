"""Matching both ways: profiles from records, the HR "Best matches" tab, and "Recommended for you"."""

import datetime

import pytest

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency, ClearanceLevel, EligibilityCategory, OpportunityType
from soars.matching.pools import (
    best_matches,
    candidate_profile,
    opening_profile,
    recommendations,
    recommended_for,
)
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Opportunity
from soars.resumes.factories import PositionFactory, SharedResumeFactory, complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def matches_page(client, opportunity):
    response = client.get(f"/hr/opportunities/{opportunity.pk}/matches/")
    assert response.status_code == 200
    return response


def listed(response):
    return [entry.record.pk for entry in response.context["ranked"]]


@pytest.fixture
def posting(personas):
    return OpenOpportunityFactory(
        title="Chief Information Officer",
        skills="cloud migration, budget formulation",
        clearance=ClearanceLevel.objects.get(code="top_secret"),
        created_by=personas.hr_a,
    )


def test_an_opening_profile_reads_skills_clearance_and_the_work_arrangement(posting):
    opening = opening_profile(posting)
    assert opening.skills == {"cloud migration", "budget formulation"}
    assert opening.required_clearance_rank == ClearanceLevel.objects.get(code="top_secret").rank
    assert (opening.arrangement, opening.start_flexibility_days) == ("on_site", 0)


def test_an_opening_profile_reads_the_arrangement_and_the_start_date_s_flexibility(posting):
    Opportunity.objects.filter(pk=posting.pk).update(remote="hybrid", start_flexibility_days=45)
    opening = opening_profile(Opportunity.objects.get(pk=posting.pk))
    assert (opening.arrangement, opening.start_flexibility_days) == ("hybrid", 45)


def test_a_candidate_profile_reads_the_work_arrangements_accepted():
    resume = SharedResumeFactory(arrangements=["remote", "hybrid"])
    assert candidate_profile(resume).arrangements == {"hybrid", "remote"}


def test_a_candidate_profile_counts_agencies_served_from_positions_and_the_current_agency():
    resume = SharedResumeFactory(current_agency=Agency.objects.get(code="CM"))
    PositionFactory(resume=resume, agency=Agency.objects.get(code="AG"))
    assert candidate_profile(resume).agencies_served == {"CM", "AG"}


def test_a_candidate_profile_reads_career_eligibility_from_the_resume():
    resume = SharedResumeFactory(eligibility=EligibilityCategory.objects.get(code="career_ses"))
    profile = candidate_profile(resume)
    assert (profile.career_eligible, profile.eligibility_category) == (True, "career_ses")


def test_a_full_ecq_statement_is_strong_and_a_brief_one_weak():
    resume = complete_resume()
    strengths = candidate_profile(resume).ecq_strengths
    assert strengths and set(strengths.values()) == {1}


def test_the_matches_tab_shows_the_score_and_reasons_for_and_against(client_as, personas, posting):
    complete_resume()
    html = matches_page(client_as(personas.hr_a), posting).content.decode()
    assert "out of 100" in html
    assert "Has 2 of 2 skills asked for" in html
    assert "the position requires Top Secret" in html


def test_the_candidates_page_links_to_the_matches_tab(client_as, personas, posting):
    html = client_as(personas.hr_a).get(f"/hr/opportunities/{posting.pk}/candidates/").content.decode()
    assert f"/hr/opportunities/{posting.pk}/matches/" in html


def test_a_hidden_resume_is_never_listed(client_as, personas, posting):
    hidden = complete_resume()
    Resume.objects.filter(pk=hidden.pk).update(visibility=Resume.Visibility.HIDDEN)
    assert hidden.pk not in listed(matches_page(client_as(personas.hr_a), posting))


def test_a_resume_shared_with_another_agency_only_is_never_listed(client_as, personas, posting):
    other = complete_resume()
    Resume.objects.filter(pk=other.pk).update(visibility=Resume.Visibility.CHOSEN_AGENCIES)
    other.visible_agencies.set([personas.hr_b.agency])
    shared = complete_resume()
    assert listed(matches_page(client_as(personas.hr_a), posting)) == [shared.pk]


def test_hr_of_another_agency_gets_404_on_the_matches_page(client_as, personas, posting):
    assert client_as(personas.hr_b).get(f"/hr/opportunities/{posting.pk}/matches/").status_code == 404


def test_an_ineligible_candidate_is_never_ranked_above_an_eligible_one(personas):
    posting = OpenOpportunityFactory(position_type="career_reserved", skills="cloud migration, budget formulation")
    strong_but_ineligible = complete_resume()
    Resume.objects.filter(pk=strong_but_ineligible.pk).update(
        eligibility=EligibilityCategory.objects.get(code="noncareer")
    )
    weak_but_eligible = SharedResumeFactory(eligibility=EligibilityCategory.objects.get(code="career_ses"))
    found = best_matches(posting, personas.hr_a.agency)
    assert [entry.record.pk for entry in found.ranked] == [weak_but_eligible.pk, strong_but_ineligible.pk]
    assert [entry.record.pk for entry in found.near_misses] == [strong_but_ineligible.pk]
    assert found.near_misses[0].match.eligible is False


def test_the_executive_home_recommends_a_matching_open_opportunity(client_as, personas):
    complete_resume(personas.executive)
    OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")
    html = client_as(personas.executive).get("/executive/").content.decode()
    assert "Recommended for you" in html
    assert "Chief Information Officer" in html
    assert "out of 100" in html


def test_recommendations_never_include_what_the_executive_may_not_see(personas):
    complete_resume(personas.outsider)
    OpenOpportunityFactory(title="Inside job", visibility="agency")
    OpportunityFactory(title="Draft job")
    visible = OpenOpportunityFactory(title="Public job")
    assert [entry.record.pk for entry in recommended_for(personas.outsider)] == [visible.pk]


def test_an_executive_without_a_resume_is_asked_to_fill_it_in(client_as, personas):
    OpenOpportunityFactory(title="Public job")
    html = client_as(ExecutiveFactory()).get("/executive/").content.decode()
    assert "Fill in your resume to see the opportunities that match you best" in html


def test_recommendations_rank_an_opportunity_sharing_words_with_the_resume_higher(personas):
    complete_resume(personas.executive, headline="Chief Information Officer")
    OpenOpportunityFactory(title="Regional Forester", description="Forests.", start_date=datetime.date(2027, 3, 1))
    match = OpenOpportunityFactory(title="Chief Information Officer", start_date=datetime.date(2027, 3, 1))
    assert recommended_for(personas.executive)[0].record.pk == match.pk


def test_profiles_read_eligibility_labels_and_drop_blank_skills(posting):
    from soars.core.models import Competency, Ecq

    ecq, competency = Ecq.objects.first(), Competency.objects.first()
    posting.ecqs.set([ecq])
    posting.competencies.set([competency])
    posting.eligibility.set(EligibilityCategory.objects.filter(code="career_ses"))
    opening = opening_profile(posting)
    assert opening.eligibility_categories == {"career_ses"}
    assert opening.labels[ecq.code] == ecq.name and opening.labels[competency.code] == competency.name
    resume = SharedResumeFactory(skills=["budget formulation", " "], arrangements=["remote"])
    candidate = candidate_profile(resume, 0.5)
    assert candidate.skills == {"budget formulation"} and candidate.text_relevance == 0.5


def test_the_matching_query_leaves_out_words_that_say_nothing_of_fit():
    from soars.matching.pools import any_of

    query = any_of("Director of Fire and Aviation Management", "cloud, and the budget for it")
    assert query == "director OR fire OR aviation OR management OR cloud OR budget"


def test_an_opportunity_sharing_only_stop_words_with_the_resume_has_no_text_in_common(personas):
    resume = complete_resume(personas.executive)
    Resume.objects.filter(pk=resume.pk).update(
        headline="Director for the Fire and Aviation Program", current_title="Fire Chief", skills=[]
    )
    shared = OpenOpportunityFactory(title="Fire Aviation Director", start_date=datetime.date(2027, 3, 1))
    other = OpenOpportunityFactory(
        title="Analyst for the Bureau and the Board",
        description="Reviews and reports for the board.",
        duties="Writes for the board and the bureau.",
        skills="",
    )
    ranked = {entry.record.pk: entry.match for entry in recommended_for(personas.executive, limit=50)}
    assert "Resume closely matches the posting's wording" in [reason.text for reason in ranked[shared.pk].reasons]
    other_reasons = [reason.text for reason in ranked[other.pk].reasons]
    assert "Resume has little in common with the posting's wording" in other_reasons


# Requirements as a gate


def test_a_perfect_text_match_with_the_wrong_clearance_ranks_below_everyone_meeting_every_requirement(
    client_as, personas, posting
):
    star = complete_resume()  # the posting's title and skills, but Secret where it needs Top Secret
    top_secret = ClearanceLevel.objects.get(code="top_secret")
    plain = [SharedResumeFactory(headline="Forester", clearance=top_secret) for _ in range(2)]
    response = matches_page(client_as(personas.hr_a), posting)
    meets_all, near_misses = response.context["page_meets"], response.context["page_near"]
    assert {entry.record.pk for entry in meets_all} == {resume.pk for resume in plain}
    assert [entry.record.pk for entry in near_misses] == [star.pk]
    assert near_misses[0].match.score > max(entry.match.score for entry in meets_all)
    assert listed(response)[-1] == star.pk
    assert response.context["listing"].counts == {"meets": 2, "near": 1, "interested": 0}
    html = response.content.decode()
    assert "Meet every requirement (2)" in html and "Near misses (1)" in html
    near = html[html.index('id="near-misses-heading"') :]
    assert "<details>" in near and f'id="match-{star.pk}"' in near
    assert "✗ Clearance: missed</span>" in near and "<li>Needs Top Secret; holds Secret</li>" in near
    assert html.index(f'id="match-{plain[0].pk}"') < html.index('id="near-misses-heading"')


def test_back_from_the_shortlist_to_a_near_miss_opens_the_near_misses(client_as, personas, posting):
    star = complete_resume()  # holds Secret; the posting needs Top Secret
    client = client_as(personas.hr_a)
    response = client.post(f"/hr/opportunities/{posting.pk}/shortlist/add/", {"resume": star.pk}, follow=True)
    assert "<details open>" in response.content.decode()


def test_the_matches_page_says_when_nobody_meets_every_requirement(client_as, personas, posting):
    complete_resume()
    html = matches_page(client_as(personas.hr_a), posting).content.decode()
    assert "No executive whose resume your agency may see meets every requirement" in html


def test_recommendations_never_include_a_posting_the_executive_cannot_take(personas):
    complete_resume(personas.executive)  # Secret; wants details and permanent posts; DC or Denver; from 2027-01-04
    takes = OpenOpportunityFactory(title="Chief Information Officer")
    cannot = [
        OpenOpportunityFactory(
            title="Chief Information Officer", clearance=ClearanceLevel.objects.get(code="top_secret")
        ),
        OpenOpportunityFactory(title="Chief Information Officer", type=OpportunityType.objects.get(code="rotation")),
        OpenOpportunityFactory(title="Chief Information Officer", locations="Boston, MA"),
        OpenOpportunityFactory(title="Chief Information Officer", start_date=datetime.date(2026, 12, 1)),
        OpenOpportunityFactory(title="Chief Information Officer", position_type="career_reserved"),
    ]
    Resume.objects.filter(executive=personas.executive).update(
        eligibility=EligibilityCategory.objects.get(code="noncareer")
    )
    found = recommendations(personas.executive, limit=50, near=50)
    assert [entry.record.pk for entry in found.best] == [takes.pk]
    assert {entry.record.pk for entry in found.near_misses} == {opportunity.pk for opportunity in cannot}
    assert [entry.record.pk for entry in recommended_for(personas.executive, limit=50)] == [takes.pk]


def test_the_near_misses_on_the_executive_home_say_what_each_needs(client_as, personas):
    complete_resume(personas.executive)  # holds Secret
    OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")
    OpenOpportunityFactory(title="Chief Data Officer", clearance=ClearanceLevel.objects.get(code="top_secret"))
    html = client_as(personas.executive).get("/executive/").content.decode()
    near = html[html.index('id="near-misses-heading"') :]
    assert "Recommended for you" in html and "<details>" in near
    assert "Chief Data Officer" in near and "Chief Data Officer" not in html[: html.index('id="near-misses-heading"')]
    assert "Clearance</span> Needs Top Secret; holds Secret" in near
