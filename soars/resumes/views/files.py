"""The executive's uploaded resume file: upload, download, remove."""

from __future__ import annotations

import contextlib
import errno
import logging

from botocore.exceptions import BotoCoreError, ClientError
from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.core.access import roles
from soars.resumes.forms import ResumeFileForm
from soars.resumes.models import Resume
from soars.resumes.tasks import extract_resume_text
from soars.resumes.uploads import FileProblem, check_upload, stored_file
from soars.resumes.views.editor import own_resume, render_editor

logger = logging.getLogger(__name__)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_response(resume: Resume) -> FileResponse:
    """The stored file, always as an attachment, never rendered by the browser."""
    if not resume.file:
        raise Http404("No file.")
    try:
        handle = resume.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("No file.") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=resume.file_download_name, content_type=CONTENT_TYPES[resume.file_kind]
    )
    response["Cache-Control"] = "no-store"
    return response


FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
# What a failed write raises: the disk (OSError) or an S3-compatible store (botocore's errors).
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)
STORAGE_FULL = (
    "Our file storage is full at the moment, so your file was not saved. Your resume and any file you saved "
    "before are unchanged. Please try again later; our team has been told."
)
STORAGE_FAILED = (
    "We could not store your file because of a problem on our side. Your resume and any file you saved before "
    "are unchanged. Please try again later; our team has been told."
)


def _store(resume: Resume, content) -> None:
    """Write the file, or leave nothing of it: a write cut short (a full disk) removes what it wrote."""
    target = resume.file.field.generate_filename(resume, content.name)
    try:
        resume.file.save(content.name, content, save=False)
    except STORAGE_ERRORS:
        with contextlib.suppress(*STORAGE_ERRORS):
            if resume.file.storage.exists(target):
                resume.file.storage.delete(target)
        raise


def _delete_later(storage, name: str) -> None:
    if name:
        # robust: a store out of reach leaves the old file behind (logged), not an error page
        transaction.on_commit(lambda: storage.delete(name), robust=True)


@roles("executive")
@never_cache
@require_POST
def upload(request):
    resume = own_resume(request)
    form = ResumeFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            checked = check_upload(form.cleaned_data["file"])
        except FileProblem as problem:
            form.add_error("file", str(problem))
    if not form.is_valid():
        # The file already saved, if any, stays exactly as it was.
        return render_editor(request, resume, upload_form=form, status=400)
    old_name = resume.file.name
    content = stored_file(checked)
    try:
        with transaction.atomic():
            _store(resume, content)
            resume.file_kind, resume.file_size = checked.kind, len(checked.content)
            resume.file_uploaded_at, resume.file_status = timezone.now(), Resume.FileStatus.PENDING
            resume.file_text = ""
            resume.save()
            _delete_later(resume.file.storage, old_name)
            name = resume.file.name
            transaction.on_commit(lambda: extract_resume_text.enqueue(resume.pk, name))
    except STORAGE_ERRORS as error:  # the disk is full, or the storage refused the write
        logger.error("Resume file not stored: %s", error)
        resume.refresh_from_db()
        form.add_error("file", STORAGE_FULL if getattr(error, "errno", None) in FULL else STORAGE_FAILED)
        return render_editor(request, resume, upload_form=form, status=503)
    messages.success(request, "Uploaded your file. We are reading its text; it appears below in a minute or so.")
    return redirect("/executive/resume/#file")


@roles("executive")
@never_cache
def download(request):
    return file_response(own_resume(request))


@roles("executive")
@never_cache
@require_POST
def remove(request):
    resume = own_resume(request)
    old_name = resume.file.name
    with transaction.atomic():
        resume.file = ""
        resume.file_kind, resume.file_size, resume.file_status, resume.file_text = "", 0, "", ""
        resume.file_uploaded_at = None
        resume.save()
        _delete_later(resume.file.storage, old_name)
    messages.success(request, "Removed your file.")
    return redirect("/executive/resume/#file")
