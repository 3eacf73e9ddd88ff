"""The "Your resume" panel on the executive options page, which has no resume in its own context."""

from __future__ import annotations

from django import template

from soars.resumes.completeness import completeness
from soars.resumes.models import Resume
from soars.resumes.viewing import readings_of

register = template.Library()


@register.simple_tag(takes_context=True)
def executive_resume_panel(context) -> dict:
    resume = Resume.objects.for_executive(context["request"].user)
    return {"resume": resume, "completeness": completeness(resume), "views": readings_of(resume).count()}
