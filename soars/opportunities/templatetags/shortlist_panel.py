"""Data for the "Add to a shortlist" panel on the HR resume page."""

from __future__ import annotations

from django import template

from soars.opportunities.forms import KEPT, ShortlistFromResumeForm
from soars.opportunities.models import Opportunity

register = template.Library()


@register.simple_tag(takes_context=True)
def resume_shortlist_panel(context, resume) -> dict:
    """The user's agency's shortlists this resume is on, and a form to add it to another draft or open one."""
    user = context["request"].user
    managed = Opportunity.objects.managed_by(user)
    on = list(managed.filter(shortlist__resume=resume).order_by("title").distinct())
    kept = context["request"].session.pop(KEPT, None)
    typed = kept["typed"] if kept and kept["resume"] == resume.pk else None
    # Bound to what was typed, the form finds its errors again when rendered, against the
    # choices below (what may be chosen now).
    form = ShortlistFromResumeForm(typed, user=user, auto_id="id_shortlist_%s")
    queryset = form.fields["opportunity"].queryset.exclude(pk__in=[o.pk for o in on])
    form.fields["opportunity"].queryset = queryset
    return {"on": on, "form": form, "choices": queryset.exists()}
