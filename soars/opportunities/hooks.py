"""What this app needs to know about an executive that other apps own.

The resume (soars/resumes, built on another branch) will hold an executive's
appointment eligibility, current agency and current title. Until it is wired
in, these functions answer "not known", and the rules that use them fall back
to the safe side:

- executive_eligibility(user) -> None: a career-reserved posting, or one that
  names eligibility categories, refuses interest ("add your eligibility to
  your resume first").
- executive_agency(user) -> None: the executive counts as outside every
  agency, so postings visible to their own agency only stay hidden.
- candidate_title(user) -> "": the pipeline shows the name without a title.

To wire them, replace each body with a lookup on the resume; nothing else in
this app needs to change.
"""

from __future__ import annotations

from soars.core.models import Agency, EligibilityCategory


def executive_eligibility(user) -> EligibilityCategory | None:
    """The executive's appointment eligibility, or None when not known."""
    return None


def executive_agency(user) -> Agency | None:
    """The agency the executive works in now, or None (not in any agency)."""
    return None


def candidate_title(user) -> str:
    """The executive's current position title, or "" when not known."""
    return ""
