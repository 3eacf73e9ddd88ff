from soars.core.arrangements import WorkArrangement
from soars.core.models.content import ContactMessage, ContactReply, WhatsNewPost
from soars.core.models.outbound_email import OutboundEmail
from soars.core.models.reference import (
    Agency,
    ClearanceLevel,
    Competency,
    Ecq,
    EcqFramework,
    EligibilityCategory,
    OpportunityType,
)
from soars.core.models.schedule import ScheduledRun

__all__ = [
    "Agency",
    "ClearanceLevel",
    "Competency",
    "ContactMessage",
    "ContactReply",
    "Ecq",
    "EcqFramework",
    "EligibilityCategory",
    "OpportunityType",
    "OutboundEmail",
    "ScheduledRun",
    "WhatsNewPost",
    "WorkArrangement",
]
