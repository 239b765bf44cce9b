"""Celery with Redis as broker and result store, running the background jobs when REDIS_URL is set.

    celery -A wheels_wins.jobs.celery_app worker --loglevel=INFO     (any number of these)
    celery -A wheels_wins.jobs.celery_app beat --loglevel=INFO       (exactly one)

or a single process doing both: `celery -A wheels_wins.jobs.celery_app worker -B`. Tasks are
named `wheels_wins.jobs.<job>` and take no arguments; beat sends each at the times in `schedule.JOBS`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from celery import Celery
from celery.schedules import crontab

from wheels_wins.jobs.schedule import DAY, HOUR, JOBS, Job
from wheels_wins.settings import get_settings

RESULT_EXPIRES_SECONDS = 24 * 3600


def task_name(job: Job) -> str:
    """`wheels_wins.jobs.budget_alerts`."""
    return f"wheels_wins.jobs.{job.name}"


def _crontab(job: Job) -> crontab:
    minutes = int(job.at.total_seconds() // 60)
    if job.every == HOUR:
        return crontab(minute=minutes % 60)
    if job.every == DAY:
        return crontab(hour=minutes // 60, minute=minutes % 60)
    raise ValueError(f"{job.name}: only hourly or daily jobs map onto crontab")


def beat_schedule() -> dict[str, dict[str, Any]]:
    """Celery beat's entries: one per job, at the same UTC times the in-process scheduler uses."""
    return {job.name: {"task": task_name(job), "schedule": _crontab(job)} for job in JOBS}


def _register(app: Celery, job: Job) -> None:
    @app.task(name=task_name(job), shared=False)
    def run() -> int:
        return job.run()

    run.__doc__ = job.run.__doc__


def make_celery(redis_url: str) -> Celery:
    """A Celery app on this Redis with every job registered and the beat schedule set."""
    app = Celery("wheels_wins", broker=redis_url, backend=redis_url, set_as_current=False)
    app.conf.update(
        timezone="UTC",
        enable_utc=True,
        beat_schedule=beat_schedule(),
        beat_schedule_filename=str(get_settings().data_dir / "celerybeat-schedule"),
        result_expires=dt.timedelta(seconds=RESULT_EXPIRES_SECONDS),
        # A job lost with its worker is sent again; the jobs are idempotent, so that is safe.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_connection_retry_on_startup=True,
    )
    for job in JOBS:
        _register(app, job)
    return app


def __getattr__(name: str) -> Celery:
    # `celery -A wheels_wins.jobs.celery_app` asks for `app`; built on demand so that importing
    # this module (tests, tooling) never needs REDIS_URL.
    if name != "app":
        raise AttributeError(name)
    url = get_settings().redis_url
    if not url:
        raise RuntimeError("REDIS_URL is not set: without Redis the app runs the background jobs itself")
    global app
    app = make_celery(url)
    return app
