"""The in-process scheduler: runs the background jobs inside the app when there is no Redis (hence no Celery).

Each job has its own loop that sleeps until the job's next time on the UTC wall clock, then runs
the synchronous body in a worker thread (`asyncio.to_thread`), so the event loop serving pages
never blocks. A job that raises is logged and runs again at its next time. Cancelling the
scheduler (the app shutting down) asks a running job to stop after its current user and waits
briefly for it.

Every app process with this scheduler runs every job. Without Redis the app runs one backend
worker, but should several run (or a worker restart overlap its successor), that is harmless:
the jobs are idempotent, so a second run sends no notice twice and deletes nothing twice.
With REDIS_URL set the app schedules nothing; `celery beat` does (see `celery_app`).
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence

from wheels_wins.jobs.schedule import JOBS, Job
from wheels_wins.settings import get_settings

log = logging.getLogger(__name__)

STOP_GRACE_SECONDS = 5.0

Clock = Callable[[], float]


def next_run(job: Job, now: float) -> float:
    """The first time after `now` (epoch seconds) that lies `job.at` past a multiple of `job.every`."""
    every, at = job.every.total_seconds(), job.at.total_seconds()
    return (math.floor((now - at) / every) + 1) * every + at


async def _run_once(job: Job) -> None:
    stop = threading.Event()
    running = asyncio.ensure_future(asyncio.to_thread(job.call, stop))
    try:
        done = await asyncio.shield(running)
    except asyncio.CancelledError:
        stop.set()
        await asyncio.wait({running}, timeout=STOP_GRACE_SECONDS)
        raise
    except Exception:
        log.exception("Background job %s failed", job.name)
    else:
        log.info("Background job %s done (%s)", job.name, done)


async def _loop(job: Job, clock: Clock) -> None:
    due = next_run(job, clock())
    while True:
        await asyncio.sleep(max(0.0, due - clock()))
        await _run_once(job)
        # A run that overran its next time skips it rather than running back to back.
        due = next_run(job, max(clock(), due))


async def run_jobs(jobs: Sequence[Job] = JOBS, *, clock: Clock = time.time) -> None:
    """Run every job at its times until cancelled."""
    async with asyncio.TaskGroup() as group:
        for job in jobs:
            group.create_task(_loop(job, clock), name=f"job:{job.name}")


async def lifespan_scheduler() -> None:
    """The app's lifespan task: the in-process scheduler, unless REDIS_URL hands scheduling to Celery beat."""
    if get_settings().redis_url:
        log.info("Background jobs: REDIS_URL is set, so Celery beat schedules them")
        return
    log.info("Background jobs: in-process scheduler started")
    try:
        await run_jobs()
    finally:
        log.info("Background jobs: in-process scheduler stopped")
