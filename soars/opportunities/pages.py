"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page, also_as
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory


def _open_with_interest(personas):
    opportunity = OpenOpportunityFactory(title="Chief Data Officer", created_by=personas.hr_a)
    interest = InterestFactory(opportunity=opportunity, executive=personas.executive)
    interest.record(None, "interested", by=personas.executive)
    return opportunity


def browse_with_cards(personas):
    for number in range(22):
        OpenOpportunityFactory(title=f"Regional Administrator {number}")
    return "/opportunities/?sort=closing"


def browse_search(personas):
    OpenOpportunityFactory(title="Budget Director", description="Run the agency budget process.")
    OpenOpportunityFactory(title="Chief Data Officer", description="Lead budget reform.")
    return "/opportunities/?q=budget+-cyber&sort=relevance"


def browse_search_nothing_found(personas):
    OpenOpportunityFactory(title="Budget Director")
    return "/opportunities/?q=%22no+such+phrase%22&remote=on"


def browse_search_forgiving(personas):
    """Most of the words, related terms and "Did you mean" shown together."""
    OpenOpportunityFactory(title="Director of Cybersecurity", description="Lead the budget office.")
    return "/opportunities/?q=cybersecurity+budgett+zeppelin"


def detail(personas):
    return f"/opportunities/{OpenOpportunityFactory().pk}/"


def detail_with_interest(personas):
    return f"/opportunities/{_open_with_interest(personas).pk}/"


def my_interests(personas):
    _open_with_interest(personas)
    return "/executive/interests/"


def hr_list(personas):
    _open_with_interest(personas)
    OpportunityFactory(title="A draft")
    return "/hr/opportunities/"


def hr_edit(personas):
    return f"/hr/opportunities/{OpportunityFactory().pk}/edit/"


def hr_preview(personas):
    return f"/hr/opportunities/{_open_with_interest(personas).pk}/"


def hr_fill(personas):
    return f"/hr/opportunities/{_open_with_interest(personas).pk}/fill/"


def hr_candidates(personas):
    return f"/hr/opportunities/{_open_with_interest(personas).pk}/candidates/"


def hr_matches(personas):
    from soars.resumes.factories import complete_resume

    complete_resume()
    opportunity = OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration, data")
    return f"/hr/opportunities/{opportunity.pk}/matches/"


def _shortlisted(personas, opportunity):
    from soars.opportunities.models import ShortlistEntry
    from soars.resumes.factories import complete_resume

    resume = complete_resume(personas.executive)
    entry = ShortlistEntry.objects.create(
        opportunity=opportunity, resume=resume, added_by=personas.hr_a, note="Strong on budget.\nCall first."
    )
    return entry


def hr_matches_with_shortlist(personas):
    opportunity = OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration, data")
    _shortlisted(personas, opportunity)
    from soars.resumes.factories import complete_resume

    complete_resume()
    return f"/hr/opportunities/{opportunity.pk}/matches/"


def hr_shortlist(personas):
    opportunity = _open_with_interest(personas)
    _shortlisted(personas, opportunity)
    from soars.opportunities.models import ShortlistEntry
    from soars.resumes.factories import complete_resume

    ShortlistEntry.objects.create(opportunity=opportunity, resume=complete_resume(), added_by=personas.hr_a)
    return f"/hr/opportunities/{opportunity.pk}/shortlist/"


def hr_shortlist_empty(personas):
    return f"/hr/opportunities/{OpportunityFactory().pk}/shortlist/"


def hr_shortlist_remove(personas):
    entry = _shortlisted(personas, OpenOpportunityFactory())
    return f"/hr/opportunities/{entry.opportunity_id}/shortlist/{entry.pk}/remove/"


def hr_shortlist_note(personas):
    entry = _shortlisted(personas, OpenOpportunityFactory())
    return f"/hr/opportunities/{entry.opportunity_id}/shortlist/{entry.pk}/note/"


def hr_resume_with_shortlist_form(personas):
    entry = _shortlisted(personas, OpenOpportunityFactory(title="Chief Data Officer"))
    OpportunityFactory(title="A draft posting")
    return f"/hr/resumes/{entry.resume_id}/"


def executive_home_with_recommendations(personas):
    from soars.resumes.factories import complete_resume

    complete_resume(personas.executive)
    OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")
    return "/executive/"


def hr_home_with_opportunities(personas):
    _open_with_interest(personas)
    return "/hr/"


def executive_home_with_interests(personas):
    _open_with_interest(personas)
    return "/executive/"


def hr_matches_with_near_misses(personas):
    from soars.core.models import ClearanceLevel
    from soars.resumes.factories import SharedResumeFactory, complete_resume

    complete_resume()  # holds Secret: a near miss
    SharedResumeFactory(clearance=ClearanceLevel.objects.get(code="top_secret"))
    opportunity = OpenOpportunityFactory(clearance=ClearanceLevel.objects.get(code="top_secret"))
    return f"/hr/opportunities/{opportunity.pk}/matches/"


def executive_home_with_near_misses(personas):
    from soars.core.models import ClearanceLevel
    from soars.resumes.factories import complete_resume

    complete_resume(personas.executive)  # holds Secret
    OpenOpportunityFactory(title="Chief Information Officer", clearance=ClearanceLevel.objects.get(code="top_secret"))
    return "/executive/"


