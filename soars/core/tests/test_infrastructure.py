"""Settings helpers, reference data, audit trail, periodic jobs and demo data."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone

from soars.accounts.models import User
from soars.audit.log import record
from soars.audit.models import AppendOnlyError, AuditEvent
from soars.core import schedule
from soars.core.models import Agency, Competency, EcqFramework, OpportunityType, ScheduledRun, WhatsNewPost
from soars.env import env_bool, env_int, env_list


def test_env_bool_refuses_a_value_it_cannot_read(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG")


def test_env_int_checks_its_minimum(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("SOME_NUMBER", 5, minimum=1)
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("SOME_NUMBER", 5)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("SOME_LIST", " a.gov, b.mil ,,")
    assert env_list("SOME_LIST", []) == ["a.gov", "b.mil"]


@pytest.mark.django_db
def test_reference_data_has_departments_agencies_and_both_frameworks():
    assert Agency.objects.filter(kind="department").count() == 15
    assert Agency.objects.filter(kind="independent").count() >= 10
    assert Agency.objects.get(code="AG").sub_elements.count() >= 3
    old, new = EcqFramework.objects.get(code="2006"), EcqFramework.objects.get(code="2025")
    assert [e.name for e in old.ecqs.all()] == [
        "Leading Change",
        "Leading People",
        "Results Driven",
        "Business Acumen",
        "Building Coalitions",
    ]
    assert Competency.objects.filter(framework=old, ecq__isnull=False).count() == 22
    assert Competency.objects.filter(framework=old, ecq__isnull=True).count() == 6
    assert new.ecqs.count() == 5 and new.is_current


@pytest.mark.django_db
def test_loading_reference_data_twice_changes_nothing():
    before = Agency.objects.count(), Competency.objects.count()
    call_command("load_reference", verbosity=0)
    assert (Agency.objects.count(), Competency.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "days", "ok"),
    [
        ("limited_emergency", 548, True),
        ("limited_emergency", 549, False),
        ("limited_term", 1096, False),
        ("rotation", 119, False),
        ("rotation", 120, True),
        ("ipa", 731, False),
        ("permanent", None, True),
    ],
)
def test_opportunity_types_know_their_duration_rules(code, days, ok):
    problem = OpportunityType.objects.get(code=code).duration_problem(days)
    assert (problem is None) == ok


@pytest.mark.django_db
def test_an_ipa_assignment_may_be_extended_to_four_years():
    ipa = OpportunityType.objects.get(code="ipa")
    assert ipa.duration_problem(1400, extended=True) is None
    assert ipa.duration_problem(1462, extended=True) is not None


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted(personas):
    event = record("resume.viewed", actor=personas.hr_a, obj=personas.executive, agency=personas.agency_a)
    event.action = "something.else"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().action == "resume.viewed"


@pytest.mark.django_db
def test_audit_events_name_actor_object_and_agency(personas):
    event = record("resume.viewed", actor=personas.hr_a, obj=personas.executive, agency=personas.agency_a, via="web")
    assert event.actor_email == "bob.hr@usda.gov"
    assert event.object_type == "accounts.user" and event.object_id == str(personas.executive.pk)
    assert event.agency.code == "AG" and event.data == {"via": "web"}


@pytest.mark.django_db
def test_a_periodic_job_is_claimed_once_per_interval():
    job = schedule.Periodic(name="test-job", every=timedelta(hours=1), task=None)
    now = timezone.now()
    assert schedule.claim(job, now)
    assert not schedule.claim(job, now + timedelta(minutes=59))
    assert schedule.claim(job, now + timedelta(minutes=61))
    assert ScheduledRun.objects.filter(name="test-job").count() == 1


@pytest.mark.django_db
def test_whats_new_lists_published_posts_newest_first_and_hides_future_ones(client):
    now = timezone.now()
    WhatsNewPost.objects.create(title="Older", body="a", published_at=now - timedelta(days=2))
    WhatsNewPost.objects.create(title="Newer", body="b", published_at=now - timedelta(days=1))
    WhatsNewPost.objects.create(title="Scheduled", body="c", published_at=now + timedelta(days=1))
    html = client.get("/whats-new/").content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "Scheduled" not in html


@pytest.mark.django_db
def test_whats_new_is_paginated_by_ten(client):
    for n in range(11):
        WhatsNewPost.objects.create(title=f"Post number {n}", body="text")
    assert client.get("/whats-new/").content.decode().count("<article") == 10
    assert client.get("/whats-new/?page=2").content.decode().count("<article") == 1


@pytest.mark.django_db
def test_seed_demo_creates_executives_in_bulk_and_is_repeatable(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", executives=50, opportunities=0, no_progress=True, verbosity=0)
    bulk = User.objects.filter(email__endswith="@exec.demo.soars.gov")
    assert bulk.count() == 50
    assert User.objects.filter(email="executive@demo.soars.gov", role="executive").exists()
    assert User.objects.filter(role="hr", agency__code="AG").exists()
    call_command("seed_demo", executives=50, opportunities=0, no_progress=True, if_empty=True, verbosity=0)
    assert bulk.count() == 50


@pytest.mark.django_db
def test_demo_accounts_are_refused_outside_demo_mode(settings):
    from soars.accounts.demo import create_demo_accounts

    settings.DEMO_MODE = False
    with pytest.raises(RuntimeError):
        create_demo_accounts()
