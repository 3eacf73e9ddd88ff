"""Postings close themselves on their closing date; HR contacts get at most one digest an hour."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import OutboundEmail
from soars.core.schedule import all_periodic, enqueue_due
from soars.core.testing import run_tasks
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory
from soars.opportunities.models import Opportunity
from soars.opportunities.tasks import close_expired_now, send_digests_now

pytestmark = pytest.mark.django_db


def test_an_expired_posting_closes_itself_and_tells_the_contact():
    yesterday = timezone.localdate() - timedelta(days=1)
    opportunity = OpenOpportunityFactory(closes_on=yesterday, contact_email="contact@usda.gov")
    assert close_expired_now() == 1
    opportunity.refresh_from_db()
    assert opportunity.status == "closed" and opportunity.closed_at is not None
    email = OutboundEmail.objects.get(template="opportunity_closed")
    assert email.to == ["contact@usda.gov"]
    assert opportunity.title in email.subject


def test_a_posting_stays_open_through_its_closing_day():
    opportunity = OpenOpportunityFactory(closes_on=timezone.localdate())
    assert close_expired_now() == 0
    opportunity.refresh_from_db()
    assert opportunity.status == "open"


def test_drafts_past_their_date_are_left_alone():
    OpenOpportunityFactory(status="draft", closes_on=timezone.localdate() - timedelta(days=3))
    assert close_expired_now() == 0


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_runs_the_closing_job_through_the_worker(reference_data):
    # Transactional: the worker closes its database connection, which would end a test transaction.
    opportunity = OpenOpportunityFactory(closes_on=timezone.localdate() - timedelta(days=1))
    assert "opportunities.close_expired" in enqueue_due()
    run_tasks()
    opportunity.refresh_from_db()
    assert opportunity.status == "closed"


def test_both_jobs_are_registered():
    names = {job.name for job in all_periodic()}
    assert {"opportunities.close_expired", "opportunities.interest_digests"} <= names


def digests():
    return OutboundEmail.objects.filter(template="interest_digest")


def test_new_interest_is_summarised_to_the_contact():
    opportunity = OpenOpportunityFactory(contact_email="contact@usda.gov")
    InterestFactory(opportunity=opportunity, executive__full_name="Zed Candidate")
    assert send_digests_now() == 1
    email = digests().get()
    assert email.to == ["contact@usda.gov"]
    assert "Zed Candidate" in email.text_body


def test_at_most_one_digest_an_hour_per_opportunity():
    opportunity = OpenOpportunityFactory()
    now = timezone.now()
    InterestFactory(opportunity=opportunity)
    send_digests_now(now)
    InterestFactory(opportunity=opportunity)
    assert send_digests_now(now + timedelta(minutes=30)) == 0
    assert send_digests_now(now + timedelta(minutes=61)) == 1
    assert digests().count() == 2


def test_no_digest_without_new_interest():
    InterestFactory(digested_at=timezone.now())
    assert send_digests_now() == 0


def test_each_interest_is_mentioned_once():
    opportunity = OpenOpportunityFactory()
    InterestFactory(opportunity=opportunity)
    send_digests_now(timezone.now() - timedelta(hours=2))
    assert send_digests_now() == 0


def test_the_expired_posting_contact_link_points_at_the_candidates():
    opportunity = OpenOpportunityFactory(closes_on=timezone.localdate() - timedelta(days=1))
    close_expired_now()
    assert f"/hr/opportunities/{opportunity.pk}/candidates/" in OutboundEmail.objects.get().text_body
    assert Opportunity.objects.open().count() == 0
