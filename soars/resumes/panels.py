"""The "Your resume" panel of the executive options page: its context, asked for by the view."""

from __future__ import annotations

from soars.resumes.completeness import completeness
from soars.resumes.models import Resume
from soars.resumes.viewing import readings_of


def executive_resume_panel(user) -> dict:
    """The executive's resume (created empty on first visit), how complete it is, and how often it was read."""
    resume = Resume.objects.for_executive(user)
    return {"resume": resume, "completeness": completeness(resume), "views": readings_of(resume).count()}
