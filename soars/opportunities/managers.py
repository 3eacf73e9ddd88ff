"""Named querysets: who may see which opportunity."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


def agency_family_ids(agency) -> list[int]:
    """An agency and its sub-elements: the scope of HR staff of that agency."""
    if agency is None:
        return []
    return [agency.pk, *agency.sub_elements.values_list("pk", flat=True)]


class OpportunityQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status="open")

    def of_agency(self, agency):
        """Postings owned by the agency or one of its sub-elements, or posted for one of them."""
        family = agency_family_ids(agency)
        return self.filter(Q(agency_id__in=family) | Q(sub_element_id__in=family))

    def managed_by(self, user):
        """What a user may edit and whose pipeline they may see: HR of the owning agency only."""
        if not (user.is_authenticated and user.has_role("hr") and user.agency_id):
            return self.none()
        return self.of_agency(user.agency)

    def visible_to(self, user):
        """What a user may open at /opportunities/<id>/.

        Open postings for all executives, plus open agency-only postings of the
        viewer's own agency; HR also sees everything of their agency; an
        executive also keeps seeing postings they expressed interest in.
        """
        from soars.opportunities.hooks import executive_agency

        if not user.is_authenticated:
            return self.none()
        if user.has_role("admin"):
            return self.exclude(status="draft")
        if user.has_role("hr"):
            own = self.of_agency(user.agency).exclude(status="draft").values("pk")
            return self.filter(Q(status="open", visibility="all") | Q(pk__in=own))
        if user.has_role("executive"):
            shown = Q(status="open", visibility="all")
            agency = executive_agency(user)
            if agency is not None:
                shown |= Q(status="open", agency_id__in=agency_family_ids(agency.top))
            # A subquery, not a join: no duplicates to remove, and a search can read its rows
            # from the covering index (see docs/performance.md).
            interested = self.model.interests.rel.related_model.objects.filter(executive=user)
            mine = Q(pk__in=interested.values("opportunity_id")) & ~Q(status="draft")
            return self.filter(shown | mine)
        return self.none()

    def browsable_by(self, user):
        """The open postings listed at /opportunities/."""
        return self.visible_to(user).filter(status="open")
