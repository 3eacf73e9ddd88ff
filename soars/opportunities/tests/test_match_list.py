"""The Best matches tab as a compact list: filters and counts, sort, pages, export, and the Interested tab's scores."""

import csv
import io

import pytest
from openpyxl import load_workbook

from soars.accounts.factories import ExecutiveFactory
from soars.audit.models import AuditEvent
from soars.core.models import ClearanceLevel
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory
from soars.resumes.factories import SharedResumeFactory, complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def posting(personas):
    return OpenOpportunityFactory(
        title="Chief Information Officer",
        skills="cloud migration, budget formulation",
        clearance=ClearanceLevel.objects.get(code="top_secret"),
        created_by=personas.hr_a,
    )


def top_secret_resume(name: str, **fields):
    executive = ExecutiveFactory(full_name=name)
    return SharedResumeFactory(executive=executive, clearance=ClearanceLevel.objects.get(code="top_secret"), **fields)


@pytest.fixture
def field(posting):
    """Two who meet every requirement, one near miss (holds Secret), and interest from one of each."""
    ada, bo = top_secret_resume("Ada Meets"), top_secret_resume("Bo Meets")
    near = complete_resume()  # holds Secret
    InterestFactory(opportunity=posting, executive=bo.executive)
    InterestFactory(opportunity=posting, executive=near.executive)
    return {"ada": ada, "bo": bo, "near": near}


def get(client, posting, query=""):
    response = client.get(f"/hr/opportunities/{posting.pk}/matches/{query}")
    assert response.status_code == 200
    return response


def shown(response):
    return [entry.record.pk for entry in response.context["ranked"]]


def test_the_counts_say_how_many_meet_every_requirement_miss_and_expressed_interest(
    client_as, personas, field, posting
):
    response = get(client_as(personas.hr_a), posting)
    assert response.context["listing"].counts == {"meets": 2, "near": 1, "interested": 2}
    html = response.content.decode()
    assert "Meets every requirement (2)" in html and "Near misses (1)" in html
    assert "Only executives who expressed interest in this opportunity (2)" in html


def test_the_meets_every_requirement_filter_leaves_out_the_near_misses(client_as, personas, field, posting):
    response = get(client_as(personas.hr_a), posting, "?show=meets")
    assert set(shown(response)) == {field["ada"].pk, field["bo"].pk}
    assert 'id="near-misses-heading"' not in response.content.decode()


def test_the_near_misses_filter_shows_them_open_and_only_them(client_as, personas, field, posting):
    response = get(client_as(personas.hr_a), posting, "?show=near")
    assert shown(response) == [field["near"].pk]
    html = response.content.decode()
    assert 'id="meets-all-heading"' not in html
    assert "<details>" not in html and "<details open>" not in html  # nothing to expand: near misses are the list


def test_the_interested_only_filter_keeps_those_who_expressed_interest(client_as, personas, field, posting):
    response = get(client_as(personas.hr_a), posting, "?interested=1")
    assert shown(response) == [field["bo"].pk, field["near"].pk]
    assert response.context["listing"].counts == {"meets": 1, "near": 1, "interested": 2}
    assert "Expressed interest</span>" in response.content.decode()


def test_showing_everyone_keeps_the_near_misses_collapsed_under_their_heading(client_as, personas, field, posting):
    html = get(client_as(personas.hr_a), posting).content.decode()
    near = html[html.index('id="near-misses-heading"') :]
    assert "<details>" in near and f'id="match-{field["near"].pk}"' in near


def test_an_unknown_filter_or_sort_falls_back_to_everyone_by_score(client_as, personas, field, posting):
    listing = get(client_as(personas.hr_a), posting, "?show=<x>&sort=evil").context["listing"]
    assert (listing.show, listing.sort) == ("all", "score")


def test_sorting_by_name_orders_each_group_by_name(client_as, personas, field, posting):
    zed = top_secret_resume("Zed Meets")
    response = get(client_as(personas.hr_a), posting, "?sort=name")
    assert shown(response) == [field["ada"].pk, field["bo"].pk, zed.pk, field["near"].pk]


def test_sorting_by_resume_update_puts_the_most_recent_first(client_as, personas, field, posting):
    from datetime import timedelta

    from django.utils import timezone

    Resume.objects.filter(pk=field["ada"].pk).update(updated_at=timezone.now() - timedelta(days=30))
    Resume.objects.filter(pk=field["bo"].pk).update(updated_at=timezone.now())
    response = get(client_as(personas.hr_a), posting, "?show=meets&sort=updated")
    assert shown(response) == [field["bo"].pk, field["ada"].pk]


