"""The work arrangements an executive accepts: saved from the editor, shown, printed, searched, exported."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from soars.resumes.factories import SharedResumeFactory, complete_resume
from soars.resumes.jsonresume import export_resume
from soars.resumes.models import Resume
from soars.resumes.pdf import render_pdf

pytestmark = pytest.mark.django_db

PREFERENCES = "/executive/resume/section/preferences/"


def _import(client, data):
    raw = json.dumps(data).encode()
    response = client.post("/executive/resume/import/", {"import-file": SimpleUploadedFile("resume.json", raw)})
    if response.status_code == 200:
        client.post("/executive/resume/import/confirm/", {"confirm": "yes"})
    return response


def test_the_preferences_form_saves_the_arrangements_ticked_and_shows_them_ticked(client_as, personas):
    client = client_as(personas.executive)
    client.post(PREFERENCES, {"preferences-arrangements": ["remote", "on_site"]})
    assert Resume.objects.get(executive=personas.executive).arrangements == ["on_site", "remote"]
    html = client.get("/executive/resume/").content.decode()
    boxes = re.findall(r'name="preferences-arrangements"[^>]* value="(\w+)"([^>]*)>', html)
    assert [(value, "checked" in rest) for value, rest in boxes] == [
        ("on_site", True),
        ("hybrid", False),
        ("remote", True),
    ]


def test_unticking_every_arrangement_leaves_none_stated(client_as, personas):
    client = client_as(personas.executive)
    client.post(PREFERENCES, {"preferences-arrangements": ["hybrid"]})
    client.post(PREFERENCES, {"preferences-locations": "Denver, CO"})
    assert Resume.objects.get(executive=personas.executive).arrangements == []


def test_an_arrangement_outside_the_choice_set_is_refused(client_as, personas):
    response = client_as(personas.executive).post(PREFERENCES, {"preferences-arrangements": ["telework"]})
    assert "Select a valid choice" in response.content.decode()
    assert Resume.objects.get(executive=personas.executive).arrangements == []


def test_the_resume_page_pdf_and_search_document_say_the_arrangements_accepted(personas):
    resume = SharedResumeFactory(arrangements=["hybrid", "remote"])
    assert resume.arrangements_text == "Hybrid or fully remote"
    assert "Hybrid or fully remote" in resume.build_search_text()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf(resume).content)).pages)
    assert "Accepts: Hybrid or fully remote" in text


def test_json_resume_carries_the_arrangements_there_and_back(client_as, personas):
    resume = complete_resume(personas.executive)
    Resume.objects.filter(pk=resume.pk).update(arrangements=["on_site", "remote"])
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    assert exported["x-federal"]["workArrangements"] == ["on_site", "remote"]
    Resume.objects.filter(pk=resume.pk).update(arrangements=["hybrid"])
    _import(client, exported)
    assert Resume.objects.get(pk=resume.pk).arrangements == ["on_site", "remote"]
    assert export_resume(Resume.objects.get(pk=resume.pk)) == exported


@pytest.mark.parametrize(
    ("old", "accepted"),
    [
        ("on_site", ["on_site"]),
        ("hybrid", ["hybrid"]),
        ("remote", ["remote"]),
        ("any", ["on_site", "hybrid", "remote"]),
    ],
)
def test_a_json_resume_from_before_reads_its_one_remote_preference_as_the_arrangements_it_named(
    client_as, personas, old, accepted
):
    resume = complete_resume(personas.executive)
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    del exported["x-federal"]["workArrangements"]
    exported["x-federal"]["remote"] = old
    _import(client, exported)
    assert Resume.objects.get(pk=resume.pk).arrangements == accepted


def test_an_unknown_arrangement_in_a_json_resume_is_reported_by_its_key(client_as, personas):
    complete_resume(personas.executive)
    client = client_as(personas.executive)
    exported = client.get("/executive/resume.json").json()
    exported["x-federal"]["workArrangements"] = ["moon base"]
    html = _import(client, exported).content.decode()
    assert "x-federal.workArrangements" in html
