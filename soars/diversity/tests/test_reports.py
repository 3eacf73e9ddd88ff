"""Aggregate reports: small counts hidden, and no hidden count can be worked out from what is shown."""

import itertools
import random

import pytest

from soars.accounts.factories import ExecutiveFactory, agency
from soars.audit.models import AuditEvent
from soars.diversity import reports
from soars.diversity.models import SelfIdentification
from soars.diversity.reports import MINIMUM, suppress
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, opportunity_type

pytestmark = pytest.mark.django_db


def feasible_values(shown, hidden, row_totals):
    """Every value each hidden cell can take, given the shown cells and the row totals: what someone
    with the table could work out. Tries every filling of each row."""
    values = {}
    for r, (row, hides) in enumerate(zip(shown, hidden, strict=True)):
        cells = [c for c, hide in enumerate(hides) if hide]
        left = row_totals[r] - sum(row)
        for guess in itertools.product(range(left + 1), repeat=len(cells)):
            if sum(guess) == left:
                for c, value in zip(cells, guess, strict=True):
                    values.setdefault((r, c), set()).add(value)
    return values


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_count_can_be_recovered_from_the_totals(seed):
    rng = random.Random(seed)
    rows, columns = rng.randint(2, 4), rng.randint(2, 4)
    counts = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14]) for _ in range(columns)] for _ in range(rows)]
    hidden = suppress(counts)
    for r, row in enumerate(counts):
        for c, count in enumerate(row):
            if 0 < count < MINIMUM:
                assert hidden[r][c], (counts, hidden)  # every small count is hidden
    shown = [
        [0 if hide else count for count, hide in zip(row, hides, strict=True)]
        for row, hides in zip(counts, hidden, strict=True)
    ]
    values = feasible_values(shown, hidden, [sum(row) for row in counts])
    for (r, c), possible in values.items():
        if 0 < counts[r][c] < MINIMUM:
            assert len(possible) > 1, f"{counts} hides {counts[r][c]} at {r},{c} but the totals give it away"


def test_a_lone_small_count_gets_a_partner_in_its_row_a_zero_only_when_nothing_else():
    counts = [[3, 20, 30], [40, 50, 60], [0, 0, 2]]
    assert suppress(counts) == [[True, True, False], [False, False, False], [True, False, True]]


def test_nothing_is_hidden_when_every_count_is_large_or_zero():
    assert suppress([[0, 20], [30, 0]]) == [[False, False], [False, False]]


def people(count, agency_code, **answers):
    found = []
    for _ in range(count):
        executive = ExecutiveFactory(agency=agency(agency_code))
        if answers:
            SelfIdentification.objects.create(person=executive, **answers)
        found.append(executive)
    return found


def test_the_corps_by_agency_counts_each_answer_and_hides_the_small_ones():
    people(6, "AG", sex="female")
    people(7, "AG", sex="male")
    people(2, "AG", sex="declined")
    people(5, "CM", sex="female")
    people(1, "CM")  # no answers
    result = reports.table(reports.corps_by_agency(), "sex")
    assert result.columns == ["Female", "Male", "Chose not to answer", "Not answered"]
    rows = {
        name: ([None if cell.hidden else cell.count for cell in cells], total) for name, cells, total in result.rows
    }
    agriculture, commerce = agency("AG").name, agency("CM").name
    assert rows[agriculture][1] == 15 and rows[commerce][1] == 6
    assert rows[agriculture][0][2] is None and rows[commerce][0][3] is None  # 2 and 1 hidden
    assert result.total == sum(total for _, total in rows.values())
    html_columns = result.columns
    assert "Total" not in html_columns


def test_interest_by_type_counts_each_executive_once_per_type():
    detail = OpenOpportunityFactory(type=opportunity_type("detail"))
    other_detail = OpenOpportunityFactory(type=opportunity_type("detail"))
    executives = people(6, "AG", ethnicity="not_hispanic", races=["white"])
    for executive in executives:
        InterestFactory(opportunity=detail, executive=executive)
    InterestFactory(opportunity=other_detail, executive=executives[0])
    result = reports.table(reports.interest_by_type(), "race")
    ((name, cells, total),) = result.rows
    assert (name, total) == ("Detail", 6)
    assert cells[result.columns.index("White")].count == 6


def test_only_the_program_office_sees_the_reports_and_every_view_is_recorded(client_as, personas):
    for persona in ("executive", "hr_a", "agency_admin"):
        assert client_as(getattr(personas, persona)).get("/manage/diversity/").status_code == 403
    response = client_as(personas.site_admin).get("/manage/diversity/?characteristic=veteran&group=interest")
    assert response.status_code == 200
    event = AuditEvent.objects.get(action="diversity.report_viewed")
    assert event.actor == personas.site_admin and event.data == {"characteristic": "veteran", "group": "interest"}


def test_unknown_report_choices_fall_back_to_the_default(client_as, personas):
    response = client_as(personas.site_admin).get("/manage/diversity/?characteristic=<x>&group=../../")
    assert response.status_code == 200
    assert response.context["characteristic"] == "race" and response.context["grouping"] == "agency"


def test_no_page_shows_one_person_s_answers(client_as, personas):
    SelfIdentification.objects.create(person=personas.executive, ethnicity="hispanic")
    html = client_as(personas.site_admin).get("/manage/diversity/").content.decode()
    assert personas.executive.email not in html and (personas.executive.full_name or "@") not in html
