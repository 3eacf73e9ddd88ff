from datetime import timedelta

import pytest
from django.utils import timezone

from soars.accounts.factories import AccessRequestFactory, AgencyAdminFactory, HrAccessRequestFactory
from soars.accounts.schedule import PERIODIC
from soars.accounts.tasks import send_reviewer_digest
from soars.accounts.tests.helpers import emails
from soars.core.schedule import claim

pytestmark = pytest.mark.django_db


def test_each_reviewer_gets_one_digest_of_the_new_requests(personas):
    AccessRequestFactory(full_name="Eve Exec")
    HrAccessRequestFactory(agency=personas.agency_a, full_name="Ann Agri")
    send_reviewer_digest.call()
    [to_admin] = emails("access_request_digest", to=personas.site_admin.email)
    assert "Eve Exec" in to_admin.text_body and "Ann Agri" in to_admin.text_body
    assert "2 new SOARS access requests" in to_admin.subject


def test_an_agency_administrator_hears_only_of_their_agency_hr_requests(personas):
    AccessRequestFactory(full_name="Eve Exec")
    HrAccessRequestFactory(agency=personas.agency_a, full_name="Ann Agri")
    HrAccessRequestFactory(agency=personas.agency_b, full_name="Ben Commerce")
    AgencyAdminFactory(agency=personas.agency_b, email="cm.admin@commerce.gov")
    send_reviewer_digest.call()
    [to_a] = emails("access_request_digest", to=personas.agency_admin.email)
    assert "Ann Agri" in to_a.text_body
    assert "Ben Commerce" not in to_a.text_body and "Eve Exec" not in to_a.text_body
    [to_b] = emails("access_request_digest", to="cm.admin@commerce.gov")
    assert "Ben Commerce" in to_b.text_body and "Ann Agri" not in to_b.text_body


def test_a_request_is_announced_once(personas):
    HrAccessRequestFactory()
    send_reviewer_digest.call()
    send_reviewer_digest.call()
    assert len(emails("access_request_digest", to=personas.site_admin.email)) == 1


def test_no_new_requests_means_no_email(personas):
    send_reviewer_digest.call()
    assert emails("access_request_digest") == []


def test_hr_staff_who_are_not_agency_administrators_get_no_digest(personas):
    HrAccessRequestFactory(agency=personas.agency_a)
    send_reviewer_digest.call()
    assert emails("access_request_digest", to=personas.hr_a.email) == []


def test_the_digest_runs_at_most_once_an_hour():
    [job] = PERIODIC
    now = timezone.now()
    assert claim(job, now)
    assert not claim(job, now + timedelta(minutes=59))
    assert claim(job, now + timedelta(minutes=61))
