"""Data for the opportunity panels on the HR and executive options pages."""

from __future__ import annotations

from django import template
from django.db.models import Count, Q

from soars.opportunities.models import Interest, Opportunity

register = template.Library()


@register.simple_tag(takes_context=True)
def hr_opportunity_panel(context) -> dict:
    user = context["request"].user
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
    return {"counts": counts, "open": recent, "new_total": new_total}


@register.simple_tag(takes_context=True)
def executive_interest_panel(context) -> dict:
    user = context["request"].user
    interests = Interest.objects.filter(executive=user).select_related("opportunity").order_by("-updated_at")
    return {"interests": interests[:5], "total": interests.count()}


@register.simple_tag(takes_context=True)
def recommended_opportunities(context) -> dict:
    """The open opportunities the signed-in executive can take that match them best, with the reasons,
    and the near misses (one requirement missed)."""
    from soars.opportunities.matching import recommendations

    found = recommendations(context["request"].user)
    return {
        "has_resume": found is not None,
        "ranked": found.best if found else [],
        "near_misses": found.near_misses if found else [],
    }
