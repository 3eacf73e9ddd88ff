"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page


def _complete_resume_of_executive(personas):
    from soars.resumes.factories import complete_resume

    return complete_resume(personas.executive)


def _hr_detail(personas) -> str:
    return f"/hr/resumes/{_complete_resume_of_executive(personas).pk}/"


def _hr_search(personas) -> str:
    _complete_resume_of_executive(personas)
    return "/hr/resumes/?q=cloud+OR+%22information+officer%22&clearance=secret&remote=on&type=detail&sort=updated"


def _hr_search_nothing_found(personas) -> str:
    _complete_resume_of_executive(personas)
    return "/hr/resumes/?q=zeppelin+-cloud&available_by=not-a-date"


def _editor_filled(personas) -> str:
    _complete_resume_of_executive(personas)
    return "/executive/resume/"


def _preview_filled(personas) -> str:
    _complete_resume_of_executive(personas)
    return "/executive/resume/preview/"


def _edit_position(personas) -> str:
    resume = _complete_resume_of_executive(personas)
    return f"/executive/resume/positions/{resume.positions.first().pk}/"


def _ecq_statement(personas) -> str:
    resume = _complete_resume_of_executive(personas)
    return f"/executive/resume/ecqs/{resume.ecq_framework.ecqs.first().pk}/"


PAGES = [
    Page("/executive/resume/", user="executive"),
    Page(_editor_filled, user="executive"),
    Page(_preview_filled, user="executive"),
    Page("/executive/resume/viewers/", user="executive"),
    Page("/executive/resume/positions/add/", user="executive"),
    Page("/executive/resume/education/add/", user="executive"),
    Page("/executive/resume/training/add/", user="executive"),
    Page(_edit_position, user="executive"),
    Page(_ecq_statement, user="executive"),
    Page("/hr/resumes/", user="hr_a"),
    Page(_hr_search, user="hr_a"),
    Page(_hr_search_nothing_found, user="hr_a"),
    Page(_hr_detail, user="hr_a"),
]
