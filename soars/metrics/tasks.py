"""Background jobs of the metrics pages."""

from __future__ import annotations

try:
    from django.tasks import task
except ImportError:
    from django_tasks import task

from soars.metrics.figures import warm_government_figures


@task()
def warm_figures() -> int:
    return warm_government_figures()
