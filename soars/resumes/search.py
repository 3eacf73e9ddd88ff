"""How a resume becomes a search document (registered as the "resume" kind in apps.py).

Resume.save() indexes the resume in the same transaction as the change, after the view
has written its sections, positions and ECQ statements; deleting a resume drops its
document. Bulk demo data calls index_resumes() after bulk_create.
"""

from __future__ import annotations

from soars.search.registry import Document

KIND = "resume"


def resume_document(resume) -> Document:
    executive = resume.executive
    return Document(
        title=" ".join(part for part in [resume.headline, resume.current_title] if part),
        names=" ".join(str(part) for part in [executive.full_name, resume.current_agency or ""] if part),
        body=resume.search_text or resume.build_search_text(),
    )


def resumes_to_index():
    from soars.resumes.models import Resume

    return Resume.objects.select_related("executive", "current_agency")


def index_resumes(ids) -> int:
    """Write the search documents of many resumes at once (bulk-created demo data)."""
    from soars.search.engine import clean_text
    from soars.search.models import SearchDocument

    ids = list(ids)
    SearchDocument.objects.filter(kind=KIND, object_id__in=ids).delete()
    rows = []
    for resume in resumes_to_index().filter(pk__in=ids):
        document = resume_document(resume)
        rows.append(
            SearchDocument(
                kind=KIND,
                object_id=resume.pk,
                title=clean_text(document.title),
                body=clean_text(document.body),
                names=clean_text(document.names),
            )
        )
    SearchDocument.objects.bulk_create(rows, batch_size=500)
    return len(rows)
