"""The in-process scheduler: jobs at their times, off the event loop, surviving failures, stopping on cancel."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time

import pytest
from sqlmodel import Session

from tests.jobs.conftest import audio, audio_keys
from wheels_wins.db import utcnow
from wheels_wins.jobs import scheduler, tasks
from wheels_wins.jobs.schedule import HOUR, JOBS, Job
from wheels_wins.settings import get_settings

TICK = dt.timedelta(seconds=0.1)
DEADLINE = 10.0  # seconds to wait for what a few ticks should do: ample on a loaded CI machine


def test_next_run_follows_the_wall_clock() -> None:
    hourly = Job("h", tasks.purge_audio_cache, HOUR, dt.timedelta(minutes=5))
    ten_past_three = dt.datetime(2026, 6, 10, 3, 10, tzinfo=dt.UTC).timestamp()
    assert scheduler.next_run(hourly, ten_past_three) == dt.datetime(2026, 6, 10, 4, 5, tzinfo=dt.UTC).timestamp()
    four_past = dt.datetime(2026, 6, 10, 4, 4, 59, tzinfo=dt.UTC).timestamp()
    assert scheduler.next_run(hourly, four_past) == dt.datetime(2026, 6, 10, 4, 5, tzinfo=dt.UTC).timestamp()
    [daily] = [job for job in JOBS if job.name == "audio_cache_cleanup"]
    assert scheduler.next_run(daily, ten_past_three) == dt.datetime(2026, 6, 10, 3, 30, tzinfo=dt.UTC).timestamp()


async def test_a_due_job_runs_against_the_database(session: Session) -> None:
    audio(session, fresh=1, expired=2, now=utcnow())
    job = Job("audio_cache_cleanup", tasks.purge_audio_cache, TICK)
    runner = asyncio.create_task(scheduler.run_jobs([job]))
    try:
        deadline = time.monotonic() + DEADLINE
        while audio_keys(session) != {"k0"} and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert audio_keys(session) == {"k0"}
    finally:
        runner.cancel()
        with pytest.raises(asyncio.CancelledError):
            await runner


async def test_a_failing_job_keeps_the_scheduler_and_its_neighbours_running(caplog: pytest.LogCaptureFixture) -> None:
    runs = {"boom": 0, "fine": 0}
    loop_threads: set[int] = set()

    def boom(*, stop: threading.Event | None = None) -> int:
        runs["boom"] += 1
        raise RuntimeError("the database went away")

    def fine(*, stop: threading.Event | None = None) -> int:
        runs["fine"] += 1
        loop_threads.add(threading.get_ident())
        return 0

    runner = asyncio.create_task(scheduler.run_jobs([Job("boom", boom, TICK), Job("fine", fine, TICK)]))
    deadline = time.monotonic() + DEADLINE
    while (runs["boom"] < 3 or runs["fine"] < 3) and time.monotonic() < deadline and not runner.done():
        await asyncio.sleep(0.05)
    assert runs["boom"] >= 3 and runs["fine"] >= 3
    assert not runner.done()
    assert threading.get_ident() not in loop_threads  # bodies ran in worker threads
    assert "Background job boom failed" in caplog.text and "the database went away" in caplog.text
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
    after = dict(runs)
    await asyncio.sleep(0.25)
    assert runs == after


async def test_cancelling_asks_a_running_job_to_stop_and_waits_for_it() -> None:
    started, stopped = threading.Event(), threading.Event()

    def slow(*, stop: threading.Event | None = None) -> int:
        started.set()
        assert stop is not None
        if stop.wait(timeout=3):
            stopped.set()
        return 0

    runner = asyncio.create_task(scheduler.run_jobs([Job("slow", slow, TICK)]))
    assert await asyncio.to_thread(started.wait, DEADLINE)
    begun = time.monotonic()
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
    # Without being asked to stop, the job would run its full 3 s (and `stopped` would stay unset).
    assert stopped.is_set() and time.monotonic() - begun < 2.5


async def test_with_redis_the_app_schedules_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/15")
    get_settings.cache_clear()
    try:
        await asyncio.wait_for(scheduler.lifespan_scheduler(), timeout=1)
    finally:
        monkeypatch.delenv("REDIS_URL")
        get_settings.cache_clear()


async def test_without_redis_the_lifespan_task_runs_until_cancelled() -> None:
    assert get_settings().redis_url is None
    runner = asyncio.create_task(scheduler.lifespan_scheduler())
    await asyncio.sleep(0.1)
    assert not runner.done()
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
