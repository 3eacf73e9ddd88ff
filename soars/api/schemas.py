"""Typed request and response bodies; the OpenAPI document is generated from these."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Path, Schema
from pydantic import ConfigDict, Field

MAX_ID = 9_223_372_036_854_775_807  # the largest key a database column here can hold
MAX_INT = 2_147_483_647

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
SmallCount = Annotated[int, Field(ge=0, le=32767)]
Count = Annotated[int, Field(ge=0, le=MAX_INT)]
Text = Annotated[str, Field(max_length=20000)]
Line = Annotated[str, Field(max_length=200)]
Code = Annotated[str, Field(max_length=40)]


class Strict(Schema):
    """A request body: unknown fields are refused, not ignored."""

    model_config = ConfigDict(extra="forbid")


class Page(Schema):
    next_cursor: str | None = Field(None, description="Pass as ?cursor= for the next page; null on the last.")
    total: int = Field(description="How many items match (for very large searches, an estimate).")


# -- reference data ------------------------------------------------------------


class AgencyOut(Schema):
    code: str
    name: str
    abbreviation: str
    kind: str
    parent: str | None = Field(None, description="The parent agency's code, for a sub-element.")


class CompetencyOut(Schema):
    code: str
    name: str


class EcqOut(Schema):
    id: int
    code: str
    name: str
    competencies: list[CompetencyOut]


class FrameworkOut(Schema):
    code: str
    name: str
    year: int
    is_current: bool
    ecqs: list[EcqOut]
    fundamental_competencies: list[CompetencyOut]


class OpportunityTypeOut(Schema):
    code: str
    name: str
    is_permanent: bool
    min_days: int | None
    max_days: int | None
    extended_max_days: int | None
    rule: str


class ClearanceOut(Schema):
    code: str
    name: str
    rank: int


class EligibilityOut(Schema):
    code: str
    name: str
    career_eligible: bool


# -- opportunities -------------------------------------------------------------

Remote = Literal["on_site", "hybrid", "remote"]
PositionType = Literal["general", "career_reserved"]
Visibility = Literal["all", "agency"]
Status = Literal["draft", "open", "closed", "filled", "cancelled"]


class OpportunitySummary(Schema):
    id: int
    title: str
    status: str
    agency: str
    sub_element: str | None
    type: str
    remote: str
    locations: list[str]
    closes_on: date
    published_at: datetime | None
    url: str


class OpportunityOut(OpportunitySummary):
    position_type: str
    description: str
    duties: str
    ecqs: list[int]
    competencies: list[str]
    skills: list[str]
    start_date: date | None
    start_flexibility_days: int | None
    duration_days: int | None
    extended: bool
    pay_level: str
    pay_min: int | None
    pay_max: int | None
    clearance: str | None
    eligibility: list[str]
    visibility: str
    contact_name: str
    contact_email: str
    created_at: datetime
    closed_at: datetime | None
    filled_at: datetime | None
    cancelled_at: datetime | None


class OpportunityPage(Page):
    items: list[OpportunitySummary]


class OpportunityIn(Strict):
    """A posting, checked by the same rules as the form at /hr/opportunities/new/."""

    title: Line
    type: Code = Field(description="An opportunity type code (GET /reference/opportunity-types).")
    position_type: PositionType = "general"
    sub_element: Code | None = Field(None, description="The code of a sub-element of your agency.")
    description: Text
    duties: Text = ""
    ecqs: list[Annotated[int, Field(ge=1, le=MAX_INT)]] = Field([], max_length=50)
    competencies: list[Code] = Field([], max_length=100)
    skills: list[Line] = Field([], max_length=100)
    locations: list[Line] = Field([], max_length=50)
    remote: Remote = "on_site"
    start_date: date | None = None
    start_flexibility_days: SmallCount | None = None
    duration_days: Count | None = None
    extended: bool = False
    closes_on: date
    pay_level: Annotated[str, Field(max_length=40)] = ""
    pay_min: Count | None = None
    pay_max: Count | None = None
    clearance: Code | None = None
    eligibility: list[Code] = Field([], max_length=20)
    visibility: Visibility = "all"
    contact_name: Annotated[str, Field(max_length=150)]
    contact_email: Annotated[str, Field(max_length=254)]
    publish: bool = Field(False, description="Publish at once when the posting meets every rule.")


class OpportunityPatch(Strict):
    """Only the fields sent change; the result is checked like a whole posting."""

    title: Line | None = None
    type: Code | None = None
    position_type: PositionType | None = None
    sub_element: Code | None = None
    description: Text | None = None
    duties: Text | None = None
    ecqs: list[Annotated[int, Field(ge=1, le=MAX_INT)]] | None = Field(None, max_length=50)
    competencies: list[Code] | None = Field(None, max_length=100)
    skills: list[Line] | None = Field(None, max_length=100)
    locations: list[Line] | None = Field(None, max_length=50)
    remote: Remote | None = None
    start_date: date | None = None
    start_flexibility_days: SmallCount | None = None
    duration_days: Count | None = None
    extended: bool | None = None
    closes_on: date | None = None
    pay_level: Annotated[str, Field(max_length=40)] | None = None
    pay_min: Count | None = None
    pay_max: Count | None = None
    clearance: Code | None = None
    eligibility: list[Code] | None = Field(None, max_length=20)
    visibility: Visibility | None = None
    contact_name: Annotated[str, Field(max_length=150)] | None = None
    contact_email: Annotated[str, Field(max_length=254)] | None = None


class FillIn(Strict):
    selected_executive: Annotated[int, Field(ge=1, le=MAX_ID)] | None = Field(
        None, description="The user id of the executive selected, who must have expressed interest; null if none."
    )


# -- pipeline, matches, shortlist ------------------------------------------------

InterestStatus = Literal["interested", "reviewing", "referred", "interviewing", "selected", "not_selected", "withdrawn"]


class EventOut(Schema):
    from_status: str
    to_status: str
    at: datetime


class InterestOut(Schema):
    id: int
    executive: int
    name: str
    email: str
    resume: int | None
    status: str
    note: str
    created_at: datetime
    updated_at: datetime
    allowed_moves: list[str]
    history: list[EventOut]


class InterestPage(Page):
    items: list[InterestOut]


class MoveIn(Strict):
    status: InterestStatus


class MissOut(Schema):
    code: str
    text: str


class ReasonOut(Schema):
    text: str
    points: int = Field(description="What the reason adds to the score (negative: takes away).")


class MatchOut(Schema):
    resume: int
    executive: int
    name: str
    score: int
    meets_all: bool
    reasons: list[ReasonOut]
    missed: list[MissOut]
    interested: bool


class MatchPage(Page):
    counts: dict[str, int]
    computed_at: datetime
    items: list[MatchOut]


class ShortlistEntryOut(Schema):
    id: int
    resume: int
    executive: int
    name: str
    email: str
    note: str
    added_at: datetime
    invited_at: datetime | None
    interest_status: str | None


class ShortlistIn(Strict):
    resume: Annotated[int, Field(ge=1, le=MAX_ID)]
    note: Annotated[str, Field(max_length=1000)] = ""


# -- resumes -----------------------------------------------------------------------


class ResumeSummary(Schema):
    id: int
    executive: int
    name: str
    headline: str
    current_agency: str | None
    clearance: str | None
    eligibility: str | None
    updated_at: datetime
    snippet: str


class ResumePage(Page):
    items: list[ResumeSummary]


class Done(Schema):
    ok: bool = True
    detail: str = ""
