"""Stored Best matches: computed once and read by the page, refreshed when the posting changes or the
ranking ages, never listing a resume the agency may no longer see, and scoring the page shown anew."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import ClearanceLevel
from soars.core.testing import run_tasks
from soars.matching import rankings
from soars.matching.models import Ranking
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory
from soars.resumes.factories import SharedResumeFactory
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def clearance(code):
    return ClearanceLevel.objects.get(code=code)


def resume(name, held="top_secret", **fields):
    return SharedResumeFactory(executive=ExecutiveFactory(full_name=name), clearance=clearance(held), **fields)


@pytest.fixture
def posting(personas):
    return OpenOpportunityFactory(
        title="Chief Information Officer",
        skills="cloud migration, budget formulation",
        clearance=clearance("secret"),
        created_by=personas.hr_a,
    )


def page(client, posting, query=""):
    response = client.get(f"/hr/opportunities/{posting.pk}/matches/{query}")
    assert response.status_code == 200
    return response


def listed(response):
    return [entry.record.pk for entry in response.context["ranked"]]


def test_the_first_view_ranks_and_stores_and_the_next_reads_what_was_stored(client_as, personas, posting):
    ada = resume("Ada Early")
    client = client_as(personas.hr_a)
    assert listed(page(client, posting)) == [ada.pk]
    ranking = Ranking.objects.get(opportunity=posting, agency=personas.hr_a.agency)
    assert [row[0] for row in ranking.entries] == [ada.pk]
    late = resume("Bo Late")  # a new resume waits for the next ranking
    assert listed(page(client, posting)) == [ada.pk]
    assert late.pk not in [row[0] for row in Ranking.objects.get(pk=ranking.pk).entries]


def test_a_ranking_older_than_max_age_is_shown_while_a_refresh_is_queued_once(
    client_as, personas, posting, django_capture_on_commit_callbacks
):
    ada = resume("Ada Early")
    client = client_as(personas.hr_a)
    page(client, posting)
    late = resume("Bo Late")
    Ranking.objects.update(computed_at=timezone.now() - rankings.MAX_AGE - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        html = page(client, posting).content.decode()
        page(client, posting)
    assert "A newer ranking, with resumes changed since, is being prepared" in html
    assert late.pk not in listed(page(client, posting))  # until the refresh has run
    assert DBTaskResult.objects.filter(task_path__endswith="refresh_ranking").count() == 1
    run_tasks()
    response = page(client, posting)
    assert set(listed(response)) == {ada.pk, late.pk}
    assert "being prepared" not in response.content.decode()


def test_a_posting_changed_since_is_ranked_again_for_its_new_requirements(
    client_as, personas, posting, django_capture_on_commit_callbacks
):
    secret, top = resume("Sam Secret", held="secret"), resume("Tess Top")
    client = client_as(personas.hr_a)
    assert page(client, posting).context["listing"].counts["meets"] == 2
    posting.clearance = clearance("top_secret")
    posting.save()
    assert Ranking.objects.get().stale
    with django_capture_on_commit_callbacks(execute=True):
        page(client, posting)  # shows the stale ranking and queues a refresh
    run_tasks()
    response = page(client, posting)
    assert [entry.record.pk for entry in response.context["page_meets"]] == [top.pk]
    assert [entry.record.pk for entry in response.context["page_near"]] == [secret.pk]


def test_a_resume_hidden_since_the_ranking_is_never_listed_nor_counted(client_as, personas, posting):
    shown, hidden = resume("Ada Shown"), resume("Hal Hidden")
    client = client_as(personas.hr_a)
    assert set(listed(page(client, posting))) == {shown.pk, hidden.pk}
    Resume.objects.filter(pk=hidden.pk).update(visibility=Resume.Visibility.HIDDEN)
    response = page(client, posting)
    assert listed(response) == [shown.pk]
    assert response.context["listing"].counts["meets"] == 1
    export = client.get(f"/hr/opportunities/{posting.pk}/matches.csv")
    assert "Hal Hidden" not in export.content.decode()


def test_a_resume_shared_only_with_another_agency_since_is_not_listed(client_as, personas, posting):
    moved = resume("Mo Moved")
    client = client_as(personas.hr_a)
    assert listed(page(client, posting)) == [moved.pk]
    Resume.objects.filter(pk=moved.pk).update(visibility=Resume.Visibility.CHOSEN_AGENCIES)
    moved.visible_agencies.set([personas.hr_b.agency])
    assert listed(page(client, posting)) == []


def test_the_page_shown_is_scored_from_the_records_as_they_are_now(client_as, personas, posting):
    ada = resume("Ada Changes")
    client = client_as(personas.hr_a)
    page(client, posting)
    Resume.objects.filter(pk=ada.pk).update(clearance=clearance("confidential"))
    (entry,) = page(client, posting).context["ranked"]
    assert not entry.match.meets_all
    assert [miss.text for miss in entry.match.missed] == ["Needs Secret; holds Confidential"]
    assert ("Clearance", False) in entry.badges


def test_publishing_a_posting_queues_its_first_ranking(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = OpportunityFactory(title="Chief Information Officer", created_by=personas.hr_a)
    run_tasks()
    assert not Ranking.objects.exists()  # a draft is ranked for nobody
    ada = resume("Ada Ready")
    with django_capture_on_commit_callbacks(execute=True):
        draft.publish(by=personas.hr_a)
    run_tasks()
    ranking = Ranking.objects.get(opportunity=draft)
    assert ranking.agency == draft.agency and [row[0] for row in ranking.entries] == [ada.pk]


def test_another_agency_s_hr_cannot_read_or_create_a_ranking(client_as, personas, posting):
    resume("Ada Private")
    response = client_as(personas.hr_b).get(f"/hr/opportunities/{posting.pk}/matches/")
    assert response.status_code == 404
    assert not Ranking.objects.exists()
