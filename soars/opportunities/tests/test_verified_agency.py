"""Which agency's "own agency only" postings an executive sees comes from their verified agency
(the account's, set on approval or by an administrator), never from the resume they edit
(issue 17, item 2). From the outsider's side: an executive of agency A who edits the resume's
current agency to B still cannot open, express interest in, find, be recommended or alerted
B's agency-only posting; an executive whose verified agency is B can."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from soars.accounts.factories import AccessRequestFactory, agency
from soars.core.testing import run_tasks
from soars.matching.pools import recommended_for
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Interest
from soars.resumes.factories import complete_resume
from soars.resumes.models import Resume
from soars.saved_searches import alerts

pytestmark = pytest.mark.django_db


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run the saved-search alert job at `when` and deliver what it queued; returns the emails sent."""

    def run(when):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            alerts.send_due(when)
        run_tasks()
        return mail.outbox[before:]

    return run


@pytest.fixture
def inside_b():
    """Commerce's posting for Commerce's own executives only."""
    return OpenOpportunityFactory(
        agency=agency("CM"),
        title="Chief Zeppelin Officer",
        description="Lead the zeppelin fleet.",
        skills="cloud migration",
        visibility="agency",
    )


def resume_saying(executive, current_agency):
    """A resume that says enough to match on, naming `current_agency` as where the executive works."""
    resume = complete_resume(executive)
    resume.current_agency = current_agency
    resume.save()
    return resume


@pytest.fixture
def executive_of_a(personas):
    """An executive verified at Agriculture (A), with a resume that says enough to match."""
    personas.executive.agency = personas.agency_a
    personas.executive.save()
    resume_saying(personas.executive, personas.agency_a)
    return personas.executive


def claim_agency_b(client, personas):
    """The executive edits the resume's about section to say they work at Commerce (B)."""
    response = client.post(
        "/executive/resume/section/about/",
        {
            "about-headline": "Chief Information Officer",
            "about-current_title": "Chief Information Officer",
            "about-current_agency": personas.agency_b.pk,
        },
    )
    assert response.status_code == 302
    assert Resume.objects.get(executive=personas.executive).current_agency == personas.agency_b


def test_claiming_another_agency_on_the_resume_does_not_open_its_agency_only_posting(
    client_as, personas, executive_of_a, inside_b
):
    client = client_as(executive_of_a)
    claim_agency_b(client, personas)
    assert client.get(f"/opportunities/{inside_b.pk}/").status_code == 404
    assert client.post(f"/opportunities/{inside_b.pk}/interest/", {"note": "Let me in"}).status_code == 404
    assert not Interest.objects.filter(opportunity=inside_b).exists()
    for query in ("", "?q=zeppelin", "?agency=CM"):
        assert "Chief Zeppelin Officer" not in client.get(f"/opportunities/{query}").content.decode()
    assert inside_b.pk not in [entry.record.pk for entry in recommended_for(executive_of_a)]
    assert "Chief Zeppelin Officer" not in client.get("/executive/").content.decode()


def test_claiming_another_agency_on_the_resume_does_not_bring_its_posting_in_alerts(
    client_as, personas, executive_of_a, deliver
):
    claim_agency_b(client_as(executive_of_a), personas)
    alerts.create(executive_of_a, "opportunity", "q=zeppelin", "Zeppelins", "daily")
    OpenOpportunityFactory(agency=agency("CM"), title="Zeppelin Chief (inside)", visibility="agency")
    shown = OpenOpportunityFactory(agency=agency("CM"), title="Zeppelin Chief (everyone)")
    sent = deliver(timezone.now() + timedelta(days=1))
    assert len(sent) == 1
    assert f"/opportunities/{shown.pk}/" in sent[0].body
    assert "inside" not in sent[0].body


def test_an_executive_verified_at_agency_b_sees_and_may_express_interest(client_as, personas, inside_b):
    personas.executive.agency = personas.agency_b
    personas.executive.save()
    resume_saying(personas.executive, personas.agency_a)  # what the resume says does not matter
    client = client_as(personas.executive)
    assert client.get(f"/opportunities/{inside_b.pk}/").status_code == 200
    assert "Chief Zeppelin Officer" in client.get("/opportunities/?q=zeppelin").content.decode()
    assert inside_b.pk in [entry.record.pk for entry in recommended_for(personas.executive)]
    client.post(f"/opportunities/{inside_b.pk}/interest/", {"note": "I work here"})
    assert Interest.objects.filter(opportunity=inside_b, executive=personas.executive).exists()


def test_an_executive_verified_at_a_bureau_sees_its_departments_agency_only_postings(client_as, personas, inside_b):
    personas.executive.agency = agency("CM54")  # NOAA, part of Commerce
    personas.executive.save()
    assert client_as(personas.executive).get(f"/opportunities/{inside_b.pk}/").status_code == 200


def test_an_executive_verified_at_agency_b_gets_its_posting_in_alerts(personas, deliver):
    personas.executive.agency = personas.agency_b
    personas.executive.save()
    alerts.create(personas.executive, "opportunity", "q=zeppelin", "Zeppelins", "daily")
    inside = OpenOpportunityFactory(agency=agency("CM"), title="Zeppelin Chief (inside)", visibility="agency")
    sent = deliver(timezone.now() + timedelta(days=1))
    assert len(sent) == 1 and f"/opportunities/{inside.pk}/" in sent[0].body


def test_an_executive_without_a_verified_agency_sees_no_agency_only_posting(client_as, personas, inside_b):
    complete_resume(personas.executive)  # the resume says Commerce
    assert personas.executive.agency is None
    assert client_as(personas.executive).get(f"/opportunities/{inside_b.pk}/").status_code == 404


def test_approving_an_executive_records_the_agency_the_reviewer_checked(personas):
    request = AccessRequestFactory(agency=personas.agency_b)
    account = request.approve(by=personas.site_admin)
    assert (account.role, account.agency) == ("executive", personas.agency_b)


def test_an_executive_who_left_the_ses_gets_no_agency_on_approval(personas):
    left = timezone.localdate() - timedelta(days=400)
    request = AccessRequestFactory(agency=personas.agency_b, left_ses_on=left)
    assert request.approve(by=personas.site_admin).agency is None


def test_the_resume_form_says_the_current_agency_does_not_open_postings(client_as, personas):
    html = client_as(personas.executive).get("/executive/resume/").content.decode()
    assert "follow the agency confirmed when your access was approved" in html
