"""Agency systems by token: postings under the form's rules, the pipeline, Best matches, shortlists, resumes."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from soars.audit.models import AuditEvent
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Opportunity, ShortlistEntry
from soars.resumes import viewing
from soars.resumes.factories import SharedResumeFactory

pytestmark = pytest.mark.django_db


def _posting(**changes) -> dict:
    body = {
        "title": "Chief Data Officer",
        "type": "permanent",
        "description": "Lead the department's data strategy.",
        "closes_on": f"{timezone.localdate() + timedelta(days=30)}",
        "contact_name": "Bob HR",
        "contact_email": "bob.hr@usda.gov",
        "skills": ["data governance", "analytics"],
        "locations": ["Washington, DC"],
    }
    return body | changes


@pytest.fixture
def rw(personas, make_token):
    return make_token(personas.hr_a, write=True)


def test_it_imports_a_posting_as_a_draft_of_the_callers_agency(api, personas, rw):
    response = api("post", "/agency/opportunities", rw, json=_posting())
    assert response.status_code == 201, response.content
    posting = Opportunity.objects.get(pk=response.json()["id"])
    assert posting.agency == personas.agency_a and posting.status == "draft"
    assert posting.created_by == personas.hr_a
    assert posting.skill_list == ["data governance", "analytics"]
    assert AuditEvent.objects.for_object(posting).get().action == "opportunity.created"


def test_it_publishes_on_import_when_asked(api, rw):
    response = api("post", "/agency/opportunities", rw, json=_posting(publish=True))
    assert response.json()["status"] == "open"


def test_the_forms_type_rules_apply(api, rw):
    body = _posting(type="detail", duration_days=5000, closes_on="2001-01-01")
    response = api("post", "/agency/opportunities", rw, json=body)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"duration_days", "closes_on"} <= fields
    assert not Opportunity.objects.exists()


def test_unknown_codes_are_field_errors(api, rw):
    response = api("post", "/agency/opportunities", rw, json=_posting(type="no-such-type", clearance="nope"))
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"type", "clearance"}


def test_codes_no_record_could_have_are_field_errors_not_server_errors(api, rw):
    """Found by the property tests on PostgreSQL, which refuses a NUL character in a query."""
    body = _posting(type="\u0000.x", clearance="top secret!", sub_element="\u0000")
    response = api("post", "/agency/opportunities", rw, json=body)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"type", "clearance", "sub_element"}
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        (_posting(salary=1), "salary"),  # unknown field
        (_posting(pay_min="lots"), "pay_min"),  # wrong type
        (_posting(pay_min=10**30), "pay_min"),  # out of range
        ({"title": "only a title"}, "type"),  # missing fields
    ],
)
def test_bad_bodies_get_a_422_naming_the_field(api, rw, body, field):
    response = api("post", "/agency/opportunities", rw, json=body)
    assert response.status_code == 422
    assert field in {error["field"] for error in response.json()["errors"]}


def test_wrong_content_type_broken_json_and_oversized_bodies_are_4xx(client, rw):
    url = "/api/v1/agency/opportunities"
    wrong = client.post(url, data="title=x", content_type="application/x-www-form-urlencoded", HTTP_AUTHORIZATION=rw)
    assert wrong.status_code == 415
    broken = client.post(url, data="{not json", content_type="application/json", HTTP_AUTHORIZATION=rw)
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["detail"]
    with override_settings(API_MAX_BODY_BYTES=2048):
        big = client.post(url, data='{"title": "' + "x" * 5000 + '"}', content_type="application/json",
                          HTTP_AUTHORIZATION=rw)  # fmt: skip
    assert big.status_code == 413
    assert not Opportunity.objects.exists()


def test_a_patch_changes_only_what_it_sends_and_is_checked_whole(api, rw, personas):
    posting = OpportunityFactory(agency=personas.agency_a, title="Old title", skills="budget")
    response = api("patch", f"/agency/opportunities/{posting.pk}", rw, json={"title": "New title"})
    assert response.status_code == 200, response.content
    posting.refresh_from_db()
    assert posting.title == "New title" and posting.skills == "budget"
    refused = api("patch", f"/agency/opportunities/{posting.pk}", rw, json={"pay_min": 200000, "pay_max": 100000})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "pay_max"


def test_publish_close_and_fill_follow_the_model_transitions(api, rw, personas):
    posting = OpportunityFactory(agency=personas.agency_a)
    base = f"/agency/opportunities/{posting.pk}"
    assert api("post", f"{base}/close", rw).status_code == 409  # a draft cannot be closed
    assert api("post", f"{base}/publish", rw).json()["status"] == "open"
    assert api("post", f"{base}/publish", rw).status_code == 409
    assert api("post", f"{base}/close", rw).json()["status"] == "closed"
    outsider = api("post", f"{base}/fill", rw, json={"selected_executive": personas.outsider.pk})
    assert outsider.status_code == 422
    assert api("post", f"{base}/fill", rw, json={"selected_executive": None}).json()["status"] == "filled"
    actions = set(AuditEvent.objects.for_object(posting).values_list("action", flat=True))
    assert {"opportunity.published", "opportunity.closed", "opportunity.filled"} <= actions


def test_the_agency_list_filters_by_status_and_pages_with_a_cursor(api, rw, personas):
    for number in range(23):
        OpenOpportunityFactory(agency=personas.agency_a, title=f"Open {number}")
    OpportunityFactory(agency=personas.agency_a, title="A draft")
    OpenOpportunityFactory(agency=personas.agency_b, title="Not ours")
    first = api("get", "/agency/opportunities?status=open", rw).json()
    assert first["total"] == 23 and len(first["items"]) == 20
    second = api("get", f"/agency/opportunities?status=open&cursor={first['next_cursor']}", rw).json()
    assert len(second["items"]) == 3 and second["next_cursor"] is None
    titles = {item["title"] for item in first["items"] + second["items"]}
    assert "A draft" not in titles and "Not ours" not in titles and len(titles) == 23
    assert api("get", "/agency/opportunities?cursor=bm9wZQ", rw).status_code == 400


def test_the_pipeline_reads_and_moves_a_candidate(api, rw, personas):
    posting = OpenOpportunityFactory(agency=personas.agency_a)
    interest = InterestFactory(opportunity=posting, executive=personas.executive)
    interest.record(None, "interested", by=personas.executive)
    listed = api("get", f"/agency/opportunities/{posting.pk}/interests", rw).json()
    assert listed["items"][0]["status"] == "interested"
    assert set(listed["items"][0]["allowed_moves"]) == {"reviewing", "not_selected"}
    url = f"/agency/opportunities/{posting.pk}/interests/{interest.pk}/move"
    assert api("post", url, rw, json={"status": "selected"}).status_code == 409
    moved = api("post", url, rw, json={"status": "reviewing"})
    assert moved.status_code == 200 and moved.json()["status"] == "reviewing"
    assert [step["to_status"] for step in moved.json()["history"]] == ["interested", "reviewing"]
    assert AuditEvent.objects.filter(action="interest.moved", actor=personas.hr_a).count() == 1


def test_best_matches_come_with_scores_and_reasons(api, rw, personas):
    posting = OpenOpportunityFactory(agency=personas.agency_a, title="Chief Information Officer")
    SharedResumeFactory(executive=personas.executive, headline="Chief Information Officer")
    response = api("get", f"/agency/opportunities/{posting.pk}/matches", rw)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["total"] == len(body["items"]) >= 1
    match = body["items"][0]
    assert 0 <= match["score"] <= 100 and match["reasons"]
    assert AuditEvent.objects.filter(action="opportunity.matches_viewed").exists()


def test_the_shortlist_takes_visible_resumes_and_exports(api, rw, personas):
    posting = OpenOpportunityFactory(agency=personas.agency_a)
    resume = SharedResumeFactory(executive=personas.executive)
    url = f"/agency/opportunities/{posting.pk}/shortlist"
    added = api("post", url, rw, json={"resume": resume.pk, "note": "Strong on data."})
    assert added.status_code == 201 and added.json()["note"] == "Strong on data."
    assert api("post", url, rw, json={"resume": resume.pk}).status_code == 200
    assert ShortlistEntry.objects.count() == 1
    exported = api("get", url, rw).json()
    assert [entry["email"] for entry in exported] == [personas.executive.email]
    assert AuditEvent.objects.filter(action="opportunity.shortlist_exported").exists()


def test_reading_a_resume_is_recorded_like_a_page_view(api, rw, personas):
    resume = SharedResumeFactory(executive=personas.executive, headline="Budget Director")
    response = api("get", f"/agency/resumes/{resume.pk}", rw)
    assert response.status_code == 200
    assert response.json()["basics"]["label"] == "Budget Director"
    reading = viewing.readings_of(resume).get()
    assert reading.actor == personas.hr_a and reading.action == viewing.VIEWED
    assert reading.agency == personas.agency_a


def test_resume_search_sees_only_what_the_agency_may(api, rw, personas):
    SharedResumeFactory(executive=personas.executive, headline="Budget Director")
    SharedResumeFactory(executive=personas.outsider, headline="Budget Analyst", visibility="hidden")
    found = api("get", "/agency/resumes?q=budget", rw).json()
    assert [item["executive"] for item in found["items"]] == [personas.executive.pk]


def test_an_executive_reads_and_replaces_their_resume_in_a_session(client_as, personas):
    from django.test import Client

    client = client_as(personas.executive)
    mine = client.get("/api/v1/me/resume").json()
    mine["basics"]["label"] = "Deputy Chief Financial Officer"
    csrf = Client(enforce_csrf_checks=True)
    csrf.cookies = client.cookies
    csrf.get("/executive/")  # sets the CSRF cookie, as a page would
    token = csrf.cookies["csrftoken"].value
    import json

    response = csrf.put("/api/v1/me/resume", data=json.dumps(mine), content_type="application/json",
                        HTTP_X_CSRFTOKEN=token)  # fmt: skip
    assert response.status_code == 200, response.content
    assert personas.executive.resume.headline == "Deputy Chief Financial Officer"
    bad = csrf.put("/api/v1/me/resume", data='{"basics": []}', content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert bad.status_code == 422 and bad.json()["errors"]


@override_settings(API_RATE_LIMIT_PER_MINUTE=3)
def test_each_token_has_a_rate_limit(api, rw, personas, make_token):
    for _ in range(3):
        assert api("get", "/reference/clearance-levels", rw).status_code == 200
    refused = api("get", "/reference/clearance-levels", rw)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    other = make_token(personas.hr_b)
    assert api("get", "/reference/clearance-levels", other).status_code == 200


def test_an_unknown_api_address_is_a_problem_document(client):
    response = client.get("/api/v1/no/such/thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
