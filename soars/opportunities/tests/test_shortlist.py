"""The shortlist: add from Best matches or a resume, list, note, remove, export, invite; scoped to the agency."""

import csv
import io

import pytest
from django.contrib.messages import get_messages
from openpyxl import load_workbook

from soars.audit.models import AuditEvent
from soars.core.models import OutboundEmail
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Interest, Opportunity, ShortlistEntry
from soars.resumes.factories import ResumeFactory, complete_resume
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity():
    return OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")


@pytest.fixture
def resume(personas):
    return complete_resume(personas.executive)


@pytest.fixture
def entry(personas, opportunity, resume):
    return ShortlistEntry.objects.create(opportunity=opportunity, resume=resume, added_by=personas.hr_a)


def base(opportunity):
    return f"/hr/opportunities/{opportunity.pk}/shortlist"


def add(client, opportunity, resume_id):
    return client.post(f"{base(opportunity)}/add/", {"resume": resume_id})


def texts(response) -> list[str]:
    """The messages this response left; earlier unread ones stay in the session, so keep only the newest."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1:]


def hide(resume):
    Resume.objects.filter(pk=resume.pk).update(visibility=Resume.Visibility.HIDDEN)


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# Adding


def test_best_matches_offers_to_add_each_candidate(client_as, personas, opportunity, resume):
    html = client_as(personas.hr_a).get(f"/hr/opportunities/{opportunity.pk}/matches/").content.decode()
    assert f'id="match-{resume.pk}"' in html
    assert f'name="resume" value="{resume.pk}"' in html
    assert "Add to shortlist" in html
    assert f'href="{base(opportunity)}/"' in html  # the Shortlist tab


def test_hr_adds_from_best_matches_and_returns_to_the_same_candidate(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    response = add(client, opportunity, resume.pk)
    assert response.status_code == 302
    assert response["Location"] == f"/hr/opportunities/{opportunity.pk}/matches/#match-{resume.pk}"
    assert texts(response) == [f"Alice Executive is on the shortlist for “{opportunity.title}”."]
    html = client.get(response["Location"]).content.decode()
    assert html.count("Alice Executive is on the shortlist for") == 1  # once: beside the candidate, not on top
    assert "Alice Executive is on the shortlist for" in html.split(f'id="match-{resume.pk}"')[1]
    entry = ShortlistEntry.objects.get()
    assert (entry.opportunity, entry.resume, entry.added_by, entry.note) == (opportunity, resume, personas.hr_a, "")
    event = AuditEvent.objects.get(action="shortlist.added")
    assert event.actor == personas.hr_a and event.agency == opportunity.agency
    assert event.object_id == str(entry.pk) and event.data == {"resume": resume.pk}


def test_removing_from_best_matches_says_so_once_beside_the_candidate(client_as, personas, entry):
    client = client_as(personas.hr_a)
    response = client.post(f"{base(entry.opportunity)}/{entry.pk}/remove/", {"from": "matches"})
    assert response["Location"].endswith(f"#match-{entry.resume_id}")
    html = client.get(response["Location"]).content.decode()
    assert html.count("Alice Executive is no longer on the shortlist.") == 1
    assert "Alice Executive is no longer on the shortlist." in html.split(f'id="match-{entry.resume_id}"')[1]


def test_a_message_for_a_candidate_no_longer_listed_is_shown_on_top(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    add(client, opportunity, resume.pk)
    hide(resume)  # in between, the executive hides the resume: Best matches no longer lists it
    html = client.get(f"/hr/opportunities/{opportunity.pk}/matches/").content.decode()
    assert f'id="match-{resume.pk}"' not in html
    assert html.count("Alice Executive is on the shortlist for") == 1


def test_a_shortlisted_candidate_shows_as_on_the_shortlist_with_a_way_to_remove(client_as, personas, entry):
    html = client_as(personas.hr_a).get(f"/hr/opportunities/{entry.opportunity_id}/matches/").content.decode()
    assert "On the shortlist ✓" in html
    assert f"{base(entry.opportunity)}/{entry.pk}/remove/?from=matches" in html
    assert f'name="resume" value="{entry.resume_id}"' not in html


def test_adding_twice_keeps_one_entry(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    add(client, opportunity, resume.pk)
    response = add(client, opportunity, resume.pk)
    assert ShortlistEntry.objects.count() == 1
    assert texts(response) == [f"Alice Executive was already on the shortlist for “{opportunity.title}”."]
    assert AuditEvent.objects.filter(action="shortlist.added").count() == 1


def test_the_database_refuses_a_second_entry_for_the_same_executive(entry):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ShortlistEntry.objects.create(opportunity=entry.opportunity, resume=entry.resume)


def test_a_draft_can_be_shortlisted_for(client_as, personas, resume):
    draft = OpportunityFactory()
    add(client_as(personas.hr_a), draft, resume.pk)
    assert ShortlistEntry.objects.filter(opportunity=draft).exists()


@pytest.mark.parametrize("status", ["closed", "filled", "cancelled"])
def test_a_finished_opportunity_refuses_new_entries(client_as, personas, opportunity, resume, status):
    Opportunity.objects.filter(pk=opportunity.pk).update(status=status)
    client = client_as(personas.hr_a)
    response = add(client, opportunity, resume.pk)
    assert not ShortlistEntry.objects.exists()
    assert texts(response) == [
        f"This opportunity is {status}, so its shortlist can no longer change. You can still read and download it."
    ]
    html = client.get(f"/hr/opportunities/{opportunity.pk}/matches/").content.decode()
    assert "Add to shortlist" not in html
    assert "so its shortlist can no longer change" in html


def test_a_finished_opportunity_keeps_its_shortlist_as_it_was(client_as, personas, entry):
    Opportunity.objects.filter(pk=entry.opportunity_id).update(status="closed")
    client = client_as(personas.hr_a)
    response = client.post(f"{base(entry.opportunity)}/{entry.pk}/remove/")
    assert response.status_code == 302
    assert ShortlistEntry.objects.filter(pk=entry.pk).exists()
    assert "so its shortlist can no longer change" in texts(response)[0]
    response = client.post(f"{base(entry.opportunity)}/{entry.pk}/note/", {"note": "Changed"})
    entry.refresh_from_db()
    assert entry.note == ""
    html = client.get(f"{base(entry.opportunity)}/").content.decode()
    assert "Alice Executive" in html
    assert "/remove/" not in html


# The list


def test_the_shortlist_lists_each_executive_with_interest_and_who_added_them(client_as, personas, entry):
    entry.note = "Strong on budget."
    entry.save()
    other = complete_resume()
    Resume.objects.filter(pk=other.pk).update(current_title="Deputy Secretary")
    ShortlistEntry.objects.create(opportunity=entry.opportunity, resume=other, added_by=personas.hr_a)
    interest = Interest.express(personas.executive, entry.opportunity)
    response = client_as(personas.hr_a).get(f"{base(entry.opportunity)}/")
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert f'<a href="/hr/resumes/{entry.resume_id}/">Alice Executive</a>' in html
    assert "Chief Information Officer, Department of Commerce" in html
    assert f"#candidate-{interest.pk}" in html and "Yes; pipeline status:" in html and "Interested</a>" in html
    assert "Not expressed" in html  # the other executive
    assert "Deputy Secretary" in html
    assert "by Bob HR" in html
    assert "Strong on budget." in html
    assert "2 executives on the shortlist" in html
    assert AuditEvent.objects.filter(action="opportunity.shortlist_viewed").exists()


def test_another_hr_user_of_the_agency_sees_the_same_shortlist(client_as, personas, entry):
    from soars.accounts.factories import HrFactory

    colleague = HrFactory(agency=personas.agency_a)
    assert "Alice Executive" in client_as(colleague).get(f"{base(entry.opportunity)}/").content.decode()


def test_an_agency_administrator_is_hr_staff_of_the_agency_too(client_as, personas, entry):
    assert "Alice Executive" in client_as(personas.agency_admin).get(f"{base(entry.opportunity)}/").content.decode()


def test_an_empty_shortlist_says_where_to_add_from(client_as, personas, opportunity):
    html = client_as(personas.hr_a).get(f"{base(opportunity)}/").content.decode()
    assert "Nobody is on the shortlist yet." in html
    assert f'href="/hr/opportunities/{opportunity.pk}/matches/">Best matches</a>' in html
    assert "shortlist.csv" not in html


# Removing


def test_removing_asks_first_then_removes(client_as, personas, entry):
    client = client_as(personas.hr_a)
    url = f"{base(entry.opportunity)}/{entry.pk}/remove/"
    html = client.get(url).content.decode()
    assert "Remove Alice Executive from the shortlist?" in html
    assert ShortlistEntry.objects.filter(pk=entry.pk).exists()
    response = client.post(url)
    assert response["Location"] == f"{base(entry.opportunity)}/"
    assert texts(response) == ["Alice Executive is no longer on the shortlist."]
    assert not ShortlistEntry.objects.exists()
    event = AuditEvent.objects.get(action="shortlist.removed")
    assert event.object_id == str(entry.pk) and event.data == {"resume": entry.resume_id}


def test_removing_from_best_matches_returns_there(client_as, personas, entry):
    client = client_as(personas.hr_a)
    url = f"{base(entry.opportunity)}/{entry.pk}/remove/"
    assert 'name="from" value="matches"' in client.get(url + "?from=matches").content.decode()
    response = client.post(url, {"from": "matches"})
    assert response["Location"] == f"/hr/opportunities/{entry.opportunity_id}/matches/#match-{entry.resume_id}"


# Notes


def test_hr_writes_a_private_note(client_as, personas, entry, client):
    response = client_as(personas.hr_a).post(f"{base(entry.opportunity)}/{entry.pk}/note/", {"note": "  Call first. "})
    assert response["Location"] == f"{base(entry.opportunity)}/#entry-{entry.pk}"
    entry.refresh_from_db()
    assert entry.note == "Call first."
    assert AuditEvent.objects.filter(action="shortlist.note_changed", object_id=str(entry.pk)).exists()
    client.force_login(personas.executive)
    for page in (f"/opportunities/{entry.opportunity_id}/", "/executive/interests/", "/executive/resume/viewers/"):
        assert "Call first." not in client.get(page).content.decode()


def test_an_over_long_note_is_refused_and_what_was_typed_is_kept(client_as, personas, entry):
    typed = "x" * 1001
    response = client_as(personas.hr_a).post(f"{base(entry.opportunity)}/{entry.pk}/note/", {"note": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep the note to 1,000 characters or fewer; this one has 1001." in html
    assert typed in html
    entry.refresh_from_db()
    assert entry.note == ""


def test_hostile_text_is_shown_as_text(client_as, personas, entry):
    entry.note = '<script>alert("note")</script>'
    entry.save()
    Resume.objects.filter(pk=entry.resume_id).update(current_title="<img src=x onerror=alert(1)>")
    html = client_as(personas.hr_a).get(f"{base(entry.opportunity)}/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html


# Exports


def test_the_csv_export_lists_the_shortlist_and_defuses_formulas(client_as, personas, entry):
    entry.note = '=HYPERLINK("http://evil")'
    entry.save()
    Interest.express(personas.executive, entry.opportunity)
    response = client_as(personas.hr_a).get(f"{base(entry.opportunity)}.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="opportunity-{entry.opportunity_id}-shortlist.csv"'
    )
    rows = csv_rows(response)
    assert rows[0][:6] == ["Name", "Email", "Current title", "Current agency", "Expressed interest", "Pipeline status"]
    assert rows[1][:6] == [
        "Alice Executive",
        "alice.executive@agency.gov",
        "Chief Information Officer",
        "Department of Commerce",
        "Yes",
        "Interested",
    ]
    assert rows[1][6] == "Bob HR"
    assert rows[1][8].startswith("'=")
    event = AuditEvent.objects.get(action="opportunity.shortlist_exported")
    assert event.data == {"format": "csv", "count": 1}


def test_the_xlsx_export_opens_as_a_workbook(client_as, personas, entry):
    response = client_as(personas.hr_a).get(f"{base(entry.opportunity)}.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert sheet.title == "Shortlist"
    assert values[0][0] == "Name"
    assert values[1][0] == "Alice Executive"
    assert values[1][4] == "No"


# Who may do what


def test_hr_of_another_agency_gets_404_everywhere(client_as, personas, entry):
    client = client_as(personas.hr_b)
    root = base(entry.opportunity)
    assert client.get(f"{root}/").status_code == 404
    assert client.get(f"{root}.csv").status_code == 404
    assert client.get(f"{root}.xlsx").status_code == 404
    assert add(client, entry.opportunity, entry.resume_id).status_code == 404
    assert client.get(f"{root}/{entry.pk}/remove/").status_code == 404
    assert client.post(f"{root}/{entry.pk}/remove/").status_code == 404
    assert client.post(f"{root}/{entry.pk}/note/", {"note": "Mine now"}).status_code == 404
    assert client.post(f"{root}/{entry.pk}/invite/").status_code == 404
    entry.refresh_from_db()
    assert entry.note == "" and entry.invited_at is None
    assert ShortlistEntry.objects.count() == 1


def test_hr_of_another_agency_cannot_use_its_own_opportunity_to_reach_this_entry(client_as, personas, entry):
    theirs = OpenOpportunityFactory(agency=personas.agency_b, created_by=personas.hr_b)
    client = client_as(personas.hr_b)
    assert client.post(f"{base(theirs)}/{entry.pk}/remove/").status_code == 404
    assert ShortlistEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("name", ["executive", "outsider", "site_admin"])
def test_other_roles_are_refused(client_as, personas, entry, name):
    client = client_as(personas.by_name(name))
    root = base(entry.opportunity)
    for response in (
        client.get(f"{root}/"),
        client.get(f"{root}.csv"),
        add(client, entry.opportunity, entry.resume_id),
        client.post(f"{root}/{entry.pk}/remove/"),
        client.post(f"/hr/resumes/{entry.resume_id}/shortlist/", {"opportunity": entry.opportunity_id}),
    ):
        assert response.status_code == 403
    assert ShortlistEntry.objects.filter(pk=entry.pk).exists()


def test_a_resume_the_agency_may_not_see_cannot_be_added(client_as, personas, opportunity):
    hidden = ResumeFactory()  # hidden by default
    for_b_only = complete_resume()
    Resume.objects.filter(pk=for_b_only.pk).update(visibility=Resume.Visibility.CHOSEN_AGENCIES)
    for_b_only.visible_agencies.set([personas.agency_b])
    client = client_as(personas.hr_a)
    for resume_id in (hidden.pk, for_b_only.pk, 999999):
        assert add(client, opportunity, resume_id).status_code == 404
        assert client.post(f"/hr/resumes/{resume_id}/shortlist/", {"opportunity": opportunity.pk}).status_code == 404
    assert not ShortlistEntry.objects.exists()


def test_a_resume_hidden_later_drops_out_of_the_list_the_exports_and_the_actions(client_as, personas, entry):
    client = client_as(personas.hr_a)
    root = base(entry.opportunity)
    hide(entry.resume)
    html = client.get(f"{root}/").content.decode()
    assert "Alice Executive" not in html
    assert "Nobody is on the shortlist yet." in html
    assert len(csv_rows(client.get(f"{root}.csv"))) == 1  # the header only
    assert len(list(load_workbook(io.BytesIO(client.get(f"{root}.xlsx").content)).active.values)) == 1
    assert client.get(f"{root}/{entry.pk}/remove/").status_code == 404
    assert client.post(f"{root}/{entry.pk}/invite/").status_code == 404
    # Shared again, the entry is back as it was.
    Resume.objects.filter(pk=entry.resume_id).update(visibility=Resume.Visibility.ALL_AGENCIES)
    assert "Alice Executive" in client.get(f"{root}/").content.decode()


def test_a_deactivated_executive_drops_out_of_the_shortlist(client_as, personas, entry):
    personas.executive.is_active = False
    personas.executive.save()
    assert "Alice Executive" not in client_as(personas.hr_a).get(f"{base(entry.opportunity)}/").content.decode()


@pytest.mark.parametrize("forged", ["abc", "", "1e3", "-1", "1.0", " 1", "١", "9" * 40])
def test_a_malformed_resume_id_is_a_404(client_as, personas, opportunity, resume, forged):
    assert add(client_as(personas.hr_a), opportunity, forged).status_code == 404
    assert not ShortlistEntry.objects.exists()


def test_a_missing_resume_field_is_a_404(client_as, personas, opportunity):
    assert client_as(personas.hr_a).post(f"{base(opportunity)}/add/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/hr/opportunities/abc/shortlist/",
        "/hr/opportunities/1/shortlist/abc/remove/",
        "/hr/opportunities/1/shortlist/-1/note/",
        "/hr/resumes/abc/shortlist/",
    ],
)
def test_non_numeric_ids_in_the_address_are_404(client_as, personas, path):
    assert client_as(personas.hr_a).get(path).status_code == 404


def test_adding_needs_a_post(client_as, personas, opportunity, resume):
    assert client_as(personas.hr_a).get(f"{base(opportunity)}/add/?resume={resume.pk}").status_code == 405
    assert not ShortlistEntry.objects.exists()


# From the HR resume page


def test_the_resume_page_offers_the_agencys_draft_and_open_opportunities(client_as, personas, opportunity, resume):
    draft = OpportunityFactory(title="A draft posting")
    closed = OpenOpportunityFactory(title="A closed posting", status="closed")
    theirs = OpenOpportunityFactory(title="Commerce posting", agency=personas.agency_b)
    html = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/").content.decode()
    assert "Not on any of your agency’s shortlists." in html
    assert f'<option value="{opportunity.pk}">' in html and f'<option value="{draft.pk}">' in html
    assert f'value="{closed.pk}"' not in html and f'value="{theirs.pk}"' not in html


def test_hr_adds_from_the_resume_page_with_a_note(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    response = client.post(f"/hr/resumes/{resume.pk}/shortlist/", {"opportunity": opportunity.pk, "note": "Ask"})
    assert response["Location"] == f"/hr/resumes/{resume.pk}/#shortlist"
    assert ShortlistEntry.objects.get().note == "Ask"
    html = client.get(f"/hr/resumes/{resume.pk}/").content.decode()
    assert html.count("Alice Executive is on the shortlist for") == 1  # once: in the panel, not on top
    assert "Alice Executive is on the shortlist for" in html.split('id="shortlist"')[1]
    assert f'<a href="{base(opportunity)}/">Chief Information Officer</a>' in html
    assert f'<option value="{opportunity.pk}">' not in html  # already on that one


def panel(response) -> str:
    """The shortlist panel of the resume page a refused add redirected to."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html[html.index('id="shortlist"') :]


