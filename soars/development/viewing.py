"""Recording who read an executive's development records, and telling the executive."""

from __future__ import annotations

from soars.audit.log import record
from soars.audit.models import AuditEvent
from soars.development.models import Plan

VIEWED = "development_viewed"
EXPORTED = "development_exported"
ACTIONS = {VIEWED: "Viewed your development record", EXPORTED: "Downloaded your plan as a PDF"}


def record_reading(action: str, request, plan: Plan) -> AuditEvent | None:
    """One audit event per read by anyone but the owner; the owner's own reads are not recorded."""
    if request.user.pk == plan.executive_id:
        return None
    return record(action, request=request, obj=plan, agency=request.user.agency, executive=plan.executive_id)


def readings_of(plan: Plan):
    return (
        AuditEvent.objects.for_object(plan)
        .filter(action__in=ACTIONS)
        .exclude(actor_id=plan.executive_id)
        .select_related("actor", "agency")
    )