def test_the_list_is_paged_25_at_a_time_and_page_2_keeps_the_filters(client_as, personas, posting):
    resumes = [top_secret_resume(f"Executive {n:02}") for n in range(27)]
    client = client_as(personas.hr_a)
    first = get(client, posting, "?sort=name")
    assert len(shown(first)) == 25
    assert "?sort=name&amp;page=2" in first.content.decode()
    second = get(client, posting, "?sort=name&page=2")
    assert shown(second) == [resumes[25].pk, resumes[26].pk]


@pytest.mark.parametrize("page", ["999999999999999999999999", "-1", "two"])
def test_a_page_number_past_the_end_or_not_a_number_shows_a_page_never_an_error(
    client_as, personas, field, posting, page
):
    response = get(client_as(personas.hr_a), posting, f"?page={page}")
    assert shown(response)


def test_each_row_shows_the_score_as_text_and_a_bar_badges_and_reasons_on_demand(client_as, personas, field, posting):
    html = get(client_as(personas.hr_a), posting).content.decode()
    assert "out of 100</strong> <meter" in html
    assert "✓ Clearance: met" in html and "✗ Clearance: missed" in html
    assert "<summary>Why this score" in html


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_export_has_the_filtered_list_with_score_and_reasons(client_as, personas, field, posting):
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{posting.pk}/matches.csv?show=near")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    header, *rows = read_csv(response)
    assert header[4:7] == ["Requirements", "Score (out of 100)", "Requirements missed"]
    assert len(rows) == 1
    assert rows[0][4] == "Near miss" and rows[0][5].isdigit()
    assert "Clearance: Needs Top Secret" in rows[0][6]
    assert "the position requires Top Secret" in rows[0][8]
    assert rows[0][9] == "Yes"


def test_control_characters_in_reasons_survive_the_export(client_as, personas, posting):
    posting.skills = "cloud migration, quantum\x07 computing"
    posting.save()
    complete_resume()
    client = client_as(personas.hr_a)
    rows = read_csv(client.get(f"/hr/opportunities/{posting.pk}/matches.csv"))
    assert "Lacks quantum computing" in rows[1][8]
    sheet = load_workbook(io.BytesIO(client.get(f"/hr/opportunities/{posting.pk}/matches.xlsx").content)).active
    values = list(sheet.values)
    assert values[0][5] == "Score (out of 100)"
    assert "Lacks quantum computing" in values[1][8]
    assert "Has 1 of 2 skills asked for" in values[1][7]


def test_each_export_is_recorded_in_the_audit_trail(client_as, personas, field, posting):
    client = client_as(personas.hr_a)
    client.get(f"/hr/opportunities/{posting.pk}/matches.csv?interested=1")
    client.get(f"/hr/opportunities/{posting.pk}/matches.xlsx")
    events = AuditEvent.objects.filter(action="opportunity.matches_exported").order_by("pk")
    assert [(event.data["format"], event.data["count"]) for event in events] == [("csv", 2), ("xlsx", 3)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_another_agency_s_hr_gets_404_and_an_executive_403_on_the_exports(client_as, personas, posting, fmt):
    url = f"/hr/opportunities/{posting.pk}/matches.{fmt}"
    assert client_as(personas.hr_b).get(url).status_code == 404
    assert client_as(personas.executive).get(url).status_code == 403
    assert not AuditEvent.objects.filter(action="opportunity.matches_exported").exists()


def test_the_interested_tab_shows_each_candidate_s_score_and_requirements(client_as, personas, field, posting):
    response = client_as(personas.hr_a).get(f"/hr/opportunities/{posting.pk}/candidates/")
    html = response.content.decode()
    scores = {row["interest"].executive_id: row["entry"].match for row in response.context["rows"]}
    assert set(scores) == {field["bo"].executive_id, field["near"].executive_id}
    assert scores[field["bo"].executive_id].meets_all and not scores[field["near"].executive_id].meets_all
    assert html.count("out of 100</strong> <meter") == 2
    assert "✓ Meets every requirement" in html and "✗ Near miss: misses 1" in html
    assert "Needs Top Secret; holds Secret" in html
