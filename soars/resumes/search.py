"""How a resume becomes a search document (registered as the "resume" kind in apps.py).

Resume.save() indexes the resume in the same transaction as the change, after the view
has written its sections, positions and ECQ statements; deleting a resume drops its
document. Bulk demo data calls soars.search.engine.index_records() after bulk_create.
"""

from __future__ import annotations

from soars.search.registry import Document

KIND = "resume"


def resume_document(resume, body: str | None = None) -> Document:
    """body: the resume's text when known already (bulk-created demo data), else built from it."""
    executive = resume.executive
    return Document(
        title=" ".join(part for part in [resume.headline, resume.current_title] if part),
        names=" ".join(str(part) for part in [executive.full_name, resume.current_agency or ""] if part),
        body=resume.build_search_text() if body is None else body,
    )


def resumes_to_index():
    from soars.resumes.models import Resume

    return Resume.objects.select_related("executive", "current_agency")
