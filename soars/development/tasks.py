"""Background job: development reminders."""

from __future__ import annotations

from soars.development.reminders import send_due

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task


@task()
def send_development_reminders() -> int:
    return send_due()
