"""Who may express interest in what (DESIGN §3: position type and eligibility)."""

from __future__ import annotations

from soars.opportunities import hooks


def interest_problem(executive, opportunity) -> str | None:
    """Why this executive may not express interest in this opportunity, or None."""
    if not executive.has_role("executive"):
        return "Only executives can express interest."
    if opportunity.status != opportunity.Status.OPEN:
        return "This opportunity is no longer open."
    if problem := hooks.developmental_only_problem(executive, opportunity):
        return problem
    wanted = list(opportunity.eligibility.all())
    if not (opportunity.is_career_reserved or wanted):
        return None
    eligibility = hooks.executive_eligibility(executive)
    if eligibility is None:
        return (
            "This opportunity is open only to executives with a stated appointment eligibility. "
            "Add your eligibility to your resume, then try again."
        )
    if opportunity.is_career_reserved and not eligibility.career_eligible:
        return "This is a career-reserved position: only career-eligible executives may express interest."
    if wanted and eligibility not in wanted:
        return "Your appointment eligibility (" + eligibility.name + ") is not among those this opportunity admits."
    return None
