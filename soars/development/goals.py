"""What other apps may ask about an executive's development plan.

open_goal_terms(user) is for matching ("Recommended for you" favours opportunities that serve the
executive's open goals and says which): it returns each open goal's text with the codes and names
of the ECQ and competency it is tied to.
"""

from __future__ import annotations

from soars.development.models import Goal


def open_goal_terms(user) -> list[dict]:
    """[{"goal_id", "text", "ecq_code", "ecq_name", "competency_code", "competency_name"}, ...],
    oldest goal first; [] for a user without a plan or open goals. One query."""
    if not getattr(user, "pk", None):
        return []
    goals = (
        Goal.objects.filter(plan__executive_id=user.pk, status=Goal.Status.OPEN)
        .select_related("ecq", "competency")
        .order_by("created_at", "pk")
    )
    return [
        {
            "goal_id": goal.pk,
            "text": goal.text,
            "ecq_code": goal.ecq.code if goal.ecq_id else "",
            "ecq_name": goal.ecq.name if goal.ecq_id else "",
            "competency_code": goal.competency.code if goal.competency_id else "",
            "competency_name": goal.competency.name if goal.competency_id else "",
        }
        for goal in goals
    ]
