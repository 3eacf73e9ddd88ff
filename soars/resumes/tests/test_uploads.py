"""Uploading a resume file: checked by content, stored under our name, text read in the background.
Hostile and broken files are refused with a clear message and nothing saved is lost."""

import contextlib
import resource
import signal

import pytest
from django.test import TestCase

from soars.core.testing import run_tasks
from soars.resumes.models import Resume
from soars.resumes.tests.samples import docx_bytes, pdf_bytes, upload, zip_bomb_bytes

pytestmark = pytest.mark.django_db

URL = "/executive/resume/file/"
# The task worker closes its database connection when done, which a test transaction does not survive.
RUNS_TASKS = pytest.mark.django_db(transaction=True)


def _post(client, name, content):
    with TestCase.captureOnCommitCallbacks(execute=True):  # queue the text-reading task as a commit would
        return client.post(URL, {"file": upload(name, content)})


def _resume(personas) -> Resume:
    return Resume.objects.get(executive=personas.executive)


def test_a_pdf_is_stored_under_a_server_chosen_name(client_as, personas):
    response = _post(client_as(personas.executive), "../../etc/My Resume.pdf", pdf_bytes())
    assert response.status_code == 302
    resume = _resume(personas)
    assert resume.file_kind == "pdf"
    assert resume.file.name.startswith("resumes/") and "My Resume" not in resume.file.name
    assert resume.file_status == Resume.FileStatus.PENDING


@RUNS_TASKS
def test_the_text_of_a_pdf_is_read_in_the_background_and_searchable(reference_data, client_as, personas):
    _post(client_as(personas.executive), "cv.pdf", pdf_bytes("Zanzibar logistics turnaround"))
    run_tasks()
    resume = _resume(personas)
    assert resume.file_status == Resume.FileStatus.READY
    assert "Zanzibar logistics turnaround" in resume.file_text
    assert "Zanzibar logistics turnaround" in resume.build_search_text()


@RUNS_TASKS
def test_the_text_of_a_docx_is_read_and_shown_to_the_executive(reference_data, client_as, personas):
    client = client_as(personas.executive)
    _post(client, "cv.docx", docx_bytes("Led the Antarctic station resupply"))
    run_tasks()
    assert _resume(personas).file_kind == "docx"
    assert "Led the Antarctic station resupply" in client.get("/executive/resume/").content.decode()


