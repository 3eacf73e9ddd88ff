"""The audit trail names each action one way: the thing, a dot, and what happened to it in the past tense."""

import re
from pathlib import Path

import pytest

from soars.audit.models import AuditEvent
from soars.opportunities.factories import OpenOpportunityFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "action", "recorded"),
    [
        (OpportunityFactory, "publish", "opportunity.published"),
        (OpenOpportunityFactory, "close", "opportunity.closed"),
        (OpenOpportunityFactory, "cancel", "opportunity.cancelled"),
    ],
)
def test_status_changes_are_recorded_in_the_past_tense(client_as, personas, factory, action, recorded):
    opportunity = factory()
    client_as(personas.hr_a).post(f"/hr/opportunities/{opportunity.pk}/{action}/")
    assert list(AuditEvent.objects.filter(object_id=str(opportunity.pk)).values_list("action", flat=True)) == [recorded]


def test_every_dotted_action_in_the_code_is_in_the_past_tense():
    root = Path(__file__).resolve().parents[2]
    calls = re.compile(r'record\(\s*f?"([a-z_]+\.[a-z_{}]+)"')
    names = {
        name for path in root.rglob("*.py") if "tests" not in path.parts for name in calls.findall(path.read_text())
    }
    assert len(names) > 10
    assert [name for name in names if not name.endswith(("ed", "{done}", "withdrawn"))] == []
