"""factory_boy factories for opportunities and interests, one subclass per state."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from soars.accounts.factories import ExecutiveFactory, HrFactory, agency
from soars.core.models import OpportunityType
from soars.opportunities.models import Interest, Opportunity


def opportunity_type(code: str) -> OpportunityType:
    return OpportunityType.objects.get(code=code)


class OpportunityFactory(factory.django.DjangoModelFactory):
    """A draft of agency AG (Agriculture), posted by one of its HR staff."""

    class Meta:
        model = Opportunity

    agency = factory.LazyFunction(lambda: agency("AG"))
    title = factory.Sequence(lambda n: f"Deputy Director for Operations {n}")
    type = factory.LazyFunction(lambda: opportunity_type("permanent"))
    description = "Lead the agency's field operations and modernise how it serves farmers."
    duties = "Direct 2,000 staff across 40 offices."
    locations = "Washington, DC"
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    contact_name = "Bob HR"
    contact_email = "bob.hr@usda.gov"
    created_by = factory.SubFactory(HrFactory)


class OpenOpportunityFactory(OpportunityFactory):
    status = Opportunity.Status.OPEN
    published_at = factory.LazyFunction(timezone.now)


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    executive = factory.SubFactory(ExecutiveFactory)
    opportunity = factory.SubFactory(OpenOpportunityFactory)
    note = "I led a similar reorganisation at Interior."
