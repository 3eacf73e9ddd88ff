"""Background refreshes of the stored recommendations (soars.matching.stored)."""

from __future__ import annotations

from soars.matching import stored

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task


@task()
def refresh_recommendations(executive_id: int) -> str:
    """One executive's list, after they saved their resume or viewed a stale list."""
    if not stored.RecommendationList.objects.filter(executive_id=executive_id).exists():
        return "skipped"  # the account was removed since
    stored.refresh(executive_id)
    return "refreshed"


@task()
def refresh_after_posting_change() -> int:
    """Every list is stale after a posting changed; refresh a batch, most recently signed-in first."""
    return stored.postings_changed()


@task()
def refresh_stale_recommendations() -> int:
    return stored.refresh_stale()


@task()
def refresh_ranking(opportunity_id: int, agency_id: int) -> str:
    """One posting's Best matches for one agency, after the posting changed or the ranking aged."""
    from soars.core.models import Agency
    from soars.matching import rankings
    from soars.opportunities.models import Opportunity

    opportunity = Opportunity.objects.filter(pk=opportunity_id).first()
    agency = Agency.objects.filter(pk=agency_id).first()
    if opportunity is None or agency is None:
        return "skipped"  # removed since
    rankings.refresh(opportunity, agency)
    return "refreshed"
