"""'Recommended for you' is stored per executive, refreshed by tasks, and filtered as the page reads it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency, ClearanceLevel
from soars.core.schedule import all_periodic
from soars.core.testing import run_tasks
from soars.matching import stored
from soars.matching.models import RecommendationList
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory
from soars.resumes.factories import complete_resume

pytestmark = pytest.mark.django_db


def shown(client):
    """(recommended ids, near-miss ids) on the executive options page."""
    response = client.get("/executive/")
    assert response.status_code == 200
    panel = response.context["recommended"]
    return [entry.record.pk for entry in panel["ranked"]], [entry.record.pk for entry in panel["near_misses"]]


def secret():
    return ClearanceLevel.objects.get(code="secret")


def top_secret():
    return ClearanceLevel.objects.get(code="top_secret")


def test_the_options_page_recommends_only_postings_whose_every_requirement_is_met(client_as, personas):
    complete_resume(personas.executive)  # holds Secret
    takes = OpenOpportunityFactory(title="Chief Information Officer")
    needs_more = OpenOpportunityFactory(title="Chief Information Officer", clearance=top_secret())
    best, near = shown(client_as(personas.executive))
    assert best == [takes.pk]
    assert near == [needs_more.pk]
    stored = RecommendationList.objects.get(executive=personas.executive)
    assert [entry["id"] for entry in stored.best] == [takes.pk]
    assert stored.near_misses[0]["missed"] == [["clearance", "Needs Top Secret; holds Secret"]]


def test_the_page_reads_the_stored_list_and_does_not_compute_it_again(client_as, personas):
    complete_resume(personas.executive)
    first = OpenOpportunityFactory(title="Chief Information Officer")
    client = client_as(personas.executive)
    assert shown(client)[0] == [first.pk]
    OpenOpportunityFactory(title="Chief Information Officer")  # its refresh is never queued here
    assert shown(client)[0] == [first.pk]


def test_a_raised_clearance_refreshes_the_stored_list_when_the_task_runs(
    client_as, personas, django_capture_on_commit_callbacks
):
    resume = complete_resume(personas.executive)  # holds Secret
    needs_top_secret = OpenOpportunityFactory(title="Chief Information Officer", clearance=top_secret())
    client = client_as(personas.executive)
    assert shown(client) == ([], [needs_top_secret.pk])
    with django_capture_on_commit_callbacks(execute=True):
        resume.clearance = top_secret()
        resume.save()
        resume.save()  # a second save in the same transaction queues no second refresh
    assert DBTaskResult.objects.filter(task_path__endswith="refresh_recommendations").count() == 1
    assert RecommendationList.objects.get(executive=personas.executive).stale
    run_tasks()
    assert not RecommendationList.objects.get(executive=personas.executive).stale
    assert shown(client) == ([needs_top_secret.pk], [])


def test_a_newly_published_posting_appears_after_the_refresh(
    client_as, personas, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(stored, "DEBOUNCE", timedelta(0))  # the run is due at once, not 30 seconds later
    complete_resume(personas.executive)
    client = client_as(personas.executive)
    assert shown(client)[0] == []
    draft = OpportunityFactory(title="Chief Information Officer", created_by=personas.hr_a)
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(by=personas.hr_a)
    assert shown(client)[0] == []  # not until the refresh has run
    run_tasks()
    assert shown(client)[0] == [draft.pk]


def test_many_posting_changes_at_once_queue_one_refresh_run_a_little_later(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            OpenOpportunityFactory(title="Chief Information Officer")
    (queued,) = DBTaskResult.objects.exclude(task_path__endswith="refresh_ranking")
    assert queued.task_path.endswith("refresh_after_posting_change")
    assert queued.run_after > timezone.now()


def test_saving_a_draft_queues_no_refresh(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        OpportunityFactory(title="Chief Information Officer", created_by=personas.hr_a)
    assert not DBTaskResult.objects.exists()


def test_a_closed_or_cancelled_posting_disappears_from_the_page_at_once(client_as, personas):
    complete_resume(personas.executive)
    closing = OpenOpportunityFactory(title="Chief Information Officer")
    cancelled = OpenOpportunityFactory(title="Chief Information Officer")
    client = client_as(personas.executive)
    assert sorted(shown(client)[0]) == sorted([closing.pk, cancelled.pk])
    closing.close()
    cancelled.cancel()  # no refresh has run: the stored list still names both
    assert shown(client)[0] == []


def test_an_agency_only_posting_is_shown_only_while_the_verified_agency_may_see_it(client_as, personas):
    agriculture, commerce = Agency.objects.get(code="AG"), Agency.objects.get(code="CM")
    executive = ExecutiveFactory(agency=agriculture)
    complete_resume(executive)
    inside = OpenOpportunityFactory(title="Chief Information Officer", visibility="agency", agency=agriculture)
    client = client_as(executive)
    assert shown(client)[0] == [inside.pk]
    executive.agency = commerce  # the stored list is not refreshed: the page still leaves it out
    executive.save()
    assert shown(client)[0] == []


def test_the_outsider_never_sees_a_posting_recommended_to_another_agency_s_executive(client_as, personas):
    executive = ExecutiveFactory(agency=Agency.objects.get(code="AG"))
    complete_resume(executive)
    complete_resume(personas.outsider)
    inside = OpenOpportunityFactory(title="Chief Information Officer", visibility="agency")
    assert shown(client_as(executive))[0] == [inside.pk]
    RecommendationList.objects.filter(executive=personas.outsider).delete()
    assert shown(client_as(personas.outsider)) == ([], [])
    # Even a list that names it (stored before a change of agency, say) is filtered as it is read.
    RecommendationList.objects.filter(executive=personas.outsider).update(
        best=RecommendationList.objects.get(executive=executive).best
    )
    assert shown(client_as(personas.outsider)) == ([], [])


@pytest.mark.parametrize("who", ["anonymous", "hr_a", "agency_admin", "site_admin"])
def test_only_executives_reach_the_executive_options_page(client, client_as, personas, who):
    response = client.get("/executive/") if who == "anonymous" else client_as(personas.by_name(who)).get("/executive/")
    assert response.status_code in (302, 403, 404)
    assert "Recommended for you" not in response.content.decode()
    assert not RecommendationList.objects.exists()


def test_a_stale_list_is_shown_and_its_refresh_queued_once(client_as, personas, django_capture_on_commit_callbacks):
    complete_resume(personas.executive)
    first = OpenOpportunityFactory(title="Chief Information Officer")
    client = client_as(personas.executive)
    shown(client)
    RecommendationList.objects.update(stale=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert shown(client)[0] == [first.pk]
        assert shown(client)[0] == [first.pk]
    assert DBTaskResult.objects.filter(task_path__endswith="refresh_recommendations").count() == 1


def test_the_periodic_job_refreshes_stale_lists_most_recently_signed_in_first(personas):
    from soars.matching.stored import refresh, refresh_stale

    for executive in (personas.executive, personas.outsider):
        complete_resume(executive)
        refresh(executive.pk)
    RecommendationList.objects.update(stale=True)
    assert "matching.refresh_stale" in [job.name for job in all_periodic()]
    assert refresh_stale(limit=1) == 1
    assert RecommendationList.objects.filter(stale=True).count() == 1
    assert refresh_stale() == 1
    assert not RecommendationList.objects.filter(stale=True).exists()


def test_the_options_page_makes_a_bounded_number_of_queries(client_as, personas, django_assert_max_num_queries):
    complete_resume(personas.executive)
    for number in range(12):
        OpenOpportunityFactory(title=f"Chief Information Officer {number}")
        OpenOpportunityFactory(title=f"Chief Data Officer {number}", clearance=top_secret())
    client = client_as(personas.executive)
    shown(client)  # computes and stores the list
    with django_assert_max_num_queries(17):  # session, user, devices, resume panel 9, interests 2, recommended 2
        best, near = shown(client)
    assert len(best) == 5 and len(near) == 5


def test_the_recommended_panel_reads_two_queries_whatever_the_number_of_postings(personas, django_assert_num_queries):
    from soars.matching.stored import recommended_panel

    complete_resume(personas.executive)
    for number in range(12):
        OpenOpportunityFactory(title=f"Chief Information Officer {number}")
    recommended_panel(personas.executive)  # computes and stores the list
    with django_assert_num_queries(2):  # the stored list, then the postings it names still open and visible
        panel = recommended_panel(personas.executive)
    assert len(panel["ranked"]) == 5
