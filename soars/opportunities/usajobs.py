"""Import opportunities from a USAJOBS search API result (MatchedObjectDescriptor shape).

parse(data, agency) reads every item and returns the drafts it would create
and the problems it found, each with its row (1-based item number) and field.
create(drafts, by) saves them all in one transaction: nothing is
half-imported. Imported postings are drafts: HR checks and publishes them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone

from soars.core.models import Agency, ClearanceLevel, OpportunityType, WorkArrangement
from soars.opportunities.models import Opportunity
from soars.opportunities.models.opportunity import location_list
from soars.places.forms import clean_places

# PositionOfferingType names (USAJOBS codes) to our opportunity types.
OFFERING_TYPES = {
    "permanent": "permanent",
    "term": "limited_term",
    "temporary": "limited_emergency",
    "detail": "detail",
    "rotation": "rotation",
    "ipa": "ipa",
    "fellowship": "fellowship",
}
# SecurityClearance words to our clearance codes; checked in this order.
CLEARANCES = [
    ("sci", "ts_sci"),
    ("top secret", "top_secret"),
    ("secret", "secret"),
    ("confidential", "confidential"),
    ("public trust", "public_trust"),
    ("not required", "none"),
    ("not applicable", "none"),
    ("none", "none"),
]
MAX_ROWS = 500
# A USAJOBS document nests about eight levels deep; anything much deeper is not one, and is
# refused before anything walks it.
MAX_DEPTH = 32
DETAILS = "UserArea.Details."
# Characters no announcement has, that would break a page or the database: control characters
# (tab and line breaks aside) and lone surrogates (JSON's "\ud800"), which cannot be encoded.
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass
class Problem:
    row: int | None
    field: str
    message: str


@dataclass
class Draft:
    row: int
    values: dict
    notes: list[str] = field(default_factory=list)


@dataclass
class Result:
    drafts: list[Draft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.drafts)


def _shown(value) -> str:
    """Up to 40 characters of what the file said, safe to show in a problem message."""
    return UNSAFE.sub("\N{REPLACEMENT CHARACTER}", str(value)[:40])


def _text(value, limit: int | None = None) -> str:
    """Text, or a list of texts (one a line). Numbers, true/false and objects are not text."""
    if value is None:
        return ""
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value if v is not None):
            raise TypeError("expected text")
        value = "\n".join(v for v in value if v is not None)
    if not isinstance(value, str):
        raise TypeError("expected text")
    if UNSAFE.search(value):
        raise ValueError("contains control characters or broken Unicode")
    text = value.strip()
    return text[:limit] if limit else text


def _date(value) -> date:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected a date such as 2026-05-31")
    raw = value.strip()
    try:
        return datetime.fromisoformat(raw[:19]).date() if "T" in raw else date.fromisoformat(raw[:10])
    except ValueError:
        raise ValueError(f"“{_shown(raw)}” is not a date such as 2026-05-31") from None


def _money(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError("must be an amount such as 150000.0")
    try:
        amount = float(str(value).replace(",", "").replace("$", ""))
    except ValueError:
        raise ValueError(f"“{_shown(value)}” is not an amount of money") from None
    if not 0 <= amount <= 10_000_000:  # NaN is not in range either
        raise ValueError("the amount is out of range")
    return round(amount)


class _Row:
    """Reads one MatchedObjectDescriptor, collecting problems instead of stopping at the first."""

    def __init__(self, number: int, item, result: Result):
        self.number, self.result = number, result
        self.ok = True
        descriptor = item.get("MatchedObjectDescriptor") if isinstance(item, dict) else None
        if not isinstance(descriptor, dict):
            self.fail("MatchedObjectDescriptor", "is missing or is not an object")
            descriptor = {}
        self.d = descriptor
        self.details = {}
        user_area = descriptor.get("UserArea")
        if user_area is not None and not isinstance(user_area, dict):
            self.fail("UserArea", "must be an object")
        elif user_area is not None:
            details = user_area.get("Details")
            if details is not None and not isinstance(details, dict):
                self.fail("UserArea.Details", "must be an object")
            self.details = details if isinstance(details, dict) else {}

    def fail(self, field_name: str, message: str) -> None:
        self.ok = False
        self.result.problems.append(Problem(self.number, field_name, message))

    def read(self, field_name: str, convert, source=None, required=False, prefix=""):
        raw = (source if source is not None else self.d).get(field_name)
        if raw in (None, "", []) and required:
            self.fail(prefix + field_name, "is required")
            return None
        try:
            return convert(raw) if raw not in (None, "", []) else None
        except (TypeError, ValueError) as exc:
            self.fail(prefix + field_name, str(exc) if str(exc) != "expected text" else "must be text")
            return None


def _list_of_dicts(value) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError("must be a list of objects")
    return value


def _names(key: str, limit: int, joiner: str):
    """A converter: the `key` of each object in a list, as text."""

    def convert(value) -> str:
        try:
            return joiner.join(_text(v.get(key), limit) for v in _list_of_dicts(value) if v.get(key))
        except TypeError:
            raise ValueError(f"each {key} must be text") from None

    return convert


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def _deeper_than(document, limit: int) -> bool:
    """Whether any value of the document is nested more than `limit` levels (walked without recursion)."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
    return False


