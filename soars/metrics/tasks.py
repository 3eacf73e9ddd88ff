"""Background jobs of the metrics pages."""

from __future__ import annotations

try:
    from django.tasks import task
except ImportError:
    from django_tasks import task

from soars.core.models import Agency
from soars.metrics.figures import agency_choices, drop_old, refresh


@task()
def refresh_figures() -> int:
    """The hourly job: drop old figures, then one task per agency choice (at 100,000 executives a
    few seconds each, most of a minute for every agency together), so that no worker is held for
    the whole refresh (a worker stops between tasks)."""
    drop_old()
    choices = agency_choices()
    for agency in choices:
        refresh_agency_figures.enqueue(agency.code if agency else "")
    return len(choices)


# Below every other task: an email or a ranking queued meanwhile goes first, and waits for at most
# the one agency's figures a worker is working out.
@task(priority=-10)
def refresh_agency_figures(code: str) -> int:
    """One agency's figures ("": every agency together); a code no longer on the list, none."""
    if not code:
        return refresh(None)
    agency = Agency.objects.top_level().filter(code=code).first()
    return refresh(agency) if agency else 0
