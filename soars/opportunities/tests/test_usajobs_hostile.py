"""Hostile USAJOBS files get the import's own list of problems, never a server error (issue 17, item 6).

Each file is uploaded through the import page as HR staff would: the page answers 200 with the
problems by row and field, nothing is imported, and confirming afterwards imports nothing.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from soars.opportunities.models import Opportunity
from soars.opportunities.tests.usajobs_samples import document, item

pytestmark = pytest.mark.django_db


def nested(depth: int):
    value = "x"
    for _ in range(depth):
        value = [value]
    return value


def blank(doc: dict) -> dict:
    """The item with every field of the descriptor (and of its UserArea.Details) null."""
    descriptor = doc["MatchedObjectDescriptor"]
    details = {key: None for key in descriptor["UserArea"]["Details"]}
    return {"MatchedObjectDescriptor": {**{key: None for key in descriptor}, "UserArea": {"Details": details}}}


def raw(text: str) -> bytes:
    return text.encode()


def with_item(**overrides) -> bytes:
    return json.dumps(document(item(), item(**overrides))).encode()


# (name, file, [(row, field)] expected among the problems; row None is the whole file)
CORPUS = [
    ("deeply nested arrays", raw("[" * 100_000), [(None, "file")]),
    ("deeply nested arrays, closed", raw("[" * 100_000 + "]" * 100_000), [(None, "file")]),
    ("deeply nested objects", raw('{"a":' * 50_000 + "1" + "}" * 50_000), [(None, "file")]),
    ("a field nested 200 deep", json.dumps(document(item(PositionTitle=nested(200)))).encode(), [(None, "file")]),
    ("UserArea is text", with_item(UserArea="x"), [(2, "UserArea")]),
    ("UserArea is a list", with_item(UserArea=[]), [(2, "UserArea")]),
    ("UserArea is a number", with_item(UserArea=7), [(2, "UserArea")]),
    ("Details is text", with_item(UserArea={"Details": "x"}), [(2, "UserArea.Details")]),
    ("Details is a list", with_item(UserArea={"Details": [{"JobSummary": "x"}]}), [(2, "UserArea.Details")]),
    (
        "descriptor is a list",
        raw(json.dumps(document(item(), {"MatchedObjectDescriptor": []}))),
        [(2, "MatchedObjectDescriptor")],
    ),
    (
        "descriptor is empty",
        raw(json.dumps(document({"MatchedObjectDescriptor": {}}))),
        [(1, "PositionTitle"), (1, "ApplicationCloseDate")],
    ),
    ("SearchResult is a list", raw('{"SearchResult": []}'), [(None, "SearchResult.SearchResultItems")]),
    (
        "items is an object",
        raw('{"SearchResult": {"SearchResultItems": {"a": 1}}}'),
        [(None, "SearchResult.SearchResultItems")],
    ),
    ("pay is an object", with_item(PositionRemuneration={"MinimumRange": "1"}), [(2, "PositionRemuneration")]),
    ("pay is a list of text", with_item(PositionRemuneration=["150000"]), [(2, "PositionRemuneration")]),
    ("locations is an object", with_item(PositionLocation={"LocationName": "Denver"}), [(2, "PositionLocation")]),
    ("title is a number", with_item(PositionTitle=5), [(2, "PositionTitle")]),
    ("title is true", with_item(PositionTitle=True), [(2, "PositionTitle")]),
    ("title is an object", with_item(PositionTitle={"en": "Director"}), [(2, "PositionTitle")]),
    ("closing date is a number", with_item(ApplicationCloseDate=20270101), [(2, "ApplicationCloseDate")]),
    ("web address is a number", with_item(PositionURI=9), [(2, "PositionURI")]),
    ("organization is a number", with_item(OrganizationName=11), [(2, "OrganizationName")]),
    ("department is a list of numbers", with_item(DepartmentName=[1, 2]), [(2, "DepartmentName")]),
    ("grade code is a number", with_item(JobGrade=[{"Code": 15}]), [(2, "JobGrade")]),
    (
        "offering type name is a number",
        with_item(PositionOfferingType=[{"Name": 15317}]),
        [(2, "PositionOfferingType")],
    ),
    (
        "pay is true",
        with_item(PositionRemuneration=[{"MinimumRange": True}]),
        [(2, "PositionRemuneration.MinimumRange")],
    ),
    (
        "pay is a list",
        with_item(PositionRemuneration=[{"MaximumRange": [1]}]),
        [(2, "PositionRemuneration.MaximumRange")],
    ),
    ("summary is a number", with_item(Details_JobSummary=3), [(2, "UserArea.Details.JobSummary")]),
    ("duties are numbers", with_item(Details_MajorDuties=[1, 2]), [(2, "UserArea.Details.MajorDuties")]),
    ("clearance is a number", with_item(Details_SecurityClearance=3), [(2, "UserArea.Details.SecurityClearance")]),
    ("telework is a number", with_item(Details_TeleworkEligible=1), [(2, "UserArea.Details.TeleworkEligible")]),
    ("telework is a list", with_item(Details_TeleworkEligible=[True]), [(2, "UserArea.Details.TeleworkEligible")]),
    ("remote is a number", with_item(Details_RemoteIndicator=1), [(2, "UserArea.Details.RemoteIndicator")]),
    (
        "contact email is a number",
        with_item(Details_AgencyContactEmail=5),
        [(2, "UserArea.Details.AgencyContactEmail")],
    ),
    ("contact name is an object", with_item(Details_AgencyContactName={}), [(2, "UserArea.Details.AgencyContactName")]),
    ("the document is null", raw("null"), [(None, "SearchResult.SearchResultItems")]),
    ("SearchResult is null", raw('{"SearchResult": null}'), [(None, "SearchResult.SearchResultItems")]),
    (
        "items are null",
        raw('{"SearchResult": {"SearchResultItems": null}}'),
        [(None, "SearchResult.SearchResultItems")],
    ),
    ("an item is null", raw('{"SearchResult": {"SearchResultItems": [null]}}'), [(1, "MatchedObjectDescriptor")]),
    (
        "the descriptor is null",
        raw('{"SearchResult": {"SearchResultItems": [{"MatchedObjectDescriptor": null}]}}'),
        [(1, "MatchedObjectDescriptor")],
    ),
    (
        "every field is null",
        json.dumps(document(blank(item()))).encode(),
        [(1, "PositionTitle"), (1, "ApplicationCloseDate")],
    ),
    (
        "null inside lists",
        with_item(PositionLocation=[None], JobGrade=[None]),
        [(2, "PositionLocation"), (2, "JobGrade")],
    ),
    ("NaN pay", raw(json.dumps(document(item())).replace('"150160.0"', "NaN")), [(None, "file")]),
    ("Infinity pay", raw(json.dumps(document(item())).replace('"150160.0"', "-Infinity")), [(None, "file")]),
    ("a number of 5,000 digits", raw('{"SearchResult": {"SearchResultCount": ' + "9" * 5000 + "}}"), [(None, "file")]),
    (
        "pay of 1e999",
        raw(json.dumps(document(item())).replace('"150160.0"', "1e999")),
        [(1, "PositionRemuneration.MinimumRange")],
    ),
    ("NUL in the title", with_item(PositionTitle="Director\u0000"), [(2, "PositionTitle")]),
    (
        "a lone surrogate in the title",
        raw(json.dumps(document(item(PositionTitle="Director \ud800")))),
        [(1, "PositionTitle")],
    ),
    (
        "a lone surrogate in the closing date",
        raw(json.dumps(document(item(ApplicationCloseDate="\udfff2027")))),
        [(1, "ApplicationCloseDate")],
    ),
    (
        "a lone surrogate in the pay",
        raw(json.dumps(document(item(PositionRemuneration=[{"MinimumRange": "\ud800"}])))),
        [(1, "PositionRemuneration.MinimumRange")],
    ),
    (
        "an escape character in the duties",
        with_item(Details_MajorDuties=["Lead\u001b[31m"]),
        [(2, "UserArea.Details.MajorDuties")],
    ),
    ("a top-level list", raw("[]"), [(None, "SearchResult.SearchResultItems")]),
    ("a top-level string", raw('"hello"'), [(None, "SearchResult.SearchResultItems")]),
    ("not UTF-8", b'{"a": "\xff\xfe"}', [(None, "file")]),
]


def upload(client, content: bytes):
    return client.post("/hr/opportunities/import/", {"file": SimpleUploadedFile("search.json", content)})


@pytest.mark.parametrize(("content", "expected"), [pytest.param(c, e, id=n) for n, c, e in CORPUS])
def test_a_hostile_file_gets_its_problems_listed_and_nothing_is_imported(client_as, personas, content, expected):
    client = client_as(personas.hr_a)
    response = upload(client, content)
    assert response.status_code == 200
    problems = response.context["result"].problems
    assert set(expected) <= {(problem.row, problem.field) for problem in problems}
    html = response.content.decode()
    assert "Nothing was imported" in html
    for row, field in expected:
        assert f"<td>{row or 'whole file'}</td><td>{field}</td>" in html
    assert client.post("/hr/opportunities/import/confirm/").status_code == 302
    assert not Opportunity.objects.exists()


def test_an_empty_file_is_refused_by_the_form(client_as, personas):
    response = upload(client_as(personas.hr_a), b"")
    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()
    assert not Opportunity.objects.exists()
