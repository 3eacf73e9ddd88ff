import random

import pytest

from soars.accounts.demo import create_demo_accounts
from soars.core.demo import DemoContext
from soars.saved_searches.demo import seed
from soars.saved_searches.models import SavedSearch

pytestmark = pytest.mark.django_db


def _ctx():
    return DemoContext(executives=0, opportunities=0, rng=random.Random(1), stdout=None, show_progress=False)


def test_the_demo_executive_and_hr_account_get_one_saved_search_each(settings):
    settings.DEMO_MODE = True
    create_demo_accounts()
    seed(_ctx())
    seed(_ctx())  # a second run adds nothing
    kinds = sorted(SavedSearch.objects.values_list("owner__role", "kind"))
    assert kinds == [("executive", "opportunity"), ("hr", "resume")]


def test_without_demo_accounts_nothing_is_added(personas):
    seed(_ctx())
    assert not SavedSearch.objects.exists()
