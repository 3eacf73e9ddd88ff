"""The opportunity panels of the HR and executive options pages: their context, asked for by the views."""

from __future__ import annotations

from django.db.models import Count, Q

from soars.opportunities.models import Interest, Opportunity


def hr_opportunity_panel(user) -> dict:
    """The agency's postings by status, the open ones closing first, and the interest waiting for review."""
    qs = Opportunity.objects.managed_by(user).exclude(status__in=["cancelled"])
    counts = dict(qs.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    recent = (
        qs.filter(status="open")
        .annotate(
            interest_count=Count("interests", distinct=True),
            new_count=Count("interests", filter=Q(interests__status="interested"), distinct=True),
        )
        .select_related("type")
        .order_by("closes_on")[:5]
    )
    new_total = Interest.objects.filter(opportunity__in=qs, status="interested").count()
    return {"counts": counts, "open": list(recent), "new_total": new_total}


def executive_interest_panel(user) -> dict:
    """The executive's latest interests and how many they have."""
    interests = Interest.objects.filter(executive=user).select_related("opportunity").order_by("-updated_at")
    return {"interests": list(interests[:5]), "total": interests.count()}
