"""Alert emails: only results new to the owner, as the owner may see them now, each exactly once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency, OutboundEmail
from soars.core.schedule import all_periodic
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import SharedResumeFactory
from soars.resumes.models import Resume
from soars.saved_searches import alerts
from soars.saved_searches.models import SEEN_LIMIT, SavedSearch, SavedSearchSeen

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def _hr_search(personas, frequency="daily", params="q=zeppelin", now=None):
    return alerts.create(personas.hr_a, "resume", params, "Zeppelin people", frequency, now=now or timezone.now())


def test_a_new_matching_resume_is_alerted_exactly_once(personas, deliver):
    old = SharedResumeFactory(headline="Chief Zeppelin Officer")
    saved = _hr_search(personas)
    new = SharedResumeFactory(headline="Zeppelin fleet director")
    SharedResumeFactory(headline="Submarine director")  # does not match

    sent = deliver(timezone.now() + DAY)
    assert len(sent) == 1
    body = sent[0].body
    assert sent[0].to == [personas.hr_a.email]
    assert "Zeppelin fleet director" in body and f"/hr/resumes/{new.pk}/" in body
    assert f"/hr/resumes/{old.pk}/" not in body  # it was on screen when the search was saved
    assert "Submarine" not in body
    saved.refresh_from_db()
    assert saved.last_sent_at is not None

    assert deliver(timezone.now() + 3 * DAY) == []  # nothing new: nothing sent, the schedule moves on
    saved.refresh_from_db()
    assert saved.next_due_at > timezone.now() + 3 * DAY


def test_a_resume_edited_to_start_matching_is_alerted(personas, deliver):
    resume = SharedResumeFactory(headline="Submarine director")
    _hr_search(personas)
    resume.headline = "Zeppelin and submarine director"
    resume.save()
    sent = deliver(timezone.now() + DAY)
    assert len(sent) == 1 and f"/hr/resumes/{resume.pk}/" in sent[0].body
    resume.summary = "Still about zeppelins."
    resume.save()  # edited again, still matching: not news
    assert deliver(timezone.now() + 2 * DAY) == []


def test_resumes_the_agency_may_not_see_are_never_alerted(personas, deliver):
    _hr_search(personas)
    SharedResumeFactory(headline="Zeppelin hidden", visibility=Resume.Visibility.HIDDEN)
    elsewhere = SharedResumeFactory(headline="Zeppelin for Commerce only", visibility=Resume.Visibility.CHOSEN_AGENCIES)
    elsewhere.visible_agencies.set([Agency.objects.get(code="CM")])
    gone = SharedResumeFactory(headline="Zeppelin of a deactivated executive")
    gone.executive.is_active = False
    gone.executive.save()
    assert deliver(timezone.now() + DAY) == []
    assert SavedSearchSeen.objects.filter(object_id__in=[elsewhere.pk, gone.pk]).count() == 0


def test_a_resume_shared_later_is_alerted_then(personas, deliver):
    _hr_search(personas)
    resume = SharedResumeFactory(headline="Zeppelin hidden for now", visibility=Resume.Visibility.HIDDEN)
    assert deliver(timezone.now() + DAY) == []
    resume.visibility = Resume.Visibility.ALL_AGENCIES
    resume.save()
    sent = deliver(timezone.now() + 2 * DAY + timedelta(minutes=1))
    assert len(sent) == 1 and "Zeppelin hidden for now" in sent[0].body


def test_weekly_is_not_sent_after_one_day_but_after_seven(personas, deliver):
    now = timezone.now()
    _hr_search(personas, frequency="weekly", now=now)
    SharedResumeFactory(headline="Zeppelin pilot")
    assert deliver(now + DAY) == []
    assert deliver(now + 6 * DAY) == []
    assert len(deliver(now + 7 * DAY)) == 1


def test_no_emails_when_alerts_are_off(personas, deliver):
    _hr_search(personas, frequency="none")
    SharedResumeFactory(headline="Zeppelin pilot")
    assert deliver(timezone.now() + 30 * DAY) == []


def test_the_claim_lets_only_one_run_send(personas, django_capture_on_commit_callbacks):
    saved = _hr_search(personas)
    SharedResumeFactory(headline="Zeppelin pilot")
    when = timezone.now() + DAY
    with django_capture_on_commit_callbacks(execute=False):
        assert alerts.check(saved.pk, when) is True
        assert alerts.check(saved.pk, when) is False  # a second worker with the same search
        assert alerts.check(saved.pk, when + timedelta(hours=1)) is False
    assert OutboundEmail.objects.filter(template="saved_search_alert").count() == 1


def test_a_run_that_crashes_before_commit_leaves_no_trace_and_is_redone(personas, deliver, monkeypatch):
    saved = _hr_search(personas)
    SharedResumeFactory(headline="Zeppelin pilot")

    def crash(*args, **kwargs):
        raise RuntimeError("worker died")

    monkeypatch.setattr(alerts, "send_email", crash)
    assert deliver(timezone.now() + DAY) == []
    saved.refresh_from_db()
    assert saved.next_due_at <= timezone.now() + DAY  # the claim rolled back with everything else
    assert saved.seen.count() == 0
    monkeypatch.undo()
    assert len(deliver(timezone.now() + DAY)) == 1
    assert deliver(timezone.now() + 2 * DAY + timedelta(minutes=1)) == []


def test_inactive_owners_and_hr_without_an_agency_get_nothing(personas, deliver):
    saved = _hr_search(personas)
    SharedResumeFactory(headline="Zeppelin pilot")
    personas.hr_a.is_active = False
    personas.hr_a.save()
    assert deliver(timezone.now() + DAY) == []
    saved.refresh_from_db()
    assert saved.next_due_at > timezone.now() + DAY  # skipped, but the schedule moved on


def test_an_opportunity_alert_lists_what_the_executive_may_browse(personas, deliver):
    alerts.create(personas.executive, "opportunity", "q=budget", "Budget", "daily")
    shown = OpenOpportunityFactory(title="Budget Director")
    OpenOpportunityFactory(title="Budget Chief (own agency only)", visibility="agency")
    sent = deliver(timezone.now() + DAY)
    assert len(sent) == 1
    assert f"/opportunities/{shown.pk}/" in sent[0].body
    assert "own agency only" not in sent[0].body


def test_a_long_list_is_cut_with_a_link_to_the_rest(personas, deliver):
    _hr_search(personas)
    for number in range(alerts.LISTED_IN_EMAIL + 3):
        SharedResumeFactory(headline=f"Zeppelin captain {number}", executive=ExecutiveFactory())
    sent = deliver(timezone.now() + DAY)
    assert len(sent) == 1
    assert sent[0].body.count("/hr/resumes/") == alerts.LISTED_IN_EMAIL + 1  # the items and the search link
    assert "and 3 more" in sent[0].body
    assert f"SOARS: {alerts.LISTED_IN_EMAIL + 3} new results" in sent[0].subject


def test_the_seen_set_is_capped_and_old_results_stay_seen(personas, deliver, monkeypatch):
    monkeypatch.setattr(alerts, "SEEN_LIMIT", 3)
    for number in range(5):
        SharedResumeFactory(headline=f"Zeppelin {number}")
    saved = _hr_search(personas)
    assert saved.seen.count() == 3 and saved.seen_before is not None
    assert deliver(timezone.now() + DAY) == []  # the two not remembered count as seen all the same
    SharedResumeFactory(headline="Zeppelin newcomer")
    sent = deliver(timezone.now() + 2 * DAY + timedelta(minutes=1))
    assert len(sent) == 1 and "Zeppelin newcomer" in sent[0].body and "Zeppelin 1" not in sent[0].body
    assert saved.seen.count() <= 3


def test_the_job_is_scheduled():
    assert "saved_searches.alerts" in [job.name for job in all_periodic()]
    assert SEEN_LIMIT >= 1000
    assert SavedSearch.INTERVALS[SavedSearch.Frequency.WEEKLY] == 7 * DAY
