"""Migration accounts.0006 gives existing executives the agency of their approved access request."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("accounts", "0005_user_by_activity")]
AFTER = [("accounts", "0006_executive_verified_agency")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_existing_executives_get_the_agency_of_their_approved_request(reference_data):
    apps = migrate(BEFORE)
    try:
        User, AccessRequest, Agency = (
            apps.get_model("accounts", "User"),
            apps.get_model("accounts", "AccessRequest"),
            apps.get_model("core", "Agency"),
        )
        commerce, agriculture = Agency.objects.get(code="CM"), Agency.objects.get(code="AG")

        def executive(email, agency=None, *, status="approved", left_ses_on=None):
            user = User.objects.create(email=email, full_name=email, role="executive", agency=agency)
            AccessRequest.objects.create(
                role="executive", full_name=email, email=email, agency=commerce, position_title="Director",
                verifier_name="V", verifier_title="T", verifier_email="v@agency.gov",
                privacy_acknowledged_at=timezone.now(), status=status, account=user, left_ses_on=left_ses_on,
                reviewed_at=timezone.now(),
            )  # fmt: skip
            return user.pk

        approved = executive("approved@agency.gov")
        left = executive("left@agency.gov", left_ses_on=timezone.localdate())
        already = executive("already@agency.gov", agriculture)
        no_request = User.objects.create(email="none@agency.gov", full_name="N", role="executive").pk
    finally:
        apps = migrate(AFTER)
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    agencies = dict(apps.get_model("accounts", "User").objects.values_list("pk", "agency__code"))
    assert agencies[approved] == "CM"
    assert agencies[left] is None  # they left the SES: the agency they named is where they were
    assert agencies[already] == "AG"  # one an administrator set is kept
    assert agencies[no_request] is None
