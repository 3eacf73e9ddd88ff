"""USAJOBS search API documents for the import tests."""

from datetime import timedelta

from django.utils import timezone


def item(**overrides) -> dict:
    closes = (timezone.localdate() + timedelta(days=30)).isoformat()
    descriptor = {
        "PositionID": "AG-2026-0001",
        "PositionTitle": "Associate Administrator for Field Operations",
        "PositionURI": "https://www.usajobs.gov/job/800000001",
        "PositionLocation": [
            {"LocationName": "Washington, District of Columbia"},
            {"LocationName": "Denver, Colorado"},
        ],
        "OrganizationName": "Forest Service",
        "DepartmentName": "Department of Agriculture",
        "JobCategory": [{"Name": "Miscellaneous Administration And Program", "Code": "0301"}],
        "JobGrade": [{"Code": "ES"}],
        "PositionSchedule": [{"Name": "Full-time", "Code": "1"}],
        "PositionOfferingType": [{"Name": "Permanent", "Code": "15317"}],
        "QualificationSummary": "Executive core qualifications are required.",
        "PositionRemuneration": [{"MinimumRange": "150160.0", "MaximumRange": "221900.0", "RateIntervalCode": "PA"}],
        "PositionStartDate": "2026-01-02T00:00:00.0000",
        "PositionEndDate": closes + "T23:59:59.9970",
        "ApplicationCloseDate": closes + "T23:59:59.9970",
        "UserArea": {
            "Details": {
                "JobSummary": "Lead field operations across 150 national forests.",
                "MajorDuties": ["Direct regional foresters.", "Manage a budget of $2 billion."],
                "TeleworkEligible": True,
                "SecurityClearance": "Secret",
                "AgencyContactEmail": "fs.executive.resources@usda.gov",
            }
        },
    }
    for key, value in overrides.items():
        if key.startswith("Details_"):
            descriptor["UserArea"]["Details"][key.removeprefix("Details_")] = value
        elif value is None:
            descriptor.pop(key, None)
        else:
            descriptor[key] = value
    return {"MatchedObjectId": "800000001", "MatchedObjectDescriptor": descriptor}


def document(*items) -> dict:
    return {"LanguageCode": "EN", "SearchResult": {"SearchResultCount": len(items), "SearchResultItems": list(items)}}
