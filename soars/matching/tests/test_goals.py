"""'Recommended for you' favours postings that serve the executive's open development goals, says
which goal, and never lets anyone else read the goal."""

import pytest

from soars.development.factories import current_ecq, goal
from soars.development.models import Goal as PlanGoal
from soars.matching import stored
from soars.matching.models import RecommendationList
from soars.matching.pools import recommendations
from soars.matching.profiles import CandidateProfile, Goal, OpeningProfile
from soars.matching.scoring import score, serving_goals
from soars.matching.weights import WEIGHTS
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import complete_resume

pytestmark = pytest.mark.django_db

OPENING = OpeningProfile(id=1, ecqs=frozenset({"LP"}), competencies=frozenset({"collaboration"}))
CANDIDATE = CandidateProfile(id=1, text_relevance=0.5)


def test_a_posting_that_emphasises_the_goal_s_ecq_earns_the_goal_s_points_and_names_it():
    plain = score(CANDIDATE, OPENING)
    favoured = serving_goals(plain, OPENING, [Goal("Lead an interagency project", ecq="LP")])
    assert favoured.score == plain.score + WEIGHTS.goal
    assert favoured.reasons[-1].text == "Serves your goal: Lead an interagency project"
    assert favoured.reasons[-1].points == WEIGHTS.goal


def test_a_goal_served_through_its_competency_counts_and_others_are_counted_not_listed():
    goals = [Goal("Build partnerships", competency="collaboration"), Goal("Lead people", ecq="LP")]
    favoured = serving_goals(score(CANDIDATE, OPENING), OPENING, goals)
    assert favoured.reasons[-1].text == "Serves your goal: Build partnerships (and 1 more)"


def test_a_posting_that_serves_no_goal_is_left_as_it_was():
    plain = score(CANDIDATE, OPENING)
    assert serving_goals(plain, OPENING, [Goal("Master budgets", ecq="BA")]) == plain
    assert serving_goals(plain, OPENING, []) == plain


def test_the_score_stays_within_100_and_is_still_the_sum_of_its_reasons():
    high = score(CANDIDATE, OPENING)
    high = type(high)(98, True, high.reasons, high.missed)
    favoured = serving_goals(high, OPENING, [Goal("Lead", ecq="LP")])
    assert favoured.score <= 100


def test_recommendations_put_the_posting_serving_an_open_goal_first_and_say_which(personas):
    complete_resume(personas.executive)
    ecq = current_ecq("LP")
    plain = OpenOpportunityFactory(title="Chief Information Officer")
    serving = OpenOpportunityFactory(title="Chief Information Officer")
    serving.ecqs.set([ecq])
    plain_first = recommendations(personas.executive).best
    goal(personas.executive, "Lead an interagency project", "LP")
    found = recommendations(personas.executive).best
    assert found[0].record.pk == serving.pk
    assert "Serves your goal: Lead an interagency project" in [reason.text for reason in found[0].match.reasons]
    assert all("Serves your goal" not in reason.text for entry in plain_first for reason in entry.match.reasons)
    assert plain.pk in [entry.record.pk for entry in found]


def test_a_goal_met_or_dropped_no_longer_counts(personas):
    complete_resume(personas.executive)
    serving = OpenOpportunityFactory(title="Chief Information Officer")
    serving.ecqs.set([current_ecq("LP")])
    done = goal(personas.executive, "Lead an interagency project", "LP")
    done.status = PlanGoal.Status.MET
    done.save()
    (entry,) = recommendations(personas.executive).best
    assert all("Serves your goal" not in reason.text for reason in entry.match.reasons)


def test_saving_or_removing_a_goal_makes_the_stored_list_stale(client_as, personas):
    complete_resume(personas.executive)
    client_as(personas.executive).get("/executive/")  # computes and stores the list
    RecommendationList.objects.update(stale=False, queued=False)
    added = goal(personas.executive)
    assert RecommendationList.objects.get().stale
    RecommendationList.objects.update(stale=False, queued=False)
    added.delete()
    assert RecommendationList.objects.get().stale
    assert stored  # the module that keeps the lists


def test_hr_best_matches_never_show_an_executive_s_goal(client_as, personas):
    complete_resume(personas.executive)
    posting = OpenOpportunityFactory(title="Chief Information Officer", created_by=personas.hr_a)
    posting.ecqs.set([current_ecq("LP")])
    goal(personas.executive, "Private aim: leave this agency", "LP")
    html = client_as(personas.hr_a).get(f"/hr/opportunities/{posting.pk}/matches/").content.decode()
    assert "Private aim" not in html and "Serves your goal" not in html
