"""Import from a USAJOBS search result: preview, row-and-field report, all or nothing."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from soars.opportunities import usajobs
from soars.opportunities.models import Opportunity
from soars.opportunities.tests.usajobs_samples import document, item

pytestmark = pytest.mark.django_db


def upload(client, doc, name="search.json"):
    content = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    return client.post("/hr/opportunities/import/", {"file": SimpleUploadedFile(name, content)})


def test_a_valid_file_is_previewed_without_creating_anything(client_as, personas):
    response = upload(client_as(personas.hr_a), document(item(), item(PositionTitle="Chief Forester")))
    html = response.content.decode()
    assert "2 drafts will be created" in html
    assert "Associate Administrator for Field Operations" in html and "Chief Forester" in html
    assert not Opportunity.objects.exists()


def test_confirming_creates_every_draft_for_the_importers_agency(client_as, personas):
    client = client_as(personas.hr_a)
    upload(client, document(item(), item(PositionTitle="Chief Forester")))
    response = client.post("/hr/opportunities/import/confirm/")
    assert response["Location"] == "/hr/opportunities/?status=draft"
    created = Opportunity.objects.order_by("pk")
    assert [o.title for o in created] == ["Associate Administrator for Field Operations", "Chief Forester"]
    first = created[0]
    assert first.status == "draft" and first.agency == personas.agency_a
    assert first.sub_element.code == "AG11"
    assert first.type.code == "permanent"
    assert first.locations == "Washington, DC\nDenver, CO"  # known places under their label
    assert (first.pay_min, first.pay_max, first.pay_level) == (150160, 221900, "ES")
    assert first.clearance.code == "secret"
    assert first.remote == "hybrid"  # TeleworkEligible
    assert "Direct regional foresters." in first.duties
    assert first.contact_email == "fs.executive.resources@usda.gov"
    assert first.source_url == "https://www.usajobs.gov/job/800000001"


def test_confirming_twice_imports_once(client_as, personas):
    client = client_as(personas.hr_a)
    upload(client, document(item()))
    client.post("/hr/opportunities/import/confirm/")
    client.post("/hr/opportunities/import/confirm/")
    assert Opportunity.objects.count() == 1


def test_a_malformed_file_is_reported_by_row_and_field_and_nothing_is_imported(client_as, personas):
    bad = document(
        item(),
        item(PositionTitle=None, ApplicationCloseDate="next Tuesday"),
        item(PositionRemuneration=[{"MinimumRange": "lots", "RateIntervalCode": "PA"}]),
    )
    client = client_as(personas.hr_a)
    html = upload(client, bad).content.decode()
    assert "Nothing was imported" in html
    assert "<td>2</td><td>PositionTitle</td><td>is required</td>" in html
    assert "<td>2</td><td>ApplicationCloseDate</td>" in html
    assert "<td>3</td><td>PositionRemuneration.MinimumRange</td>" in html
    assert client.post("/hr/opportunities/import/confirm/").status_code == 302
    assert not Opportunity.objects.exists()


def test_a_file_that_is_not_json_is_reported(client_as, personas):
    html = upload(client_as(personas.hr_a), b"\x89PNG\r\n\x1a\n not json", name="search.json").content.decode()
    assert "not valid JSON" in html
    assert not Opportunity.objects.exists()


def test_json_of_the_wrong_shape_is_reported(client_as, personas):
    html = upload(client_as(personas.hr_a), {"jobs": []}).content.decode()
    assert "SearchResult.SearchResultItems" in html


def test_a_file_over_2_mb_is_refused(client_as, personas):
    response = upload(client_as(personas.hr_a), b" " * (2 * 1024 * 1024 + 1))
    assert "larger than 2 MB" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"PositionOfferingType": [{"Name": "Seasonal"}]}, "PositionOfferingType"),
        ({"PositionLocation": "Denver"}, "PositionLocation"),
        ({"PositionLocation": [{"LocationName": {"nested": 1}}]}, "PositionLocation"),
        ({"PositionTitle": ["a", {"b": 1}]}, "PositionTitle"),
        ({"PositionURI": "javascript:alert(1)"}, "PositionURI"),
        ({"ApplicationCloseDate": "2001-01-01"}, "ApplicationCloseDate"),
        ({"Details_SecurityClearance": "Ultra"}, "UserArea.Details.SecurityClearance"),
        ({"Details_TeleworkEligible": "maybe"}, "UserArea.Details.TeleworkEligible"),
        ({"Details_AgencyContactEmail": "not-an-address"}, "UserArea.Details.AgencyContactEmail"),
        (
            {"PositionRemuneration": [{"MinimumRange": "1", "RateIntervalCode": "PH"}]},
            "PositionRemuneration.RateIntervalCode",
        ),
    ],
)
def test_each_malformed_field_is_named(personas, overrides, field):
    result = usajobs.parse(json.dumps(document(item(), item(**overrides))), personas.agency_a)
    assert [(p.row, p.field) for p in result.problems] == [(2, field)]
    assert not result.ok


def test_an_item_that_is_not_an_object_is_reported():
    from soars.core.models import Agency

    result = usajobs.parse(json.dumps(document(item(), "oops")), Agency.objects.get(code="AG"))
    assert [(p.row, p.field) for p in result.problems] == [(2, "MatchedObjectDescriptor")]


def test_create_is_all_or_nothing(personas, monkeypatch):
    result = usajobs.parse(json.dumps(document(item(), item(PositionTitle="Second"))), personas.agency_a)
    real_create = Opportunity.objects.create
    calls = []

    def failing_create(**values):
        calls.append(values["title"])
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_create(**values)

    monkeypatch.setattr(Opportunity.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        usajobs.create(result.drafts, by=personas.hr_a)
    assert not Opportunity.objects.exists()


def test_hostile_text_in_an_announcement_is_escaped_in_the_preview(client_as, personas):
    html = upload(
        client_as(personas.hr_a), document(item(PositionTitle="<img src=x onerror=alert(1)>"))
    ).content.decode()
    assert "<img src=x onerror" not in html


@pytest.mark.parametrize(
    ("telework", "remote", "arrangement"),
    [
        (True, None, "hybrid"),
        ("true", False, "hybrid"),
        (False, None, "on_site"),
        (None, None, "on_site"),
        (False, True, "remote"),
        (True, "True", "remote"),
    ],
)
def test_the_telework_and_remote_indicators_become_one_work_arrangement(personas, telework, remote, arrangement):
    details = {"Details_TeleworkEligible": telework, "Details_RemoteIndicator": remote}
    found = item(**{key: value for key, value in details.items() if value is not None})
    if telework is None:
        del found["MatchedObjectDescriptor"]["UserArea"]["Details"]["TeleworkEligible"]
    result = usajobs.parse(json.dumps(document(found)), personas.agency_a)
    assert result.problems == []
    assert [draft.values["remote"] for draft in result.drafts] == [arrangement]
