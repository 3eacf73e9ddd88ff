"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page, also_as


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


def _hr_search_forgiving(personas) -> str:
    """Most of the words, related terms and "Did you mean" shown together."""
    _complete_resume_of_executive(personas)
    return "/hr/resumes/?q=cybersecurity+informaton+zeppelin"


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


def _hr_search_page_two(personas) -> str:
    from soars.resumes.factories import SharedResumeFactory

    SharedResumeFactory.create_batch(27, headline="Chief Zeppelin Officer", arrangements=["remote"])
    return "/hr/resumes/?q=zeppelin&remote=on&sort=updated&page=2"


def _viewers_page_two(personas) -> str:
    from soars.audit.log import record
    from soars.resumes.viewing import VIEWED

    resume = _complete_resume_of_executive(personas)
    for _ in range(27):
        record(VIEWED, actor=personas.hr_a, obj=resume, agency=personas.agency_a)
    return "/executive/resume/viewers/?page=2"


def _hidden_resume(personas) -> str:
    from soars.resumes.factories import ResumeFactory

    return f"/hr/resumes/{ResumeFactory().pk}/"


def _not_a_resume_file(personas) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("resume.pdf", b"just some text, not a PDF", "application/pdf")}


def _not_a_json_resume(personas) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"import-file": SimpleUploadedFile("resume.json", b'{"basics": {"name": ', "application/json")}


def _json_resume_with_problems(personas) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = b'{"basics": {"name": 7}, "work": [{"startDate": "last spring"}], "education": "none"}'
    return {"import-file": SimpleUploadedFile("resume.json", body, "application/json")}


def _chosen_agencies_but_none_chosen(personas) -> dict:
    return {"sharing-visibility": "chosen", "sharing-visible_agencies": []}


EDITOR = "/executive/resume/"
EMPTY_POSITION = {"title": "", "employer": "", "agency": "", "start_date": "", "end_date": "", "accomplishments": ""}
EMPTY_STATEMENT = {"challenge": "", "context": "", "action": "", "result": ""}

HR_PAGES = [
    Page("/hr/resumes/"),
    Page(_hr_search),
    Page(_hr_search_nothing_found),
    Page(_hr_search_forgiving),
    Page(_hr_detail),
    Page(_hr_search_page_two),
    Page(_hidden_resume, status=404),
]

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
    Page(_viewers_page_two, user="executive"),
    Page("/hr/resumes/", user="executive", status=403),
    *also_as("hr_a", HR_PAGES),
    *also_as("agency_admin", HR_PAGES),
    # Forms with errors: the editor's sections (each answers 400 with the whole editor), its
    # uploads, and the forms of its own pages.
    Page(EDITOR, user="executive", data={"framework-ecq_framework": ""}, action="section/framework/", status=400),
    Page(
        EDITOR,
        user="executive",
        data={"preferences-arrangements": [], "preferences-available_from": "2999-01-01"},
        action="section/preferences/",
        status=400,
    ),
    Page(EDITOR, user="executive", data=_chosen_agencies_but_none_chosen, action="section/sharing/", status=400),
    Page(EDITOR, user="executive", data={"file": ""}, action="file/", status=400),
    Page(EDITOR, user="executive", data=_not_a_resume_file, action="file/", status=400),
    Page(EDITOR, user="executive", data={"import-file": ""}, action="import/", status=400),
    Page(EDITOR, user="executive", data=_not_a_json_resume, action="import/", status=400),
    Page(EDITOR, user="executive", data=_json_resume_with_problems, action="import/", status=400),
    Page("/executive/resume/positions/add/", user="executive", data=EMPTY_POSITION, status=400),
    Page(
        "/executive/resume/positions/add/",
        user="executive",
        data={**EMPTY_POSITION, "title": "Director", "start_date": "2020-05-01", "end_date": "2019-01-01"},
        status=400,
    ),
    Page("/executive/resume/education/add/", user="executive", data={"institution": "", "year": "3000"}, status=400),
    Page(
        "/executive/resume/training/add/", user="executive", data={"kind": "", "name": "", "year": "3000"}, status=400
    ),
    Page(_ecq_statement, user="executive", data=EMPTY_STATEMENT, status=400),
]
