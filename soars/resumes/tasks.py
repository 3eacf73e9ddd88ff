"""Background work on resumes: reading the text of an uploaded file."""

from __future__ import annotations

from django.db import transaction

from soars.resumes.models import Resume
from soars.resumes.uploads import FileProblem, extract_text

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task


@task()
def extract_resume_text(resume_id: int, file_name: str) -> str:
    resume = Resume.objects.filter(pk=resume_id, file=file_name).first()
    if resume is None:
        return "skipped"  # the file was replaced or removed since the task was queued
    with resume.file.open("rb") as handle:
        content = handle.read()
    try:
        text, status = extract_text(resume.file_kind, content), Resume.FileStatus.READY
    except FileProblem:
        text, status = "", Resume.FileStatus.FAILED
    with transaction.atomic():
        resume = Resume.objects.select_for_update().filter(pk=resume_id, file=file_name).first()
        if resume is None:
            return "skipped"
        resume.file_text, resume.file_status = text, status
        resume.save(update_fields=["file_text", "file_status"])
    return status
