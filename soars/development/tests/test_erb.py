"""The Executive Resources Board's pages, from the reviewer's and the outsider's side."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from soars.audit.models import AuditEvent
from soars.core.models import OpportunityType
from soars.core.models.outbound_email import OutboundEmail
from soars.development.factories import assignment, goal, review, reviewer
from soars.development.models import Plan, Review

pytestmark = pytest.mark.django_db
BOARD = "/hr/development/"


def test_hr_staff_without_the_permission_are_refused(client_as, personas, executive):
    assert client_as(personas.hr_a).get(BOARD).status_code == 403
    assert client_as(personas.hr_a).get(f"{BOARD}{executive.pk}/").status_code == 404


def test_a_reviewer_sees_their_agencys_executives_only(client_as, erb, executive, personas):
    personas.outsider.agency = personas.agency_b
    personas.outsider.save()
    response = client_as(erb).get(BOARD)
    assert response.status_code == 200
    assert "Alice Executive" in response.text
    assert "Oscar Outsider" not in response.text
    assert "Never reviewed: due now" in response.text


def test_the_agency_administrator_reviews_without_a_grant(client_as, personas, executive):
    assert "Alice Executive" in client_as(personas.agency_admin).get(BOARD).text


def test_the_program_office_sees_every_executive(client_as, personas, executive):
    response = client_as(personas.site_admin).get(BOARD)
    assert "Alice Executive" in response.text and "Oscar Outsider" in response.text


def test_executives_cannot_open_the_board(client_as, executive):
    assert client_as(executive).get(BOARD).status_code == 403
    assert client_as(executive).get(f"{BOARD}{executive.pk}/").status_code == 403


def test_every_read_by_a_reviewer_is_audited_and_shown_to_the_executive(client_as, erb, executive):
    goal(executive)
    response = client_as(erb).get(f"{BOARD}{executive.pk}/")
    assert response.status_code == 200
    assert "Lead an interagency project" in response.text
    plan = Plan.of(executive)
    events = AuditEvent.objects.for_object(plan).filter(action="development_viewed")
    assert [(e.actor, e.agency) for e in events] == [(erb, erb.agency)]
    viewers = client_as(executive).get("/executive/development/viewers/")
    assert "Bob HR" in viewers.text and "Viewed your development record" in viewers.text


def test_a_pdf_download_by_a_reviewer_is_audited(client_as, erb, executive):
    response = client_as(erb).get(f"{BOARD}{executive.pk}/plan.pdf")
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="development_exported", actor=erb).count() == 1


def test_a_read_by_the_program_office_is_audited(client_as, personas, executive):
    assert client_as(personas.site_admin).get(f"{BOARD}{executive.pk}/").status_code == 200
    assert AuditEvent.objects.filter(action="development_viewed", actor=personas.site_admin).count() == 1


def test_another_agencys_hr_cannot_read_the_record(client_as, personas, executive):
    reviewer(personas.hr_b)
    assert client_as(personas.hr_b).get(f"{BOARD}{executive.pk}/").status_code == 404
    assert client_as(personas.hr_b).get(f"{BOARD}{executive.pk}/plan.pdf").status_code == 404
    assert not AuditEvent.objects.filter(action__startswith="development_").exists()


def test_a_shared_plan_is_readable_by_the_other_agency_without_its_reviews(client_as, personas, executive, erb):
    reviewer(personas.hr_b)
    goal(executive)
    review(executive, erb, held_on=date(2026, 1, 10), next_on=date(2027, 1, 10), comments="Private comments")
    Plan.of(executive).shared_with.add(personas.agency_b)
    response = client_as(personas.hr_b).get(f"{BOARD}{executive.pk}/")
    assert response.status_code == 200
    assert "Lead an interagency project" in response.text
    assert "Private comments" not in response.text
    assert "Record this year" not in response.text
    assert client_as(personas.hr_b).post(f"{BOARD}{executive.pk}/review/", {}).status_code == 404


def test_a_reviewer_of_another_agency_cannot_read_an_executive_without_an_agency(client_as, erb, personas):
    assert client_as(erb).get(f"{BOARD}{personas.outsider.pk}/").status_code == 404


def test_a_non_executive_has_no_record(client_as, erb, personas):
    assert client_as(erb).get(f"{BOARD}{personas.hr_b.pk}/").status_code == 404


def _review_data(**changes):
    today = timezone.localdate()
    data = {
        "held_on": today.isoformat(),
        "comments": "Ready for an interagency rotation next year.",
        "approved_types": [
            OpportunityType.objects.get(code="rotation").pk,
            OpportunityType.objects.get(code="detail").pk,
        ],
        "approved_notes": "A rotation to DHS.",
        "next_review_on": (today + timedelta(days=365)).isoformat(),
    }
    return data | changes


def test_a_reviewer_records_and_signs_a_review_which_the_executive_acknowledges(client_as, erb, executive):
    response = client_as(erb).post(f"{BOARD}{executive.pk}/review/", _review_data())
    assert response.status_code == 302
    saved = Review.objects.get()
    assert saved.is_signed and saved.signed_by == erb and saved.agency == executive.agency.top
    assert {t.code for t in saved.approved_types.all()} == {"rotation", "detail"}
    assert OutboundEmail.objects.filter(template="development_review_signed", to=[executive.email]).count() == 1
    assert AuditEvent.objects.filter(action="development_review_signed", actor=erb).count() == 1

    page = client_as(executive).get("/executive/development/")
    assert "Ready for an interagency rotation next year." in page.text
    assert "Acknowledge this review" in page.text
    assert client_as(executive).post(f"/executive/development/reviews/{saved.pk}/acknowledge/").status_code == 302
    saved.refresh_from_db()
    assert saved.is_acknowledged
    assert "Acknowledged by the executive" in client_as(erb).get(f"{BOARD}{executive.pk}/").text


def test_a_review_with_bad_dates_is_refused_and_keeps_the_comments(client_as, erb, executive):
    today = timezone.localdate()
    data = _review_data(next_review_on=(today - timedelta(days=1)).isoformat(), held_on="not a date")
    response = client_as(erb).post(f"{BOARD}{executive.pk}/review/", data)
    assert response.status_code == 400
    assert "Enter a valid date." in response.text
    assert "Ready for an interagency rotation next year." in response.text
    assert not Review.objects.exists()


def test_the_next_review_must_follow_this_one(client_as, erb, executive):
    today = timezone.localdate()
    response = client_as(erb).post(f"{BOARD}{executive.pk}/review/", _review_data(next_review_on=today.isoformat()))
    assert response.status_code == 400
    assert "The next review must come after this one." in response.text


def test_an_empty_review_is_refused(client_as, erb, executive):
    response = client_as(erb).post(f"{BOARD}{executive.pk}/review/", _review_data(comments="   "))
    assert response.status_code == 400
    assert not Review.objects.exists()


def test_the_program_office_reads_but_does_not_record_reviews(client_as, personas, executive):
    assert client_as(personas.site_admin).post(f"{BOARD}{executive.pk}/review/", _review_data()).status_code == 403
    assert not Review.objects.exists()


def test_an_executive_cannot_acknowledge_anothers_review_or_an_unsigned_one(client_as, erb, executive, personas):
    unsigned = review(executive, erb, held_on=date(2026, 1, 1), next_on=date(2027, 1, 1), signed=False)
    personas.outsider.agency = personas.agency_a
    personas.outsider.save()
    theirs = review(personas.outsider, erb, held_on=date(2026, 1, 1), next_on=date(2027, 1, 1))
    assert client_as(executive).post(f"/executive/development/reviews/{unsigned.pk}/acknowledge/").status_code == 404
    assert client_as(executive).post(f"/executive/development/reviews/{theirs.pk}/acknowledge/").status_code == 404
    assert "Ready for a rotation." not in client_as(executive).get("/executive/development/").text


def test_a_reviewer_confirms_an_assignment(client_as, erb, executive):
    held = assignment(executive, start=date(2021, 1, 1), end=date(2021, 6, 1), confirmed=False)
    assert client_as(erb).post(f"{BOARD}assignments/{held.pk}/confirm/").status_code == 302
    held.refresh_from_db()
    assert held.is_confirmed and held.confirmed_by == erb
    assert AuditEvent.objects.filter(action="assignment_confirmed", actor=erb).count() == 1


def test_another_agencys_reviewer_cannot_confirm(client_as, personas, executive):
    reviewer(personas.hr_b)
    held = assignment(executive, start=date(2021, 1, 1), end=date(2021, 6, 1), confirmed=False)
    assert client_as(personas.hr_b).post(f"{BOARD}assignments/{held.pk}/confirm/").status_code == 404
    held.refresh_from_db()
    assert not held.is_confirmed


def test_confirming_twice_says_so(client_as, erb, executive):
    held = assignment(executive, start=date(2021, 1, 1), end=date(2021, 6, 1))
    response = client_as(erb).post(f"{BOARD}assignments/{held.pk}/confirm/", follow=True)
    assert "already confirmed" in response.text


def test_overdue_reviews_are_marked_on_the_board(client_as, erb, executive):
    review(executive, erb, held_on=date(2024, 1, 1), next_on=date(2025, 1, 1))
    assert "Overdue since January 1, 2025" in client_as(erb).get(BOARD).text


def test_the_options_pages_link_here_for_those_who_may_come(client_as, personas, erb):
    assert "/hr/development/" in client_as(erb).get("/hr/").text
    assert "/hr/development/" in client_as(personas.agency_admin).get("/hr/").text
    assert "/hr/development/" not in client_as(personas.hr_b).get("/hr/").text
    assert "/hr/development/" in client_as(personas.site_admin).get("/manage/").text
    assert "/executive/development/" in client_as(personas.executive).get("/executive/").text


def test_the_board_reads_a_fixed_number_of_queries_whatever_the_page_holds(client_as, erb, personas):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from soars.accounts.factories import ExecutiveFactory

    def queries_for_page_of(count: int) -> int:
        for _ in range(count):
            someone = ExecutiveFactory(agency=personas.agency_a)
            goal(someone)
            assignment(someone, start=date(2020, 1, 1), end=date(2020, 6, 1), confirmed=False)
            review(someone, erb, held_on=date(2026, 1, 1), next_on=date(2027, 1, 1))
        client = client_as(erb)
        client.get(BOARD)  # the first request of a session does its own bookkeeping
        with CaptureQueriesContext(connection) as captured:
            assert client.get(BOARD).status_code == 200
        return len(captured)

    assert queries_for_page_of(2) == queries_for_page_of(10)
