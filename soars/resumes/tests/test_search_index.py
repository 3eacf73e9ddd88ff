"""Resumes in the search index: every save updates the document in the same transaction,
and a resume the searcher's agency may not see is never found or counted."""

import pytest
from django.db import connection, transaction

from soars.resumes.factories import ResumeFactory, SharedResumeFactory, complete_resume
from soars.resumes.models import Resume
from soars.search.engine import find, search
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def _found(agency, text) -> set[int]:
    return set(search(Resume.objects.visible_to_agency(agency), text, kind="resume").values_list("pk", flat=True))


def test_a_saved_resume_is_findable_by_its_headline(personas):
    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    assert _found(personas.agency_b, "zeppelin") == {resume.pk}


def test_a_changed_headline_is_found_and_the_old_one_is_not(personas):
    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    resume.headline = "Chief Submarine Officer"
    resume.save()
    assert _found(personas.agency_b, "submarine") == {resume.pk}
    assert _found(personas.agency_b, "zeppelin") == set()


def test_a_rolled_back_change_is_not_found(personas):
    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    with pytest.raises(RuntimeError), transaction.atomic():
        resume.headline = "Chief Submarine Officer"
        resume.save()
        raise RuntimeError("the request failed")
    assert _found(personas.agency_b, "submarine") == set()
    assert _found(personas.agency_b, "zeppelin") == {resume.pk}


def test_a_position_added_in_the_editor_is_findable(client_as, personas):
    SharedResumeFactory(executive=personas.executive)
    from soars.core.models import Agency

    client_as(personas.executive).post(
        "/executive/resume/positions/add/",
        {
            "title": "Director",
            "employer": "Department of Commerce",
            "agency": Agency.objects.get(code="CM").pk,
            "series": "0340",
            "pay_plan": "ES",
            "level": "00",
            "start_date": "2019-04-01",
            "end_date": "",
            "accomplishments": "Rebuilt the hydrographic survey fleet.",
        },
    )
    assert _found(personas.agency_b, "hydrographic") == {personas.executive.resume.pk}


def test_an_ecq_statement_saved_in_the_editor_is_findable(client_as, personas):
    resume = complete_resume(personas.executive)
    ecq = resume.ecq_framework.ecqs.first()
    client_as(personas.executive).post(
        f"/executive/resume/ecqs/{ecq.pk}/",
        {"challenge": "A fjord crossing.", "context": "Remote.", "action": "I planned.", "result": "Done."},
    )
    assert _found(personas.agency_b, "fjord") == {resume.pk}


def test_a_deleted_resume_leaves_no_search_document(personas):
    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    pk = resume.pk
    resume.delete()
    assert not SearchDocument.objects.filter(kind="resume", object_id=pk).exists()


def test_a_hidden_resume_is_never_found(personas):
    ResumeFactory(headline="Chief Zeppelin Officer", visibility=Resume.Visibility.HIDDEN)
    assert _found(personas.agency_b, "zeppelin") == set()
    assert _found(personas.agency_b, "-submarine") == set()


def test_a_resume_shared_with_another_agency_is_never_found_by_an_outsider(personas):
    resume = ResumeFactory(headline="Chief Zeppelin Officer", visibility=Resume.Visibility.CHOSEN_AGENCIES)
    resume.visible_agencies.set([personas.agency_a])
    assert _found(personas.agency_a, "zeppelin") == {resume.pk}
    assert _found(personas.hr_b.agency, "zeppelin") == set()


def test_a_hidden_resume_is_never_counted_in_facets(personas):
    hidden = complete_resume(personas.executive)
    hidden.visibility = Resume.Visibility.HIDDEN
    hidden.save()
    visible = Resume.objects.visible_to_agency(personas.hr_b.agency)
    fields = ["ecq_statements__ecq__code", "clearance__code", "competencies__code"]
    facets = find(visible, "", kind="resume", facets=fields).facets
    assert facets == {"ecq_statements__ecq__code": [], "clearance__code": [], "competencies__code": []}


def test_rebuilding_the_index_restores_a_lost_resume_document(personas):
    from io import StringIO

    from django.core.management import call_command

    resume = SharedResumeFactory(headline="Chief Zeppelin Officer")
    SearchDocument.objects.filter(kind="resume").delete()
    call_command("rebuild_search_index", "resume", "--no-progress", stdout=StringIO())
    assert _found(personas.agency_b, "zeppelin") == {resume.pk}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
def test_a_location_filter_reads_resumes_from_the_covering_index_alone(personas):
    from soars.resumes import filters

    SharedResumeFactory(headline="Budget officer", locations=["Denver, CO"])
    criteria = {"location": "Denver", "remote": "on"}
    results = filters.search_resumes(Resume.objects.visible_to_agency(personas.agency_a), criteria)
    sql, params = results.values_list("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall() if "resumes_resume " in f"{row[-1]} "]
    assert plan and all("COVERING INDEX resume_" in step for step in plan), plan
