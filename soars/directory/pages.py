"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page


def _listed(personas):
    from soars.core.models import Agency
    from soars.resumes.factories import SharedResumeFactory

    for index in range(3):
        SharedResumeFactory(
            directory_opt_in=True,
            current_title=f"Chief Information Officer {index}",
            current_agency=Agency.objects.get(code="AG"),
            skills=["cloud migration", "cybersecurity"],
            directory_phone="202-555-0143" if index else "",
        )
    return "/directory/"


def searched(personas):
    return _listed(personas) + "?q=cloud&sort=agency"


def nobody_matches(personas):
    return _listed(personas) + "?q=zzzz"


def bad_search(personas):
    return _listed(personas) + "?q=" + "+".join(["word"] * 12) + "&agency=999999"


PAGES = [
    Page("/directory/", user="executive"),
    Page(_listed, user="executive"),
    Page(searched, user="hr_a"),
    Page(nobody_matches, user="site_admin"),
    Page(bad_search, user="executive"),
]
