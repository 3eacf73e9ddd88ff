"""JSON Resume: export with federal extension keys, import with a preview and a per-field error report."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from soars.resumes.factories import complete_resume
from soars.resumes.jsonresume import export_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


def _import(client, data, *, confirm=True):
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    response = client.post("/executive/resume/import/", {"import-file": SimpleUploadedFile("resume.json", raw)})
    if confirm and response.status_code == 200:
        return client.post("/executive/resume/import/confirm/", {"confirm": "yes"})
    return response


def test_the_export_uses_standard_keys_and_federal_extensions(client_as, personas):
    complete_resume(personas.executive)
    data = client_as(personas.executive).get("/executive/resume.json").json()
    assert data["basics"]["label"] == "Chief Information Officer"
    assert data["work"][0]["x-series"] == "2210" and data["work"][0]["x-payPlan"] == "ES"
    assert data["x-federal"]["clearance"] == "secret"
    assert len(data["x-federal"]["ecqStatements"]) == 5


def test_export_then_import_gives_back_the_same_resume(client_as, personas):
    resume = complete_resume(personas.executive)
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    Resume.objects.filter(pk=resume.pk).update(headline="Changed", summary="", skills=[])
    resume.positions.all().delete()
    resume.ecq_statements.all().delete()
    _import(client, exported)
    assert export_resume(Resume.objects.get(pk=resume.pk)) == exported


def test_the_import_shows_what_changes_before_saving(client_as, personas):
    resume = complete_resume(personas.executive)
    client = client_as(personas.executive)
    data = client.get("/executive/resume.json").json()
    data["basics"]["label"] = "Chief Operating Officer"
    response = _import(client, data, confirm=False)
    html = response.content.decode()
    assert "Chief Operating Officer" in html and "Chief Information Officer" in html
    resume.refresh_from_db()
    assert resume.headline == "Chief Information Officer"


def test_cancelling_an_import_changes_nothing(client_as, personas):
    resume = complete_resume(personas.executive)
    client = client_as(personas.executive)
    data = client.get("/executive/resume.json").json()
    data["basics"]["label"] = "Something else"
    _import(client, data, confirm=False)
    client.post("/executive/resume/import/confirm/", {"confirm": "no"})
    resume.refresh_from_db()
    assert resume.headline == "Chief Information Officer"


def test_the_import_keeps_sharing_choices(client_as, personas):
    resume = complete_resume(personas.executive, visibility=Resume.Visibility.HIDDEN)
    client = client_as(personas.executive)
    data = client.get("/executive/resume.json").json()
    _import(client, data)
    resume.refresh_from_db()
    assert resume.visibility == Resume.Visibility.HIDDEN


def test_malformed_json_is_reported_with_its_position(client_as, personas):
    response = _import(client_as(personas.executive), b'{"basics": {"label": "x",}}')
    assert response.status_code == 400
    assert "not valid JSON" in response.content.decode() and "line 1" in response.content.decode()


def test_each_bad_field_is_reported_by_its_key(client_as, personas):
    data = {
        "basics": {"label": "x" * 300},
        "work": [{"name": "USDA", "position": "Director", "startDate": "not a date"}],
        "x-federal": {"clearance": "ultra", "ecqStatements": [{"ecq": "NOPE"}]},
    }
    response = _import(client_as(personas.executive), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "basics.label" in html
    assert "work[0].startDate: Enter a valid date." in html
    assert "x-federal.clearance: unknown code" in html


def test_wrong_types_are_reported_not_crashed(client_as, personas):
    for data in ([1, 2], {"work": "a string"}, {"work": [5]}, {"basics": []}, {"skills": [{"name": {"a": 1}}]}):
        response = _import(client_as(personas.executive), data)
        assert response.status_code == 400, data


def test_a_list_where_text_belongs_is_reported_by_its_key(client_as, personas):
    response = _import(client_as(personas.executive), {"basics": {"summary": ["a", "b"]}})
    assert "basics.summary: expected text, not list." in response.content.decode()


def test_a_failed_import_changes_nothing(client_as, personas):
    resume = complete_resume(personas.executive)
    _import(client_as(personas.executive), {"basics": {"label": "New"}, "work": [{"startDate": "bad"}]})
    resume.refresh_from_db()
    assert resume.headline == "Chief Information Officer" and resume.positions.count() == 2


def test_a_file_that_is_not_utf8_text_is_refused(client_as, personas):
    response = _import(client_as(personas.executive), b"\xff\xfe\x00binary")
    assert "not text in UTF-8" in response.content.decode()


def test_confirming_without_a_checked_file_imports_nothing(client_as, personas):
    response = client_as(personas.executive).post("/executive/resume/import/confirm/", {"confirm": "yes"})
    assert response.status_code == 302


def test_an_imported_position_is_in_the_search_index(client_as, personas):
    from soars.search.engine import search

    resume = complete_resume(personas.executive)
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    exported["work"][0]["summary"] = "Charted the bathymetry of every federal reservoir."
    _import(client, exported)
    found = search(Resume.objects.visible_to_agency(personas.agency_b), "bathymetry", kind="resume")
    assert list(found.values_list("pk", flat=True)) == [resume.pk]
