"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page, also_as


def _opportunity_search(personas):
    from soars.opportunities.factories import OpenOpportunityFactory
    from soars.saved_searches.alerts import create

    OpenOpportunityFactory(title="Budget Director", description="Run the agency budget process.")
    return create(personas.executive, "opportunity", "q=budget&remote=on", "Budget jobs with telework", "weekly")


def _resume_search(personas):
    from soars.resumes.factories import complete_resume
    from soars.saved_searches.alerts import create

    complete_resume()
    return create(personas.hr_a, "resume", "q=cloud&clearance=secret", "Cloud leaders", "daily")


def executive_list(personas):
    _opportunity_search(personas)
    return "/executive/searches/"


def hr_list(personas):
    _resume_search(personas)
    return "/hr/searches/"


def executive_edit(personas):
    return f"/executive/searches/{_opportunity_search(personas).pk}/"


def hr_edit(personas):
    return f"/hr/searches/{_resume_search(personas).pk}/"


def hr_delete(personas):
    return f"/hr/searches/{_resume_search(personas).pk}/delete/"


def executive_delete(personas):
    return f"/executive/searches/{_opportunity_search(personas).pk}/delete/"


def unsubscribe(personas):
    from soars.saved_searches.tokens import unsubscribe_token

    return f"/searches/unsubscribe/{unsubscribe_token(_opportunity_search(personas))}/"


def search_page_with_save_form(personas):
    _resume_search(personas)
    return "/hr/resumes/?q=cloud&remote=on"


def browse_with_save_form(personas):
    _opportunity_search(personas)
    return "/opportunities/?q=budget&type=detail"


def hr_list_of_the_viewer(personas):
    """Saved searches belong to one person: every HR persona sees a list of its own."""
    from soars.saved_searches.alerts import create

    for name in ("hr_a", "agency_admin"):
        create(personas.by_name(name), "resume", "q=cloud&clearance=secret", "Cloud leaders", "daily")
    return "/hr/searches/"


NOTHING_TO_SAVE = {"name": "", "frequency": "weekly", "params": ""}
NO_NAME = {"name": "   ", "frequency": ""}

PAGES = [
    Page("/executive/searches/", user="executive"),
    Page("/hr/searches/", user="hr_a"),
    Page(executive_list, user="executive"),
    Page(hr_list, user="hr_a"),
    Page(executive_edit, user="executive"),
    Page(hr_edit, user="hr_a"),
    Page(executive_delete, user="executive"),
    Page(hr_delete, user="hr_a"),
    Page(unsubscribe, user=None),
    Page("/hr/searches/save/?q=cloud&sort=updated", user="hr_a"),
    Page("/executive/searches/save/?q=budget", user="executive"),
    Page(search_page_with_save_form, user="hr_a"),
    Page(browse_with_save_form, user="executive"),
    Page("/hr/searches/", user="executive", status=403),
    Page(hr_edit, user="hr_b", status=404),
    *also_as("agency_admin", [Page(hr_list_of_the_viewer), Page("/hr/searches/save/?q=cloud&sort=updated")]),
    # Forms with errors.
    Page("/executive/searches/save/?q=budget", user="executive", data=NOTHING_TO_SAVE, status=400),
    Page(executive_edit, user="executive", data=NO_NAME, status=400),
    Page("/hr/searches/save/?q=cloud", user="hr_a", data=NOTHING_TO_SAVE, status=400),
    Page(hr_edit, user="hr_a", data=NO_NAME, status=400),
]
