"""Periodic jobs: each app lists (name, every, task) in PERIODIC of its schedule.py.

`manage.py run_scheduler` wakes once a minute and enqueues each job that is
due. A job is claimed with a conditional update on ScheduledRun, so two
schedulers never enqueue the same run twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from soars.core.models import ScheduledRun


@dataclass(frozen=True)
class Periodic:
    name: str
    every: timedelta
    task: object  # a django-tasks Task taking no arguments


def all_periodic() -> list[Periodic]:
    from soars.core.email import recover_stalled_email

    jobs: list[Periodic] = [Periodic("core.recover_stalled_email", timedelta(minutes=10), recover_stalled_email)]
    for config in apps.get_app_configs():
        module = f"{config.name}.schedule"
        if config.name.startswith("soars.") and config.name != "soars.core" and find_spec(module):
            jobs.extend(import_module(module).PERIODIC)
    return jobs


def claim(job: Periodic, now=None) -> bool:
    now = now or timezone.now()
    ScheduledRun.objects.get_or_create(name=job.name)
    due = Q(last_run_at__isnull=True) | Q(last_run_at__lte=now - job.every)
    return ScheduledRun.objects.filter(due, name=job.name).update(last_run_at=now) == 1


def enqueue_due(now=None) -> list[str]:
    started = []
    for job in all_periodic():
        if claim(job, now):
            job.task.enqueue()
            started.append(job.name)
    return started
