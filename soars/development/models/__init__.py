from soars.development.models.assignment import Assignment
from soars.development.models.pilot import DEVELOPMENTAL_TYPES, PilotParticipant
from soars.development.models.plan import Activity, Goal, Plan
from soars.development.models.policy import AgencyPolicy, MobilityAgreement, OnboardingDone, OnboardingItem
from soars.development.models.review import ErbReviewer, ReminderSent, Review

__all__ = [
    "DEVELOPMENTAL_TYPES",
    "Activity",
    "AgencyPolicy",
    "Assignment",
    "ErbReviewer",
    "Goal",
    "MobilityAgreement",
    "OnboardingDone",
    "OnboardingItem",
    "PilotParticipant",
    "Plan",
    "ReminderSent",
    "Review",
]