def parse(data: bytes | str, agency: Agency) -> Result:
    result = Result()
    try:
        document = json.loads(data, parse_constant=_refuse_constant)
    except RecursionError:
        result.problems.append(Problem(None, "file", "The file is nested too deeply to be a USAJOBS search result."))
        return result
    except ValueError as exc:  # not JSON, not UTF-8, NaN or Infinity, a number of thousands of digits
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        result.problems.append(Problem(None, "file", f"The file is not valid JSON{where}."))
        return result
    if _deeper_than(document, MAX_DEPTH):
        result.problems.append(Problem(None, "file", "The file is nested too deeply to be a USAJOBS search result."))
        return result
    items = None
    if isinstance(document, dict):
        search = document.get("SearchResult")
        items = search.get("SearchResultItems") if isinstance(search, dict) else None
    if not isinstance(items, list):
        result.problems.append(Problem(None, "SearchResult.SearchResultItems", "is missing or is not a list"))
        return result
    if not items:
        result.problems.append(Problem(None, "SearchResult.SearchResultItems", "has no announcements"))
        return result
    if len(items) > MAX_ROWS:
        result.problems.append(Problem(None, "SearchResult.SearchResultItems", f"has more than {MAX_ROWS} items"))
        return result
    types = {t.code: t for t in OpportunityType.objects.all()}
    clearances = {c.code: c for c in ClearanceLevel.objects.all()}
    subs = {s.name.lower(): s for s in agency.sub_elements.all()}
    for number, item in enumerate(items, start=1):
        draft = _read_item(_Row(number, item, result), agency, types, clearances, subs)
        if draft is not None:
            result.drafts.append(draft)
    return result


