"""Between API bodies and the site's own forms and records, so every rule is the site's."""

from __future__ import annotations

import re

from django.http import QueryDict

from soars.core.models import ClearanceLevel, Competency, EligibilityCategory, OpportunityType

PLAIN = [
    "title",
    "position_type",
    "description",
    "duties",
    "remote",
    "start_date",
    "start_flexibility_days",
    "duration_days",
    "closes_on",
    "pay_level",
    "pay_min",
    "pay_max",
    "visibility",
    "contact_name",
    "contact_email",
]  # fields the form takes as they are


def query_dict(values: dict) -> QueryDict:
    """Filters given to the API, as the query string the matching site page would get."""
    params = QueryDict(mutable=True)
    for name, value in values.items():
        if value is None or value is False or value == "":
            continue
        if value is True:
            value = "on"
        for item in value if isinstance(value, list) else [value]:
            params.appendlist(name, str(item))
    return params


CODE = re.compile(r"[A-Za-z0-9_-]{1,40}")  # every reference code's shape


def _pk(model, code, **scope):
    """The key of the record with this code; the code itself when there is none, which the form refuses."""
    if code in (None, ""):
        return ""
    if not CODE.fullmatch(str(code)):  # never a code (a NUL would even break PostgreSQL's query)
        return "unknown"
    found = model.objects.filter(code=code, **scope).values_list("pk", flat=True).first()
    return str(found) if found is not None else f"unknown:{code}"


def _pks(model, codes) -> list[str]:
    return [_pk(model, code) for code in codes]


def opportunity_form_data(values: dict, agency) -> dict:
    """An API posting as the fields of OpportunityForm (codes become the keys the form expects)."""
    data = {}
    for name in PLAIN:
        if name in values:
            value = values[name]
            data[name] = "" if value is None else str(value)
    if "extended" in values:
        data["extended"] = "on" if values["extended"] else ""
    if "type" in values:
        data["type"] = _pk(OpportunityType, values["type"])
    if "sub_element" in values:
        data["sub_element"] = _pk(type(agency), values["sub_element"], parent=agency)
    if "clearance" in values:
        data["clearance"] = _pk(ClearanceLevel, values["clearance"])
    if "ecqs" in values:
        data["ecqs"] = [str(pk) for pk in values["ecqs"] or []]
    if "competencies" in values:
        data["competencies"] = _pks(Competency, values["competencies"] or [])
    if "eligibility" in values:
        data["eligibility"] = _pks(EligibilityCategory, values["eligibility"] or [])
    if "skills" in values:
        data["skills"] = "\n".join(values["skills"] or [])
    if "locations" in values:
        data["locations"] = "\n".join(values["locations"] or [])
    return data


def current_form_data(opportunity) -> dict:
    """The posting as it is, as form fields: a PATCH changes only what it sends."""
    data = {name: "" if getattr(opportunity, name) is None else str(getattr(opportunity, name)) for name in PLAIN}
    data["extended"] = "on" if opportunity.extended else ""
    data["type"] = str(opportunity.type_id or "")
    data["sub_element"] = str(opportunity.sub_element_id or "")
    data["clearance"] = str(opportunity.clearance_id or "")
    data["ecqs"] = [str(pk) for pk in opportunity.ecqs.values_list("pk", flat=True)]
    data["competencies"] = [str(pk) for pk in opportunity.competencies.values_list("pk", flat=True)]
    data["eligibility"] = [str(pk) for pk in opportunity.eligibility.values_list("pk", flat=True)]
    data["skills"] = opportunity.skills
    data["locations"] = opportunity.locations
    return data


def as_form_input(data: dict) -> QueryDict:
    q = QueryDict(mutable=True)
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            q.appendlist(name, item)
    return q


def summary(o) -> dict:
    return {
        "id": o.pk,
        "title": o.title,
        "status": o.status,
        "agency": o.agency.code,
        "sub_element": o.sub_element.code if o.sub_element_id else None,
        "type": o.type.code,
        "remote": o.remote,
        "locations": o.location_list,
        "closes_on": o.closes_on,
        "published_at": o.published_at,
        "url": o.get_absolute_url(),
    }


def detail(o) -> dict:
    return summary(o) | {
        "position_type": o.position_type,
        "description": o.description,
        "duties": o.duties,
        "ecqs": [e.pk for e in o.ecqs.all()],
        "competencies": [c.code for c in o.competencies.all()],
        "skills": o.skill_list,
        "start_date": o.start_date,
        "start_flexibility_days": o.start_flexibility_days,
        "duration_days": o.duration_days,
        "extended": o.extended,
        "pay_level": o.pay_level,
        "pay_min": o.pay_min,
        "pay_max": o.pay_max,
        "clearance": o.clearance.code if o.clearance_id else None,
        "eligibility": [e.code for e in o.eligibility.all()],
        "visibility": o.visibility,
        "contact_name": o.contact_name,
        "contact_email": o.contact_email,
        "created_at": o.created_at,
        "closed_at": o.closed_at,
        "filled_at": o.filled_at,
        "cancelled_at": o.cancelled_at,
    }
