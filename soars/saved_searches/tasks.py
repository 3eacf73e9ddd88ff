"""Background job: saved search alerts."""

from __future__ import annotations

from soars.saved_searches.alerts import send_due

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task


@task()
def send_saved_search_alerts() -> int:
    return send_due()
