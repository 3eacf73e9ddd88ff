"""Demo data: complete resumes for the demo executive and for every bulk executive."""

import random
from io import StringIO

import pytest

from soars.core.demo import DemoContext
from soars.resumes import demo
from soars.resumes.completeness import completeness
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(settings):
    from soars.accounts import demo as accounts_demo

    settings.DEMO_MODE = True
    context = DemoContext(executives=30, opportunities=0, rng=random.Random(1), stdout=StringIO(), show_progress=False)
    accounts_demo.seed(context)
    return context


def test_every_bulk_executive_gets_a_complete_resume(ctx):
    demo.seed(ctx)
    resumes = Resume.objects.filter(executive_id__in=ctx.executive_ids)
    assert resumes.count() == 30
    assert all(completeness(resume).percent == 100 for resume in resumes)
    assert all(resume.build_search_text() for resume in resumes)


def test_the_demo_executive_has_a_complete_shared_resume(ctx):
    demo.seed(ctx)
    resume = Resume.objects.get(executive__email=demo.DEMO_EXECUTIVE)
    assert completeness(resume).percent == 100
    assert resume.visibility == Resume.Visibility.ALL_AGENCIES


def test_seeding_twice_adds_nothing(ctx):
    demo.seed(ctx)
    demo.seed(ctx)
    assert Resume.objects.count() == 31


def test_bulk_resumes_are_in_the_search_index(ctx):
    from soars.search.models import SearchDocument

    demo.seed(ctx)
    ids = set(Resume.objects.filter(executive_id__in=ctx.executive_ids).values_list("pk", flat=True))
    indexed = SearchDocument.objects.filter(kind="resume", object_id__in=ids).values_list("object_id", flat=True)
    assert set(indexed) == ids


def test_demo_statements_come_in_both_forms(ctx):
    from soars.resumes.models import EcqStatement

    demo.seed(ctx)
    narratives = EcqStatement.objects.exclude(narrative="")
    assert narratives.exists() and EcqStatement.objects.filter(narrative="").exists()
    assert narratives.filter(resume__executive__email=demo.DEMO_EXECUTIVE).count() == 1
    assert all(len(statement.paragraphs) == 3 for statement in narratives)
