import random

import pytest

from soars.accounts import demo as accounts_demo
from soars.core.demo import DemoContext
from soars.development.broadening import broadening, review_status
from soars.development.demo import PILOT_EMAIL, seed
from soars.development.models import AgencyPolicy, Assignment, ErbReviewer, PilotParticipant, Plan, Review

pytestmark = pytest.mark.django_db


def _ctx(executives=30):
    ctx = DemoContext(executives=executives, opportunities=0, rng=random.Random(1), stdout=None, show_progress=False)
    accounts_demo.seed(ctx)
    return ctx


def test_the_demo_has_plans_assignments_over_years_reviews_on_time_and_overdue_and_a_pilot(settings):
    settings.DEMO_MODE = True
    ctx = _ctx()
    seed(ctx)
    seed(ctx)  # a second run adds nothing
    assert AgencyPolicy.objects.get().broadening_years == 4
    assert ErbReviewer.objects.get().user.email == f"hr@{accounts_demo.DEMO_DOMAIN}"
    assert Plan.objects.count() == 1 + 12 + 1
    years = {a.start_date.year for a in Assignment.objects.all()}
    assert len(years) >= 4
    statuses = {review_status(p.executive).is_overdue for p in Plan.objects.select_related("executive")}
    assert statuses == {True, False}
    assert Review.objects.filter(acknowledged_at__isnull=True).exists()
    maria = Plan.objects.get(executive__email=f"executive@{accounts_demo.DEMO_DOMAIN}").executive
    assert "every 4 years" in broadening(maria).sentence
    assert PilotParticipant.objects.filter(user__email=PILOT_EMAIL).exists()
    pilot = PilotParticipant.objects.get(user__email=PILOT_EMAIL).user
    assert pilot.check_password(accounts_demo.DEMO_PASSWORD)


def test_without_demo_mode_there_is_no_pilot_account(settings):
    settings.DEMO_MODE = False
    seed(_ctx(executives=5))
    assert not PilotParticipant.objects.exists()
