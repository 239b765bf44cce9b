"""Celery: every job is a task on the beat schedule, and a real worker runs one through the local Redis."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.schedules import crontab
from redis import Redis
from sqlmodel import Session

from tests.conftest import REDIS_URL, redis_available
from tests.jobs.conftest import audio, audio_keys, notes, spend_ahead
from wheels_wins.db import utcnow
from wheels_wins.jobs.celery_app import beat_schedule, make_celery, task_name
from wheels_wins.jobs.schedule import JOBS

TIMEOUT = 20


def test_the_beat_schedule_names_every_job_at_the_in_process_times() -> None:
    schedule = beat_schedule()
    assert (
        set(schedule)
        == {job.name for job in JOBS}
        == {
            "maintenance_reminders",
            "budget_alerts",
            "monthly_rollups",
            "audio_cache_cleanup",
            "session_cleanup",
        }
    )
    app = make_celery(REDIS_URL)
    for job in JOBS:
        entry = schedule[job.name]
        assert entry["task"] == task_name(job) and entry["task"] in app.tasks
    assert schedule["budget_alerts"]["schedule"] == crontab(minute=10)
    assert schedule["audio_cache_cleanup"]["schedule"] == crontab(hour=3, minute=30)
    assert app.conf.beat_schedule == schedule


@pytest.fixture
def celery_worker(engine) -> Iterator[Celery]:
    """A Celery app on the local Redis (its own queue) with a worker thread consuming it."""
    if not redis_available():
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    app = make_celery(REDIS_URL)
    queue = f"ww-test-{uuid.uuid4().hex[:8]}"
    app.conf.update(task_default_queue=queue, result_expires=dt.timedelta(minutes=1))
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=TIMEOUT):
            yield app
    finally:
        client = Redis.from_url(REDIS_URL)
        client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        client.close()


def test_a_worker_runs_the_audio_cleanup_through_redis(celery_worker: Celery, session: Session) -> None:
    audio(session, fresh=1, expired=3, now=utcnow())
    result = celery_worker.send_task("wheels_wins.jobs.audio_cache_cleanup")
    assert result.get(timeout=TIMEOUT) == 3
    assert audio_keys(session) == {"k0"}


def test_budget_alerts_through_the_broker_twice_send_one_notice(
    celery_worker: Celery, session: Session, make_user, clock: list[dt.date]
) -> None:
    user = make_user()
    spend_ahead(session, user.id, clock)
    task = "wheels_wins.jobs.budget_alerts"
    assert celery_worker.send_task(task).get(timeout=TIMEOUT) == 1
    assert celery_worker.send_task(task).get(timeout=TIMEOUT) == 0
    assert [n.dedupe_key for n in notes(session, user.id)] == ["budget:fuel:2026-03:80"]
