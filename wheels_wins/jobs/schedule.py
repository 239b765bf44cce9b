"""When each background job runs: one table read by both Celery beat and the in-process scheduler."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass

from wheels_wins.jobs import tasks

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Job:
    """A task body run every `every`, `at` past each period's start (UTC wall clock: hourly at :05, daily at 03:30)."""

    name: str
    run: Callable[..., int]
    every: dt.timedelta
    at: dt.timedelta = dt.timedelta(0)

    def call(self, stop: threading.Event | None = None) -> int:
        """Run the body once now."""
        return self.run(stop=stop)


JOBS: tuple[Job, ...] = (
    # Hourly sweeps; each task picks, per user, the local hours it acts in.
    Job("maintenance_reminders", tasks.send_maintenance_reminders, HOUR, dt.timedelta(minutes=5)),
    Job("budget_alerts", tasks.check_budget_thresholds, HOUR, dt.timedelta(minutes=10)),
    Job("monthly_rollups", tasks.refresh_monthly_rollups, HOUR, dt.timedelta(minutes=15)),
    Job("audio_cache_cleanup", tasks.purge_audio_cache, DAY, dt.timedelta(hours=3, minutes=30)),
    Job("session_cleanup", tasks.purge_dead_sessions, DAY, dt.timedelta(hours=3, minutes=40)),
)