def test_the_resume_page_refuses_another_agencys_or_a_closed_opportunity(client_as, personas, opportunity, resume):
    theirs = OpenOpportunityFactory(agency=personas.agency_b)
    closed = OpenOpportunityFactory(status="closed")
    client = client_as(personas.hr_a)
    for opportunity in (theirs, closed, "abc"):
        chosen = getattr(opportunity, "pk", opportunity)
        response = client.post(f"/hr/resumes/{resume.pk}/shortlist/", {"opportunity": chosen}, follow=True)
        assert response.redirect_chain == [(f"/hr/resumes/{resume.pk}/#shortlist", 302)]
        assert "Opportunity: Choose one of your agency&#x27;s draft or open opportunities." in panel(response)
    assert not ShortlistEntry.objects.exists()


def test_a_refused_add_keeps_the_note_that_was_typed(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    typed = "Strong on budget <b>& audit</b>. " + "x" * 1000
    response = client.post(
        f"/hr/resumes/{resume.pk}/shortlist/", {"opportunity": opportunity.pk, "note": typed}, follow=True
    )
    html = panel(response)
    assert "Please correct this problem" in html
    assert "Keep the note to 1,000 characters or fewer; this one has 1033." in html
    assert "Strong on budget &lt;b&gt;&amp; audit&lt;/b&gt;. " + "x" * 1000 + "</textarea>" in html
    assert f'<option value="{opportunity.pk}" selected>' in html
    assert not ShortlistEntry.objects.exists()
    again = panel(client.get(f"/hr/resumes/{resume.pk}/"))  # read once: the next visit starts afresh
    assert "Please correct" not in again and "Strong on budget" not in again


def test_what_was_typed_for_one_resume_is_not_shown_on_another(client_as, personas, opportunity, resume):
    other = complete_resume()
    client = client_as(personas.hr_a)
    client.post(f"/hr/resumes/{resume.pk}/shortlist/", {"opportunity": "abc", "note": "For the first one"})
    html = panel(client.get(f"/hr/resumes/{other.pk}/"))
    assert "For the first one" not in html and "Please correct" not in html


def test_a_hostile_post_keeps_no_more_than_the_limit(client_as, personas, opportunity, resume):
    client = client_as(personas.hr_a)
    client.post(f"/hr/resumes/{resume.pk}/shortlist/", {"opportunity": "9" * 100_000, "note": "y" * 100_000})
    kept = client.session["shortlist_panel_input"]["typed"]
    assert len(kept["opportunity"]) == 5000 and len(kept["note"]) == 5000
    html = panel(client.get(f"/hr/resumes/{resume.pk}/"))
    assert "Choose one of your agency&#x27;s draft or open opportunities." in html
    assert not ShortlistEntry.objects.exists()


# Inviting


def invite(client, entry):
    return client.post(f"{base(entry.opportunity)}/{entry.pk}/invite/")


def invitations():
    return OutboundEmail.objects.filter(template="shortlist_invitation")


def test_hr_invites_a_shortlisted_executive_once(client_as, personas, entry):
    client = client_as(personas.hr_a)
    response = invite(client, entry)
    assert response["Location"] == f"{base(entry.opportunity)}/#entry-{entry.pk}"
    email = invitations().get()
    assert email.to == ["alice.executive@agency.gov"]
    assert entry.opportunity.title in email.subject
    assert f"/opportunities/{entry.opportunity_id}/" in email.text_body
    entry.refresh_from_db()
    assert entry.invited_at is not None and entry.invited_by == personas.hr_a
    assert AuditEvent.objects.filter(action="shortlist.invited", object_id=str(entry.pk)).exists()
    assert texts(invite(client, entry)) == ["Alice Executive has already been invited."]
    assert invitations().count() == 1
    html = client.get(f"{base(entry.opportunity)}/").content.decode()
    assert "Invited " in html and "Invite to express interest" not in html


def test_only_an_open_opportunity_takes_invitations(client_as, personas, resume):
    entry = ShortlistEntry.objects.create(opportunity=OpportunityFactory(), resume=resume)
    response = invite(client_as(personas.hr_a), entry)
    assert texts(response) == ["Only an open opportunity can take expressions of interest; publish it first."]
    assert not invitations().exists()


def test_an_executive_who_cannot_see_the_opportunity_is_not_invited(client_as, personas, resume):
    own_agency_only = OpenOpportunityFactory(visibility="agency")  # Agriculture's; the executive is of none
    entry = ShortlistEntry.objects.create(opportunity=own_agency_only, resume=resume)
    response = invite(client_as(personas.hr_a), entry)
    assert texts(response) == ["Alice Executive cannot see this opportunity, so cannot be invited to it."]
    assert not invitations().exists()


def test_an_executive_who_already_expressed_interest_is_not_invited(client_as, personas, entry):
    InterestFactory(opportunity=entry.opportunity, executive=personas.executive)
    response = invite(client_as(personas.hr_a), entry)
    assert texts(response) == ["Alice Executive has already expressed interest in this opportunity."]
    assert not invitations().exists()


# In a real browser, with the keyboard


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_hr_shortlists_and_removes_with_the_keyboard_in_chromium(browser, live_server, reference_data):
    from soars.core.testing import make_personas
    from tests.browser import signed_in_context

    personas = make_personas()
    opportunity = OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")
    resume = complete_resume(personas.executive)
    context = signed_in_context(browser, live_server.url, personas.hr_a)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/hr/opportunities/{opportunity.pk}/matches/")
        page.locator(f"#match-{resume.pk}").get_by_role("button", name="Add to shortlist").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/matches/#match-{resume.pk}")
        assert "Alice Executive is on the shortlist" in page.locator(f"#match-{resume.pk}").inner_text()
        page.get_by_role("link", name="Shortlist", exact=True).click()
        page.get_by_role("link", name="Remove Alice Executive from the shortlist").focus()
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Remove Alice Executive from the shortlist?").wait_for()
        page.get_by_role("button", name="Remove from the shortlist").focus()
        page.keyboard.press("Enter")
        page.get_by_text("Nobody is on the shortlist yet.").wait_for()
        assert not ShortlistEntry.objects.exists()
    finally:
        context.close()
