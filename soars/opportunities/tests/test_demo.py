import random

import pytest

from soars.core.demo import DemoContext
from soars.core.models import OpportunityType
from soars.opportunities.demo import seed
from soars.opportunities.models import Interest, Opportunity

pytestmark = pytest.mark.django_db


def test_demo_data_has_open_opportunities_of_every_type_with_interest(personas):
    ctx = DemoContext(executives=0, opportunities=30, rng=random.Random(1), stdout=None, show_progress=False)
    ctx.executive_ids = [personas.executive.pk, personas.outsider.pk]
    seed(ctx)
    open_types = set(Opportunity.objects.open().values_list("type__code", flat=True))
    assert open_types == set(OpportunityType.objects.values_list("code", flat=True))
    assert Opportunity.objects.count() == 30
    assert Interest.objects.exists()
    for opportunity in Opportunity.objects.all():
        assert opportunity.rule_problems() == {}, opportunity.title


def test_demo_opportunities_are_indexed_for_search(personas):
    from soars.search.models import SearchDocument

    ctx = DemoContext(executives=0, opportunities=30, rng=random.Random(1), stdout=None, show_progress=False)
    ctx.executive_ids = [personas.executive.pk]
    seed(ctx)
    indexed = set(SearchDocument.objects.filter(kind="opportunity").values_list("object_id", flat=True))
    assert indexed == set(Opportunity.objects.values_list("pk", flat=True))
