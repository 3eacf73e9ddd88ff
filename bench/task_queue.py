"""The task queue: django-tasks' database backend (what SOARS runs) beside RQ on Redis.

    pip install -r bench/requirements.txt
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/soars_bench_queue python bench/task_queue.py
    python bench/task_queue.py --tasks 2000 --workers 4

For each backend (the database backend's db_worker; RQ's default worker, which forks a process for
each task; RQ's SimpleWorker, which does not): start the worker processes, enqueue the tasks one
at a time, each in its own transaction as a view does, wait until every one has finished, and
print the time to enqueue one (median, p95), the time from enqueueing to finishing (median, p95;
the tasks arrive faster than they are done, so this is mostly waiting) and the throughput (tasks
a second from the first enqueue to the last finish). The task returns its argument, so what is
measured is the queue. The database's name must contain "bench"; it is created and migrated.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MANAGE = [sys.executable, str(ROOT / "manage.py")]
WORKERS = {
    "db": ["db_worker", "--queue-name", "default", "--no-reload", "--no-startup-delay", "--interval", "0.1"],
    "rq": ["rqworker", "default", "--job-class", "django_tasks_rq.backend.Job"],  # forks a process per task
    "rq-simple": [
        *("rqworker", "default", "--job-class", "django_tasks_rq.backend.Job", "--worker-class", "rq.SimpleWorker")
    ],
}


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def measure(backend: str, tasks: int, workers: int) -> None:
    """Run in a process of its own, with this backend's settings."""
    import django

    django.setup()
    from django.db import transaction

    from bench.queue_tasks import echo
    from soars.core.management.commands.serve import stop_processes

    started = [subprocess.Popen([*MANAGE, *WORKERS[backend]]) for _ in range(workers)]  # noqa: S603
    try:
        time.sleep(3)  # the workers start
        enqueue_times, results = [], []
        first = time.time()
        for number in range(tasks):
            before = time.perf_counter()
            with transaction.atomic():
                results.append(echo.enqueue(number))
            enqueue_times.append((time.perf_counter() - before) * 1000)
        pending = list(results)
        deadline = time.time() + 300
        while pending and time.time() < deadline:
            for result in pending:
                result.refresh()
            pending = [result for result in pending if not result.is_finished]
            time.sleep(0.2)
        if pending:
            sys.exit(f"{backend}: {len(pending)} of {tasks} tasks unfinished after 5 minutes")
        failed = [result for result in results if result.status.name != "SUCCESSFUL"]
        done = [result for result in results if result.finished_at and result.enqueued_at]
        latency = [(r.finished_at - r.enqueued_at).total_seconds() * 1000 for r in done]
        last = max(r.finished_at for r in done).timestamp()
        print(
            f"  {backend:<9} {workers} workers, {tasks} tasks: enqueue median {statistics.median(enqueue_times):6.2f}"
            f" p95 {p95(enqueue_times):6.2f} ms; enqueue to finish median {statistics.median(latency):7.1f}"
            f" p95 {p95(latency):7.1f} ms; {tasks / (last - first):6.0f} tasks/s; failed {len(failed)},"
            f" without times {len(results) - len(done)}"
        )
    finally:
        stop_processes(started, timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--backend", choices=list(WORKERS), help="Measure one backend (run by the script itself).")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.queue_settings"
    os.environ.setdefault("SOARS_ENV", "development")
    os.environ["PYTHONPATH"] = str(ROOT)
    if args.backend:
        os.environ["BENCH_QUEUE"] = args.backend
        measure(args.backend, args.tasks, args.workers)
        return
    url = os.environ.get("DATABASE_URL", "")
    if url and "bench" not in url.rsplit("/", 1)[-1]:
        sys.exit("Give a database whose name contains 'bench': it is migrated and filled with task rows.")
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[-1]
        server = url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {name}"], capture_output=True)  # noqa: S603, S607
    elif not url:
        os.environ["SOARS_DATA_DIR"] = str(ROOT / "var" / "bench-queue")
    subprocess.run([*MANAGE, "migrate", "--verbosity", "0"], check=True)  # noqa: S603
    print(f"load average {os.getloadavg()[0]:.1f} at the start; database {url.rsplit('@', 1)[-1] or 'SQLite'}")
    for backend in WORKERS:
        command = [sys.executable, __file__, "--backend", backend, "--tasks", str(args.tasks)]
        subprocess.run([*command, "--workers", str(args.workers)], check=True)  # noqa: S603
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
