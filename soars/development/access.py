"""Who may read and change development records (personnel records: issue 20's privacy rules).

- The executive reads and edits their own.
- Their agency's ERB reviewers (HR staff granted the permission) and agency administrators read
  them, record reviews and confirm assignments.
- The program office (site administrators) reads them.
- Reviewers and administrators of an agency the executive shared the plan with read the plan
  (goals, activities, assignments), never the reviews or the agreement.
Every read by anyone but the owner is recorded (soars.development.viewing).
"""

from __future__ import annotations

from django.db.models import QuerySet

from soars.accounts.models import User
from soars.core.models import Agency


def reviewing_agency(user) -> Agency | None:
    """The department whose executives this user reviews, or None."""
    if not (user.is_authenticated and user.has_role("hr") and user.agency_id):
        return None
    top = user.agency.top
    if user.is_agency_admin:
        return top
    grant = getattr(user, "erb_reviewer", None)  # None when the permission was never granted
    if grant is not None and grant.agency_id == top.pk:
        return top
    return None


def _agencies_under(top: Agency) -> list[int]:
    return [top.pk, *top.sub_elements.values_list("pk", flat=True)]


def executives_of(top: Agency) -> QuerySet:
    """The agency's executives and pilot participants: accounts verified as working there."""
    return User.objects.filter(role=User.Role.EXECUTIVE, is_active=True, agency__in=_agencies_under(top))


def executives_for(user) -> QuerySet:
    if user.has_role("admin"):
        return User.objects.filter(role=User.Role.EXECUTIVE, is_active=True)
    top = reviewing_agency(user)
    return executives_of(top) if top else User.objects.none()


def can_review(user, executive) -> bool:
    """May this user record reviews of, and confirm assignments for, this executive?"""
    top = reviewing_agency(user)
    return top is not None and executive.agency_id is not None and executive.agency.top == top


def can_read_records(user, executive) -> bool:
    """Reviews, agreement and onboarding as well as the plan."""
    if user.pk == executive.pk:
        return True
    return user.has_role("admin") or can_review(user, executive)


def can_read_plan(user, executive) -> bool:
    if can_read_records(user, executive):
        return True
    top = reviewing_agency(user)
    plan = getattr(executive, "development", None)
    return top is not None and plan is not None and plan.shared_with.filter(pk=top.pk).exists()
