"""Recording who read a resume, and telling its owner (DESIGN §5: every view is recorded)."""

from __future__ import annotations

from soars.audit.log import record
from soars.audit.models import AuditEvent

VIEWED = "resume_viewed"
FILE_DOWNLOADED = "resume_file_downloaded"
EXPORTED = "resume_exported"
ACTIONS = {VIEWED: "Viewed", FILE_DOWNLOADED: "Downloaded your file", EXPORTED: "Downloaded as PDF"}


def record_reading(action: str, request, resume) -> AuditEvent:
    """Exactly one audit event per view, download or export by someone other than the owner."""
    return record(action, request=request, obj=resume, agency=request.user.agency)


def readings_of(resume):
    """The owner's "who viewed my resume": HR reads of this resume, newest first."""
    return (
        AuditEvent.objects.for_object(resume)
        .filter(action__in=ACTIONS)
        .exclude(actor_id=resume.executive_id)
        .select_related("actor", "agency")
    )