def test_the_executive_downloads_the_file_as_an_attachment(client_as, personas):
    client = client_as(personas.executive)
    _post(client, "cv.docx", docx_bytes())
    response = client.get("/executive/resume/file/download/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_renamed_html_file_is_refused(client_as, personas):
    response = _post(client_as(personas.executive), "resume.pdf", b"<html><script>alert(1)</script></html>")
    assert response.status_code == 400
    assert "not a PDF or a Word (DOCX) document" in response.content.decode()
    assert not _resume(personas).file


def test_a_zip_bomb_named_docx_is_refused(client_as, personas):
    response = _post(client_as(personas.executive), "resume.docx", zip_bomb_bytes(100))
    assert response.status_code == 400
    assert "expands to far more data than a resume holds" in response.content.decode()


def test_a_zip_with_too_many_entries_is_refused(client_as, personas):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(600):
            archive.writestr(f"word/part{n}.xml", "x")
    response = _post(client_as(personas.executive), "resume.docx", buffer.getvalue())
    assert "too many parts" in response.content.decode()


def test_a_plain_zip_named_docx_is_refused(client_as, personas):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    response = _post(client_as(personas.executive), "resume.docx", buffer.getvalue())
    assert "a zip archive, not a Word (DOCX) document" in response.content.decode()


def test_an_encrypted_pdf_is_refused(client_as, personas):
    response = _post(client_as(personas.executive), "resume.pdf", pdf_bytes(password="secret"))
    assert response.status_code == 400
    assert "encrypted or password-protected" in response.content.decode()


def test_a_damaged_pdf_is_refused(client_as, personas):
    response = _post(client_as(personas.executive), "resume.pdf", b"%PDF-1.7\n" + b"garbage" * 100)
    assert response.status_code == 400
    assert "damaged or cannot be read" in response.content.decode()


def test_a_six_megabyte_file_is_refused(client_as, personas):
    big = pdf_bytes() + b"\n%" + b"x" * (6 * 1024 * 1024)
    response = _post(client_as(personas.executive), "resume.pdf", big)
    assert response.status_code == 400
    assert "the limit is 5 MB" in response.content.decode()


def test_a_refused_file_keeps_the_file_already_saved(client_as, personas):
    client = client_as(personas.executive)
    _post(client, "good.pdf", pdf_bytes())
    kept = _resume(personas).file.name
    _post(client, "bad.pdf", b"<html></html>")
    resume = _resume(personas)
    assert resume.file.name == kept
    assert resume.file.storage.exists(kept)


def test_a_new_file_replaces_and_deletes_the_old_one(client_as, personas):
    client = client_as(personas.executive)
    _post(client, "first.pdf", pdf_bytes())
    old = _resume(personas).file.name
    _post(client, "second.docx", docx_bytes())
    resume = _resume(personas)
    assert resume.file_kind == "docx"
    assert not resume.file.storage.exists(old)


@RUNS_TASKS
def test_a_file_whose_text_cannot_be_read_is_kept_with_a_message(reference_data, client_as, personas, monkeypatch):
    from soars.resumes import uploads

    client = client_as(personas.executive)
    _post(client, "cv.pdf", pdf_bytes())

    def broken(content):
        raise ValueError("parser exploded")

    monkeypatch.setattr(uploads, "_extract_pdf", broken)
    run_tasks()
    resume = _resume(personas)
    assert resume.file_status == Resume.FileStatus.FAILED and resume.file
    assert "could not read the text of this file" in client.get("/executive/resume/").content.decode()


@RUNS_TASKS
def test_removing_the_file_clears_its_text(reference_data, client_as, personas):
    client = client_as(personas.executive)
    _post(client, "cv.pdf", pdf_bytes("Removable words"))
    run_tasks()
    client.post("/executive/resume/file/remove/")
    resume = _resume(personas)
    assert not resume.file and "Removable words" not in resume.build_search_text()


def test_an_executive_without_a_file_gets_404_on_download(client_as, personas):
    assert client_as(personas.executive).get("/executive/resume/file/download/").status_code == 404


def test_an_old_format_or_encrypted_word_file_is_refused(client_as, personas):
    response = _post(client_as(personas.executive), "resume.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert "old-format (.doc) or password-protected Word file" in response.content.decode()


@RUNS_TASKS
def test_the_text_read_from_a_file_is_in_the_search_index(reference_data, client_as, personas):
    from soars.search.engine import search

    _post(client_as(personas.executive), "cv.pdf", pdf_bytes("Zanzibar logistics turnaround"))
    run_tasks()
    found = search(Resume.objects.all(), "zanzibar", kind="resume")
    assert list(found.values_list("pk", flat=True)) == [_resume(personas).pk]


@contextlib.contextmanager
def disk_fills_after(limit: int):
    """Writes by this process fail past `limit` bytes a file (EFBIG), as on a full disk: the operating
    system cuts the write short, leaving what fitted. SIGXFSZ is ignored so the write fails instead of
    the process being stopped."""
    previous_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_handler)


def big_pdf() -> bytes:
    return pdf_bytes(" ".join(f"Chief Information Officer {n}" for n in range(3000)))


def test_a_full_disk_gives_a_clear_error_leaves_no_half_file_and_keeps_the_resume(client_as, personas, media_root):
    client = client_as(personas.executive)
    _post(client, "first.pdf", pdf_bytes())
    before = _resume(personas)
    content = big_pdf()
    assert len(content) > 6 * 1024
    with disk_fills_after(6 * 1024):
        response = _post(client, "second.pdf", content)
    html = response.content.decode()
    assert response.status_code == 503
    assert "Our file storage is full at the moment, so your file was not saved" in html
    assert 'value="' not in html.split('name="file"')[0][-200:]  # nothing to retype: the file field is empty
    after = _resume(personas)
    assert (after.file.name, after.file_kind, after.file_size) == (before.file.name, before.file_kind, before.file_size)
    assert after.file.storage.exists(before.file.name)
    stored = sorted(p.name for p in (media_root / "resumes").rglob("*") if p.is_file())
    assert stored == [before.file.name.rsplit("/", 1)[-1]]  # no half-written file beside it

    assert _post(client, "second.pdf", content).status_code == 302  # space again: the same file goes in
