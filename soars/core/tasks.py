"""Helpers around Django's task framework (the django-tasks backport on 5.2)."""

from __future__ import annotations

try:
    from django.tasks import default_task_backend
except ImportError:
    from django_tasks import default_task_backend


def queue_status() -> str:
    """Prove the task queue can be reached: for the database backend, read its table."""
    backend = default_task_backend
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.ready().exists()
        return "ok"
    # Other backends (Redis/RQ) answer through their own client.
    check = getattr(backend, "check_connection", None)
    if callable(check):
        check()
    return "ok"
