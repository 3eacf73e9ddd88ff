"""The two pages: who may open them, what each shows, filters, hostile values and downloads."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from soars.accounts.factories import HrFactory
from soars.metrics.tests.data import small_program

pytestmark = pytest.mark.django_db

MANAGE, AGENCY = "/manage/metrics/", "/hr/metrics/"


@pytest.fixture
def program(personas):
    return small_program(personas)


def download(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_program_office_sees_every_figure(client_as, personas, program):
    response = client_as(personas.site_admin).get(MANAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="soars-chart"') == 11
    assert html.count("<caption") == 11
    assert "Department of Commerce" in html  # lending by agency
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_the_administration_home_and_hr_home_link_to_the_pages(client_as, personas):
    assert MANAGE in client_as(personas.site_admin).get("/manage/").content.decode()
    assert AGENCY in client_as(personas.hr_a).get("/hr/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for path in (MANAGE, AGENCY):
        response = client.get(path)
        assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["executive", "outsider", "hr_a", "agency_admin"])
def test_only_site_administrators_open_the_program_page(client_as, personas, persona):
    assert client_as(personas.by_name(persona)).get(MANAGE).status_code == 403


@pytest.mark.parametrize("persona", ["executive", "outsider", "site_admin"])
def test_only_hr_staff_open_the_agency_page(client_as, personas, persona):
    assert client_as(personas.by_name(persona)).get(AGENCY).status_code == 403


def test_hr_staff_of_no_agency_are_refused(client_as, db):
    nobody = HrFactory(agency=None)
    assert client_as(nobody).get(AGENCY).status_code == 403
    assert client_as(nobody).get(AGENCY + "?download=csv&figure=postings").status_code == 403


def test_hr_staff_see_their_agency_beside_the_government_and_no_other_agency(client_as, personas, program):
    html = client_as(personas.hr_b).get(AGENCY).content.decode()
    assert "Metrics: Department of Commerce" in html
    assert "Department of Commerce: Lent" in html and "Government-wide: Interagency assignments started" in html
    assert "Department of Agriculture" not in html


def test_hr_staff_cannot_ask_for_another_agency(client_as, personas, program):
    rows = download(client_as(personas.hr_b).get(AGENCY + "?agency=AG&download=csv&figure=resume_views"))
    assert rows[0] == ["Quarter", "Department of Commerce: Resume views", "Government-wide: Resume views"]
    assert rows[-2][1:] == ["0", "3"]  # Agriculture's three views appear only inside the total
    assert rows[-1][1:] == ["2", "2"]


def test_the_agency_filter_narrows_the_program_page(client_as, personas, program):
    client = client_as(personas.site_admin)
    html = client.get(MANAGE + "?agency=AG").content.decode()
    assert "Program metrics: Department of Agriculture" in html
    rows = download(client.get(MANAGE + "?agency=AG&download=csv&figure=lending"))
    assert rows[0] == ["Quarter", "Lent", "Hosted"]
    assert [row[1:] for row in rows[1:]][-3:] == [["1", "0"], ["0", "0"], ["0", "1"]]


def test_the_type_and_period_filters(client_as, personas, program):
    rows = download(
        client_as(personas.site_admin).get(MANAGE + "?agency=AG&type=detail&period=4&download=csv&figure=postings")
    )
    assert rows[0] == ["Quarter", "Filled", "Closed without selection", "Cancelled", "Still open", "Posted"]
    assert len(rows) == 5
    assert rows[-2][1:] == ["2", "0", "0", "0", "2"] and rows[-1][1:] == ["0", "0", "0", "1", "1"]


@pytest.mark.parametrize(
    "query",
    [
        "agency=nowhere&type=%3Cscript%3E&period=-1",
        "agency=%00&type=detail%00&period=4%00",
        "period=99999999999999999999999999&agency=AG' OR 1=1--",
        "agency=AG&agency=CM&period=",
        "download=exe&figure=../../etc/passwd",
        "download=csv&figure=%00",
    ],
)
def test_hostile_filter_values_are_ignored_with_a_message(client_as, personas, program, query):
    response = client_as(personas.site_admin).get(f"{MANAGE}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "We did not understand the value given for" in response.content.decode() or "agency=AG&agency=CM" in query


def test_a_good_filter_beside_a_bad_one_still_applies(client_as, personas, program):
    html = client_as(personas.site_admin).get(MANAGE + "?agency=AG&period=banana").content.decode()
    assert "Program metrics: Department of Agriculture" in html
    assert "We did not understand the value given for: Period." in html
    assert html.count('<tr><th scope="row">20') >= 8 * 9  # the default 8 quarters


def test_csv_download_of_a_figure(client_as, personas, program):
    response = client_as(personas.site_admin).get(MANAGE + "?agency=AG&download=csv&figure=time_to_fill")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="soars-time-to-fill-ag-')
    rows = download(response)
    assert rows[0] == ["Quarter", "Median days to fill", "Postings filled"]
    assert rows[-2][1:] == ["40.0", "2"]
    assert rows[-1][1:] == ["n/a", "0"]


def test_xlsx_download_of_a_figure_with_hidden_cells(client_as, personas, program):
    response = client_as(personas.site_admin).get(MANAGE + "?download=xlsx&figure=veteran_reach")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Postings marked", "Postings", "Interest", "Interest per posting", "Interested executives"]
    assert rows[1][0] == "Marked for veteran outreach"
    assert rows[1][5] == "hidden" and rows[1][-1] == "hidden"


def test_downloads_defuse_formulas_in_names(client_as, personas, program):
    program.a.name = '=HYPERLINK("http://evil")'
    program.a.save()
    rows = download(client_as(personas.site_admin).get(MANAGE + "?download=csv&figure=lending"))
    assert rows[1][0].startswith("'=")


def test_an_empty_period_says_so_in_words(client_as, personas):
    html = client_as(personas.site_admin).get(MANAGE).content.decode()
    assert "No assignments started in this period." in html
    assert "No opportunities were posted in this period." in html
    assert '<svg class="soars-chart"' not in html


def test_figures_are_stored_per_scope_until_refreshed_or_too_old(client_as, personas, program):
    from datetime import timedelta

    from soars.metrics.figures import MAX_AGE
    from soars.metrics.models import StoredFigure
    from soars.opportunities.factories import OpenOpportunityFactory

    client = client_as(personas.site_admin)
    before = download(client.get(MANAGE + "?agency=AG&download=csv&figure=postings"))
    OpenOpportunityFactory()  # Agriculture's, published now
    assert download(client.get(MANAGE + "?agency=AG&download=csv&figure=postings")) == before
    # A shorter period is cut from the same stored figure, so it agrees with the longer one.
    shorter = download(client.get(MANAGE + "?agency=AG&period=4&download=csv&figure=postings"))
    assert shorter[1:] == before[-4:]
    other_scope = download(client.get(MANAGE + "?agency=AG&type=detail&download=csv&figure=postings"))
    assert other_scope[-1][-1] == "1"  # a scope not stored before is worked out afresh: the new detail
    StoredFigure.objects.update(computed_at=timezone.now() - MAX_AGE - timedelta(seconds=1))
    after = download(client.get(MANAGE + "?agency=AG&download=csv&figure=postings"))
    assert int(after[-1][-1]) == int(before[-1][-1]) + 1  # too old: worked out again


def test_a_stored_figure_of_a_past_quarter_is_never_shown(client_as, personas, program):
    from soars.metrics.models import StoredFigure

    client = client_as(personas.site_admin)
    client.get(MANAGE)
    keys = list(StoredFigure.objects.values_list("key", flat=True))
    assert keys and all(
        key.endswith(program.today.strftime(":%Y") + f"Q{(program.today.month - 1) // 3 + 1}") for key in keys
    )


def test_hidden_cells_stay_hidden_from_the_cache(client_as, personas, program):
    client = client_as(personas.site_admin)
    first, again = (re.sub(r'value="[^"]*"', "", client.get(MANAGE).content.decode()) for _ in range(2))
    assert again == first  # but for the form tokens
    assert ">hidden<" in first


def test_the_refresh_job_stores_every_scope_so_pages_only_read_the_store(
    client_as, personas, program, django_assert_max_num_queries
):
    from soars.core.models import Agency, OpportunityType
    from soars.core.schedule import all_periodic
    from soars.core.testing import run_tasks
    from soars.metrics.models import StoredFigure
    from soars.metrics.tasks import refresh_agency_figures, refresh_figures
    from soars.opportunities.factories import OpenOpportunityFactory

    client = client_as(personas.site_admin)
    before = download(client.get(MANAGE + "?download=csv&figure=postings"))
    StoredFigure.objects.create(
        key="postings:-:-:20:1999Q1", figure={}, computed_at=timezone.now() - timedelta(days=90)
    )
    OpenOpportunityFactory()
    assert download(client.get(MANAGE + "?download=csv&figure=postings")) == before  # still the stored figure
    agencies, types = Agency.objects.top_level().count() + 1, OpportunityType.objects.count() + 1
    assert refresh_figures.call() == agencies  # one task per agency choice
    assert refresh_agency_figures.call("NO-SUCH-AGENCY") == 0
    assert not StoredFigure.objects.filter(key__contains="1999Q1").exists()  # no page can ask for it
    run_tasks()
    # Per agency and type: 9 figures by quarter once (3 of them the same for every type), 3 of
    # totals for each of the 4 periods (the government's own lending among them, an agency's
    # interagency or veteran rows beside it).
    assert StoredFigure.objects.count() == agencies * (types * (6 + 4 * 3) + 3)
    after = download(client.get(MANAGE + "?download=csv&figure=postings"))
    assert after != before  # the new posting is counted without waiting for the figure to age
    urls = [MANAGE, MANAGE + "?agency=AG&type=detail&period=20", MANAGE + "?period=4&type=rotation"]
    for url in urls:
        with django_assert_max_num_queries(12):  # sign-in checks, the filter lists, the store; nothing counted
            assert client.get(url).status_code == 200
    hr = client_as(personas.hr_a)
    with django_assert_max_num_queries(12):
        assert hr.get(AGENCY + "?period=12&type=detail").status_code == 200
    assert [job.every.total_seconds() for job in all_periodic() if job.name == "metrics.refresh_figures"] == [3600]


def test_an_email_queued_during_a_refresh_goes_before_the_figures(personas):
    from django_tasks_db.models import DBTaskResult

    from soars.core.email import deliver_email
    from soars.metrics.tasks import refresh_figures

    refresh_figures.call()  # queues one task per agency choice
    deliver_email.enqueue(0)
    # The worker takes the first task of this order: the email, although queued last.
    assert DBTaskResult.objects.ready().first().task_path == "soars.core.email.deliver_email"
