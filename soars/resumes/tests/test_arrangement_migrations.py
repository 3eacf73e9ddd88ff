"""Migrations opportunities.0004 and resumes.0006 map the old work-arrangement values onto the one choice set."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("opportunities", "0003_search_columns"), ("resumes", "0004_search_columns_locations")]
AFTER = [("opportunities", "0004_work_arrangement"), ("resumes", "0006_accepted_work_arrangements")]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_each_old_value_becomes_its_arrangement_on_postings_and_resumes(reference_data):
    apps = migrate(BEFORE)
    try:
        User, Resume = apps.get_model("accounts", "User"), apps.get_model("resumes", "Resume")
        Opportunity = apps.get_model("opportunities", "Opportunity")
        agency = apps.get_model("core", "Agency").objects.get(code="AG")
        kind = apps.get_model("core", "OpportunityType").objects.get(code="detail")
        postings = {}
        for old in ("on_site", "telework", "remote"):
            postings[old] = Opportunity.objects.create(
                agency=agency, title=old, type=kind, description="d", remote=old,
                closes_on=datetime.date(2027, 1, 1), contact_name="C", contact_email="c@agency.gov",
            ).pk  # fmt: skip
        resumes = {}
        for old in ("on_site", "hybrid", "remote", "any", ""):
            executive = User.objects.create(email=f"{old or 'none'}@agency.gov", full_name=old, role="executive")
            resumes[old] = Resume.objects.create(executive=executive, remote=old).pk
    finally:
        apps = migrate(AFTER)
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    offered = dict(apps.get_model("opportunities", "Opportunity").objects.values_list("pk", "remote"))
    assert {old: offered[pk] for old, pk in postings.items()} == {
        "on_site": "on_site",
        "telework": "hybrid",
        "remote": "remote",
    }
    accepted = dict(apps.get_model("resumes", "Resume").objects.values_list("pk", "arrangements"))
    assert {old: accepted[pk] for old, pk in resumes.items()} == {
        "on_site": ["on_site"],
        "hybrid": ["hybrid"],
        "remote": ["remote"],
        "any": ["on_site", "hybrid", "remote"],
        "": [],
    }
