from soars.opportunities.models.interest import Interest, InterestEvent, InterestNote
from soars.opportunities.models.opportunity import Opportunity, TransitionError
from soars.opportunities.models.shortlist import ShortlistEntry

__all__ = ["Interest", "InterestEvent", "InterestNote", "Opportunity", "ShortlistEntry", "TransitionError"]
