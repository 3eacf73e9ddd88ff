"""The plain-text search document of a resume: every word HR might search for, in one field."""

from __future__ import annotations


def _join(parts) -> str:
    return "\n".join(str(part) for part in parts if part)


def search_document(resume) -> str:
    """The body of the resume's search document (soars/resumes/search.py), written when it is saved."""
    parts = [
        resume.executive.full_name if resume.executive_id else "",
        resume.headline,
        resume.summary,
        resume.current_title,
        resume.current_agency,
        resume.eligibility,
        resume.clearance,
        " ".join(resume.skills or []),
        " ".join(resume.locations or []),
        resume.arrangements_text,
    ]
    if resume.pk is not None:
        parts += [c.name for c in resume.competencies.all()]
        parts += [t.name for t in resume.opportunity_types.all()]
        for position in resume.positions.all():
            parts += [position.title, position.employer, position.series, position.accomplishments]
        for school in resume.education.all():
            parts += [school.institution, school.degree, school.field]
        for course in resume.training.all():
            parts += [course.name, course.provider]
        for statement in resume.ecq_statements.select_related("ecq"):
            parts += [statement.ecq.name, *statement.texts()]
    parts.append(resume.file_text)
    return _join(parts)
