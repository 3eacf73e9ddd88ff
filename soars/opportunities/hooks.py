"""What this app needs to know about an executive, read from their resume.

An executive's appointment eligibility, current agency and current title
live on the resume (soars/resumes). Without a resume, or with those fields
empty, the answers are "not known" and the rules fall back to the safe side:

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
    """The agency the executive works in now, or None (not in any agency)."""
    resume = _resume(user)
    return resume.current_agency if resume else None


def candidate_title(user) -> str:
    """The executive's current position title, or "" when not known."""
    resume = _resume(user)
    return resume.current_title if resume else ""