def hr_matches_filtered(personas):
    """Near misses of those who expressed interest, by name: the list's filters as a bookmark would keep them."""
    from soars.resumes.factories import complete_resume

    opportunity = _open_with_interest(personas)
    complete_resume(personas.executive)
    return f"/hr/opportunities/{opportunity.pk}/matches/?show=near&interested=1&sort=name"


def hr_candidates_with_scores(personas):
    from soars.resumes.factories import complete_resume

    opportunity = _open_with_interest(personas)
    complete_resume(personas.executive)
    return f"/hr/opportunities/{opportunity.pk}/candidates/"


def browse_page_two_filtered(personas):
    for number in range(25):
        OpenOpportunityFactory(title=f"Deputy Administrator {number}", remote="remote")
    return "/opportunities/?remote=on&type=permanent&sort=closing&page=2"


def my_interests_page_two(personas):
    for number in range(22):
        opportunity = OpenOpportunityFactory(title=f"Field Director {number}")
        InterestFactory(opportunity=opportunity, executive=personas.executive)
    return "/executive/interests/?page=2"


def hr_list_page_two_filtered(personas):
    for number in range(27):
        OpenOpportunityFactory(title=f"Area Director {number}", created_by=personas.hr_a)
    return "/hr/opportunities/?status=open&page=2"


def other_agencys_opportunity(personas):
    return f"/hr/opportunities/{OpportunityFactory(agency=personas.agency_b).pk}/edit/"


def opportunity_form_empty(personas) -> dict:
    """The posting form sent with nothing typed, as a browser sends it (choices keep their defaults)."""
    from soars.core.models import OpportunityType

    return {"title": "", "type": OpportunityType.objects.get(code="detail").pk, "description": "", "closes_on": ""}


def opportunity_form_invalid(personas) -> dict:
    """A detail too long for its type, closing yesterday, paid less at the top than at the bottom."""
    from soars.core.models import OpportunityType

    return {
        **opportunity_form_empty(personas),
        "title": "Chief Data Officer",
        "type": OpportunityType.objects.get(code="ipa").pk,
        "duration_days": "5000",
        "closes_on": "2001-01-01",
        "start_date": "not a date",
        "pay_min": "200000",
        "pay_max": "100000",
        "contact_email": "not an address",
    }


def usajobs_not_json(personas) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("search.json", b'{"SearchResult": [1, 2', "application/json")}


def usajobs_with_problems(personas) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    items = b'{"MatchedObjectDescriptor": {"PositionTitle": "", "ApplicationCloseDate": "someday"}}'
    body = b'{"SearchResult": {"SearchResultItems": [' + items + b"]}}"
    return {"file": SimpleUploadedFile("search.json", body, "application/json")}


def usajobs_to_preview(personas) -> dict:
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    from soars.opportunities.tests.usajobs_samples import document, item

    body = json.dumps(document(item(), item(PositionTitle="Chief Forester", PositionID="AG-2026-0002")))
    return {"file": SimpleUploadedFile("search.json", body.encode(), "application/json")}


TOO_LONG_NOTE = {"note": "Far too long. " * 400}

HR_PAGES = [
    Page(hr_list),
    Page("/hr/opportunities/new/"),
    Page(hr_edit),
    Page(hr_preview),
    Page(hr_fill),
    Page(hr_candidates),
    Page(hr_matches),
    Page(hr_matches_with_shortlist),
    Page(hr_matches_with_near_misses),
    Page(hr_matches_filtered),
    Page(hr_candidates_with_scores),
    Page(hr_shortlist),
    Page(hr_shortlist_empty),
    Page(hr_shortlist_remove),
    Page(hr_shortlist_note),
    Page(hr_resume_with_shortlist_form),
    Page("/hr/opportunities/import/"),
    Page(hr_home_with_opportunities),
    Page(hr_list_page_two_filtered),
    Page(other_agencys_opportunity, status=404),
    # Forms with errors.
    Page("/hr/opportunities/new/", data=opportunity_form_empty),
    Page("/hr/opportunities/new/", data=opportunity_form_invalid),
    Page(hr_edit, data=opportunity_form_invalid),
    Page(hr_shortlist_note, data=TOO_LONG_NOTE),
    Page("/hr/opportunities/import/", data={"file": ""}),
    Page("/hr/opportunities/import/", data=usajobs_not_json),
    Page("/hr/opportunities/import/", data=usajobs_with_problems),
    Page("/hr/opportunities/import/", data=usajobs_to_preview),
]

PAGES = [
    Page("/opportunities/", user="executive"),
    Page(browse_with_cards, user="executive"),
    Page(browse_search, user="executive"),
    Page(browse_search_nothing_found, user="executive"),
    Page(browse_search_forgiving, user="executive"),
    Page(detail, user="executive"),
    Page(detail_with_interest, user="executive"),
    Page(my_interests, user="executive"),
    Page("/executive/interests/", user="executive"),
    Page(executive_home_with_interests, user="executive"),
    Page(executive_home_with_recommendations, user="executive"),
    Page(executive_home_with_near_misses, user="executive"),
    Page(browse_page_two_filtered, user="executive"),
    Page(my_interests_page_two, user="executive"),
    Page(detail, user="executive", data=TOO_LONG_NOTE, action="interest/", status=400),
    Page("/hr/opportunities/", user="executive", status=403),
    Page("/opportunities/999999/", user="executive", status=404),
    *also_as("hr_a", HR_PAGES),
    *also_as("agency_admin", HR_PAGES),
]
