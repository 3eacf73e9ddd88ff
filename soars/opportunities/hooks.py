"""What this app needs to know about an executive.

An executive's appointment eligibility and current title live on the resume
(soars/resumes). The agency that decides which "own agency only" postings they
may see is the verified one on their account (User.agency: set from the access
request when it was approved, or by an administrator), never the resume's
current agency, which the executive edits freely. Without an answer the rules
fall back to the safe side:

- executive_eligibility(user) -> None: a career-reserved posting, or one that
  names eligibility categories, refuses interest ("add your eligibility to
  your resume first").
- executive_agency(user) -> None: the executive counts as outside every
  agency, so postings visible to their own agency only stay hidden.
- candidate_title(user) -> "": the pipeline shows the name without a title.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist

from soars.core.models import Agency, EligibilityCategory


def _resume(user):
    """The user's resume, using a resume already loaded with select_related("executive__resume")."""
    if not getattr(user, "pk", None):
        return None
    try:
        return user.resume
    except ObjectDoesNotExist:
        return None


def executive_eligibility(user) -> EligibilityCategory | None:
    """The executive's appointment eligibility, or None when not known."""
    resume = _resume(user)
    return resume.eligibility if resume else None


def executive_agency(user) -> Agency | None:
    """The executive's verified agency (from their account, not their resume), or None."""
    if not getattr(user, "agency_id", None):
        return None
    return user.agency


def candidate_title(user) -> str:
    """The executive's current position title, or "" when not known."""
    resume = _resume(user)
    return resume.current_title if resume else ""


def developmental_only_problem(user, opportunity) -> str | None:
    """Why a GS-15 rotational pilot participant may not express interest here (they may in
    developmental assignments only), or None for everyone else."""
    from soars.development.models.pilot import interest_problem

    return interest_problem(user, opportunity)
