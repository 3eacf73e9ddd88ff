from soars.resumes.models.entries import EcqStatement, Education, Position, Training
from soars.resumes.models.resume import Resume, ResumeQuerySet

__all__ = ["EcqStatement", "Education", "Position", "Resume", "ResumeQuerySet", "Training"]
