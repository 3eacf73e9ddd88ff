from soars.opportunities.models.interest import Interest, InterestEvent, InterestNote
from soars.opportunities.models.opportunity import Opportunity, TransitionError

__all__ = ["Interest", "InterestEvent", "InterestNote", "Opportunity", "TransitionError"]
