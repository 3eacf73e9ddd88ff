"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page
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


PAGES = [
    Page("/opportunities/", user="executive"),
    Page(browse_with_cards, user="executive"),
    Page(browse_search, user="executive"),
    Page(browse_search_nothing_found, user="executive"),
    Page(detail, user="executive"),
    Page(detail_with_interest, user="executive"),
    Page(my_interests, user="executive"),
    Page("/executive/interests/", user="executive"),
    Page(executive_home_with_interests, user="executive"),
    Page(hr_list, user="hr_a"),
    Page("/hr/opportunities/new/", user="hr_a"),
    Page(hr_edit, user="hr_a"),
    Page(hr_preview, user="hr_a"),
    Page(hr_fill, user="hr_a"),
    Page(hr_candidates, user="hr_a"),
    Page(hr_matches, user="hr_a"),
    Page(hr_matches_with_shortlist, user="hr_a"),
    Page(hr_shortlist, user="hr_a"),
    Page(hr_shortlist_empty, user="hr_a"),
    Page(hr_shortlist_remove, user="hr_a"),
    Page(hr_shortlist_note, user="hr_a"),
    Page(hr_resume_with_shortlist_form, user="hr_a"),
    Page(executive_home_with_recommendations, user="executive"),
    Page("/hr/opportunities/import/", user="hr_a"),
    Page(hr_home_with_opportunities, user="hr_a"),
    Page(hr_matches_with_near_misses, user="hr_a"),
    Page(executive_home_with_near_misses, user="executive"),
    Page(hr_matches_filtered, user="hr_a"),
    Page(hr_candidates_with_scores, user="hr_a"),
]
