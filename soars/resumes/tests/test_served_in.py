"""HR resume search's "Served in" filter: a department includes its sub-elements (issue 17, item 11)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency
from soars.core.testing import run_tasks
from soars.resumes.factories import PositionFactory, SharedResumeFactory
from soars.resumes.models import Resume
from soars.resumes.tests.test_search_page import _count, _page
from soars.saved_searches import alerts

pytestmark = pytest.mark.django_db


def _served_in(code: str) -> Resume:
    resume = SharedResumeFactory(executive=ExecutiveFactory())
    PositionFactory(resume=resume, agency=Agency.objects.get(code=code))
    return resume


def test_choosing_a_department_finds_service_recorded_under_its_bureaus(client_as, personas):
    fiscal_service = _served_in("TRFD")  # Bureau of the Fiscal Service, part of Treasury (TR)
    treasury = _served_in("TR")
    _served_in("CM54")  # NOAA, part of Commerce
    html = _page(client_as, personas, "served_in=TR")
    assert _count(html) == 2
    assert f"/hr/resumes/{fiscal_service.pk}/" in html and f"/hr/resumes/{treasury.pk}/" in html


def test_choosing_a_bureau_finds_that_bureau_only(client_as, personas):
    fiscal_service = _served_in("TRFD")
    _served_in("TR")
    _served_in("TR93")  # IRS
    html = _page(client_as, personas, "served_in=TRFD")
    assert _count(html) == 1 and f"/hr/resumes/{fiscal_service.pk}/" in html


def test_a_department_is_offered_with_its_bureaus_counted(client_as, personas):
    _served_in("TRFD")
    _served_in("TR93")
    html = _page(client_as, personas)
    assert "Department of the Treasury (2)" in html  # no position is recorded under Treasury itself
    assert "Bureau of the Fiscal Service (1)" in html


def test_a_department_count_never_exceeds_the_results(client_as, personas):
    resume = _served_in("TRFD")
    PositionFactory(resume=resume, agency=Agency.objects.get(code="TR93"))  # two Treasury bureaus, one resume
    assert "Department of the Treasury (1)" in _page(client_as, personas)


def test_a_saved_resume_search_alerts_service_under_a_bureau(personas, django_capture_on_commit_callbacks):
    alerts.create(personas.hr_a, "resume", "served_in=TR", "Treasury people", "daily")
    fiscal_service = _served_in("TRFD")
    with django_capture_on_commit_callbacks(execute=True):
        alerts.send_due(timezone.now() + timedelta(days=1))
    run_tasks()
    assert len(mail.outbox) == 1 and f"/hr/resumes/{fiscal_service.pk}/" in mail.outbox[0].body