def _read_item(row: _Row, agency, types, clearances, subs) -> Draft | None:
    if not row.ok:  # not an object, or its UserArea is not: nothing more can be read
        return None
    title = row.read("PositionTitle", lambda v: _text(v, 200), required=True)
    url = row.read("PositionURI", lambda v: _text(v, 500))
    if url:
        try:
            URLValidator(schemes=["https", "http"])(url)
        except ValidationError:
            row.fail("PositionURI", "is not a web address")
    location_text = row.read("PositionLocation", _names("LocationName", 200, "\n")) or ""
    offering = (row.read("PositionOfferingType", _names("Name", 100, "\n")) or "").lower()
    type_code = "permanent"
    if offering:
        first = offering.splitlines()[0].split()
        type_code = OFFERING_TYPES.get(first[0] if first else "", "")
        if not type_code:
            row.fail("PositionOfferingType", f"“{offering[:40]}” is not a type SOARS knows")
    pay = row.read("PositionRemuneration", _list_of_dicts) or []
    pay_min = pay_max = None
    if pay:
        pay_min = row.read("MinimumRange", _money, source=pay[0], prefix="PositionRemuneration.")
        pay_max = row.read("MaximumRange", _money, source=pay[0], prefix="PositionRemuneration.")
        if pay[0].get("RateIntervalCode") not in (None, "PA", "Per Year"):
            row.fail("PositionRemuneration.RateIntervalCode", "only yearly pay (PA) can be imported")
    grades = row.read("JobGrade", _names("Code", 10, ", ")) or ""
    categories = row.read("JobCategory", _names("Name", 100, ", ")) or ""
    closes_on = row.read("ApplicationCloseDate", _date, required=True)
    if closes_on and closes_on < timezone.localdate():
        row.fail("ApplicationCloseDate", "is in the past")
    summary = row.read("JobSummary", _text, source=row.details, prefix=DETAILS) or ""
    qualifications = row.read("QualificationSummary", _text) or ""
    duties = row.read("MajorDuties", _text, source=row.details, prefix=DETAILS) or ""
    clearance = None
    clearance_text = row.read("SecurityClearance", lambda v: _text(v, 100), source=row.details, prefix=DETAILS)
    if clearance_text:
        code = next((code for word, code in CLEARANCES if word in clearance_text.lower()), None)
        if code is None:
            row.fail(DETAILS + "SecurityClearance", f"“{clearance_text[:40]}” is not a clearance level SOARS knows")
        elif code != "none":
            clearance = clearances[code]
    telework = _flag(row, "TeleworkEligible")
    remote = _flag(row, "RemoteIndicator")
    contact = _contact(row)
    organization = row.read("OrganizationName", lambda v: _text(v, 200)) or ""
    row.read("DepartmentName", lambda v: _text(v, 200))
    if not row.ok or not title:
        return None
    description = summary or qualifications or title
    if summary and qualifications:
        description += "\n\nQualifications: " + qualifications
    values = {
        "agency": agency,
        "sub_element": subs.get(organization.lower()),
        "title": title,
        "type": types[type_code],
        "description": description,
        "duties": duties,
        "skills": categories,
        "locations": "\n".join(clean_places(location_list(location_text))),
        "remote": WorkArrangement.REMOTE if remote else WorkArrangement.HYBRID if telework else WorkArrangement.ON_SITE,
        "closes_on": closes_on,
        "pay_level": grades[:40],
        "pay_min": pay_min,
        "pay_max": pay_max,
        "clearance": clearance,
        "source_url": url or "",
        **contact,
    }
    draft = Draft(row.number, values)
    if not values["sub_element"] and organization:
        draft.notes.append(f"“{organization}” is not a sub-element of {agency.name}; posted under the agency.")
    # USAJOBS states no duration: a type that needs one is imported as a draft that says so,
    # and publish() refuses it until HR adds one.
    for problem in Opportunity(**values).rule_problems().values():
        draft.notes.append(f"Before it can be published: {problem}")
    return draft


def _flag(row, name: str) -> bool:
    """A true-or-false detail (TeleworkEligible, RemoteIndicator); absent is false."""
    value = row.details.get(name)
    if not (value is None or isinstance(value, bool) or value in ("True", "False", "true", "false")):
        row.fail(DETAILS + name, "must be true or false")
    return str(value).lower() == "true"


def _contact(row: _Row) -> dict:
    """The HR contact from UserArea.Details (AgencyContactEmail/AgencyContactName), when given."""
    email = row.read("AgencyContactEmail", lambda v: _text(v, 254), source=row.details, prefix=DETAILS) or ""
    if email:
        try:
            EmailValidator()(email)
        except ValidationError:
            row.fail(DETAILS + "AgencyContactEmail", "is not an email address")
            email = ""
    name = row.read("AgencyContactName", lambda v: _text(v, 150), source=row.details, prefix=DETAILS) or ""
    return {"contact_email": email, "contact_name": name}


@transaction.atomic
def create(drafts: list[Draft], by) -> list[Opportunity]:
    created = []
    for draft in drafts:
        values = dict(draft.values)
        values["contact_email"] = values["contact_email"] or by.email
        values["contact_name"] = values["contact_name"] or by.full_name or by.email
        created.append(Opportunity.objects.create(**values, created_by=by, status=Opportunity.Status.DRAFT))
    return created
