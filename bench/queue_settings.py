"""Settings for bench/task_queue.py: SOARS's own, with the task backend it names (BENCH_QUEUE)."""

import os

from soars.settings import *  # noqa: F403
from soars.settings import INSTALLED_APPS, TASKS

# The bench's task goes to the "default" queue, which both backends serve.
if os.environ.get("BENCH_QUEUE", "").startswith("rq"):  # RQ on Redis through django-tasks' RQ backend
    INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    RQ_QUEUES = {name: {"URL": redis} for name in TASKS["default"]["QUEUES"]}
    TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks_rq.RQBackend"}}
