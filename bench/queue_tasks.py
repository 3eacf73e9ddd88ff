"""The task bench/task_queue.py enqueues: trivial, so that what is measured is the queue."""

from django_tasks import task


@task()
def echo(number: int) -> int:
    return number
