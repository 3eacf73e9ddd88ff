"""Demo saved searches: one for the demo executive and one for the demo HR account."""

from __future__ import annotations

from soars.accounts.demo import DEMO_DOMAIN
from soars.accounts.models import User
from soars.core.demo import DemoContext
from soars.saved_searches.alerts import create
from soars.saved_searches.kinds import KINDS
from soars.saved_searches.models import SavedSearch

DEMO_SEARCHES = [
    (f"executive@{DEMO_DOMAIN}", SavedSearch.Kind.OPPORTUNITY, "q=budget&remote=on", "Budget roles with telework"),
    (
        f"hr@{DEMO_DOMAIN}",
        SavedSearch.Kind.RESUME,
        "q=cybersecurity&clearance=secret",
        "Cyber leaders with a clearance",
    ),
]


def seed(ctx: DemoContext) -> None:
    for email, kind, raw, name in DEMO_SEARCHES:
        owner = User.objects.filter(email=email, is_active=True).first()
        if owner is None or SavedSearch.objects.filter(owner=owner).exists():
            continue  # demo accounts exist only in demo mode; never add twice
        params = KINDS[kind].normalise(raw)
        if params:
            create(owner, kind, params, name, SavedSearch.Frequency.WEEKLY)
