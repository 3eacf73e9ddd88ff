"""Every resume download names one file with the right extension, whatever the executive is called."""

import email.message
import email.utils

import pytest

from soars.resumes.factories import complete_resume
from soars.resumes.tests.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    "x\";filename*=UTF-8''evil.html;x=\"",  # the review's case: a browser would have saved evil.html
    'Pat "PJ" O\'Neil',
    "Kim; filename=evil.html",
    "Lee\r\nSet-Cookie: session=stolen",
    "José Ñúñez-Zoë",
    "..\\..\\evil.exe /",
    "",
]


def filenames(response) -> list[str]:
    """The file names a reader of the header finds (email.message decodes filename* as RFC 2231)."""
    header = email.message.Message()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_content_disposition() == "attachment"
    params = header.get_params(header="content-disposition")
    return [email.utils.collapse_rfc2231_value(value) for name, value in params if name == "filename"]


@pytest.fixture
def resume(personas):
    return complete_resume(personas.executive)


def named(personas, name):
    personas.executive.full_name = name
    personas.executive.save()


def downloads(client_as, personas, resume):
    """(response, extension) of every resume download, as the executive and as HR staff."""
    client_as(personas.executive).post("/executive/resume/file/", {"file": upload("cv.pdf", pdf_bytes())})
    executive = client_as(personas.executive)
    yield executive.get("/executive/resume.pdf"), "pdf"
    yield executive.get("/executive/resume.json"), "json"
    yield executive.get("/executive/resume/file/download/"), "pdf"
    hr = client_as(personas.hr_a)
    yield hr.get(f"/hr/resumes/{resume.pk}/resume.pdf"), "pdf"
    yield hr.get(f"/hr/resumes/{resume.pk}/file/"), "pdf"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_name_gives_exactly_one_file_name_with_the_right_extension(client_as, personas, resume, name):
    named(personas, name)
    for response, extension in downloads(client_as, personas, resume):
        assert response.status_code == 200
        (filename,) = filenames(response)
        assert filename.endswith(f"-resume.{extension}") or filename == "resume.json"
        assert not set(filename) & set("\"';\\/\r\n"), filename


def test_a_plain_name_becomes_a_tidy_file_name(client_as, personas, resume):
    named(personas, "Ada  Lovelace")
    response = client_as(personas.executive).get("/executive/resume.pdf")
    assert response["Content-Disposition"] == 'attachment; filename="ada-lovelace-resume.pdf"'


def test_a_name_in_other_letters_is_kept_and_encoded(client_as, personas, resume):
    named(personas, "José Núñez")
    response = client_as(personas.hr_a).get(f"/hr/resumes/{resume.pk}/resume.pdf")
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''jos%C3%A9-n%C3%BA%C3%B1ez-resume.pdf"
    assert filenames(response) == ["josé-núñez-resume.pdf"]
