"""Matching executives to opportunities: a 0–100 score and the reasons for it, in plain words.

Plain Python over two dataclasses, so it needs no database and is tested
reason by reason. The requirements of an opening (soars.matching.requirements)
are a gate: a Match lists those missed, and rankings put everyone who meets them
all first. The resume and opportunity apps build the profiles from their
records; the weights live in one place, soars.matching.weights.

    from soars.matching import CandidateProfile, OpeningProfile, score, rank
"""

from soars.matching.profiles import CandidateProfile, Match, OpeningProfile, Reason
from soars.matching.requirements import Missed, missed
from soars.matching.scoring import order, rank, recommend, score
from soars.matching.weights import WEIGHTS, Weights

__all__ = [
    "WEIGHTS",
    "CandidateProfile",
    "Match",
    "Missed",
    "OpeningProfile",
    "Reason",
    "Weights",
    "missed",
    "order",
    "rank",
    "recommend",
    "score",
]
