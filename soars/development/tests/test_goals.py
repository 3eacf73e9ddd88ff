import pytest

from soars.development.factories import goal
from soars.development.goals import open_goal_terms
from soars.development.models import Goal

pytestmark = pytest.mark.django_db


def test_it_returns_the_open_goals_codes_and_text(executive, personas):
    made = goal(executive, text="Lead an interagency project", ecq_code="LP")
    goal(executive, text="Done already", status=Goal.Status.MET)
    goal(personas.outsider, text="Someone else's")
    [terms] = open_goal_terms(executive)
    assert terms == {
        "goal_id": made.pk,
        "text": "Lead an interagency project",
        "ecq_code": "LP",
        "ecq_name": "Leading People",
        "competency_code": made.competency.code,
        "competency_name": made.competency.name,
    }


def test_it_is_empty_without_a_plan(personas):
    assert open_goal_terms(personas.hr_a) == []
    from django.contrib.auth.models import AnonymousUser

    assert open_goal_terms(AnonymousUser()) == []
