"""The background jobs' bodies: plain, synchronous, idempotent functions that Celery and the in-process scheduler share.

Each job walks users in keyset batches and gives every user their own transaction, so one user's
failure is logged and skipped, and a job stopped midway (`stop` set) leaves no half-done user.
Running a job twice is harmless: notices carry dedupe keys, the rollup rewrites the same cache
entry, and the cleanup finds nothing left the second time.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterator

from sqlmodel import Session

from wheels_wins.db import session_scope, utcnow
from wheels_wins.repositories import audio_cache as audio_repo
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import sweeps
from wheels_wins.repositories import users as user_repo
from wheels_wins.services import budget_alerts, maintenance_alerts, money

log = logging.getLogger(__name__)

BATCH_SIZE = 200
AUDIO_BATCH_SIZE = 500
# Reminders go out in the user's morning; the later hours retry a missed sweep, silently if it did run.
MORNING_HOURS = range(8, 12)
# The rollup is refreshed in the user's night, and as their month begins.
ROLLUP_HOUR = 3
ROLLUP_TTL_SECONDS = 26 * 3600

UserWork = Callable[[Session, uuid.UUID, dt.datetime], int]


def _users(
    *, batch_size: int, wanting: sweeps.Choice | None = None, with_budgets: bool = False
) -> Iterator[tuple[uuid.UUID, str]]:
    """Every matching (user id, timezone), read a batch at a time, each batch in its own short transaction."""
    after: uuid.UUID | None = None
    while True:
        with session_scope() as session:
            batch = sweeps.user_batch(
                session, after=after, limit=batch_size, wanting=wanting, with_budgets=with_budgets
            )
        yield from batch
        if len(batch) < batch_size:
            return
        after = batch[-1][0]


def _sweep(
    job: str,
    users: Iterator[tuple[uuid.UUID, str]],
    work: UserWork,
    *,
    now: dt.datetime,
    when: Callable[[dt.datetime], bool] = lambda _local: True,
    stop: threading.Event | None,
) -> int:
    """Run `work` for each user whose local time passes `when`, one transaction each; returns the sum of its results."""
    total = 0
    for user_id, timezone in users:
        if stop is not None and stop.is_set():
            log.info("Job %s stopped before finishing", job)
            break
        local = now.astimezone(money.zone(timezone))
        if not when(local):
            continue
        try:
            with session_scope() as session:
                total += work(session, user_id, local)
        except Exception:
            log.exception("Job %s failed for user %s", job, user_id)
    return total


def _remind(session: Session, user_id: uuid.UUID, local: dt.datetime) -> int:
    user = user_repo.get_by_id(session, user_id=user_id)
    return 0 if user is None else maintenance_alerts.notify_due(session, user=user, today=local.date())


def send_maintenance_reminders(
    *, now: dt.datetime | None = None, stop: threading.Event | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Notify users in their morning of maintenance due soon or overdue; returns how many notices are new."""
    return _sweep(
        "maintenance_reminders",
        _users(batch_size=batch_size, wanting="notify_maintenance"),
        _remind,
        now=now or utcnow(),
        when=lambda local: local.hour in MORNING_HOURS,
        stop=stop,
    )


def _check_budgets(session: Session, user_id: uuid.UUID, _local: dt.datetime) -> int:
    # (user, None, None): every category of the user's current month, as after a write touching them all.
    return len(budget_alerts.check_budgets(session, [(user_id, None, None)]))


def check_budget_thresholds(
    *, now: dt.datetime | None = None, stop: threading.Event | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Send the 80%/100% budget notices not yet sent this month; returns how many are new.

    Writes already raise them as they commit; this catches what no write announces, such as
    expenses entered ahead for a month that has now begun.
    """
    return _sweep(
        "budget_alerts",
        _users(batch_size=batch_size, wanting="notify_budget", with_budgets=True),
        _check_budgets,
        now=now or utcnow(),
        stop=stop,
    )


def _rollup_due(local: dt.datetime) -> bool:
    return local.hour == ROLLUP_HOUR or (local.day == 1 and local.hour == 0)


def _warm(session: Session, user_id: uuid.UUID, local: dt.datetime) -> int:
    money.month_summary(session, user_id=user_id, today=local.date(), ttl=ROLLUP_TTL_SECONDS, refresh=True)
    return 1


def refresh_monthly_rollups(
    *, now: dt.datetime | None = None, stop: threading.Event | None = None, batch_size: int = BATCH_SIZE
) -> int:
    """Precompute each user's month summary (spend per category, income, net, budgets) into the summary cache.

    Home, Wins' summary and Insights read `money.month_summary`; this stores it for a day under
    the user's cache generation, so their next visit reads no expense rows unless they wrote since
    (a write retires the entry). It runs in each user's night and as their month begins; the
    in-process cache is per process, so without Redis each app process warms its own. Returns
    how many users were refreshed.
    """
    return _sweep(
        "monthly_rollups",
        _users(batch_size=batch_size),
        _warm,
        now=now or utcnow(),
        when=_rollup_due,
        stop=stop,
    )


def purge_audio_cache(
    *, now: dt.datetime | None = None, stop: threading.Event | None = None, batch_size: int = AUDIO_BATCH_SIZE
) -> int:
    """Delete expired text-to-speech audio, a batch per transaction; returns how many entries went."""
    cutoff = now or utcnow()
    total = 0
    while stop is None or not stop.is_set():
        with session_scope() as session:
            deleted = audio_repo.purge_expired(session, now=cutoff, limit=batch_size)
        total += deleted
        if deleted < batch_size:
            break
    return total


def purge_dead_sessions(*, now: dt.datetime | None = None, stop: threading.Event | None = None) -> int:
    """Delete login sessions that can never be used again (revoked, expired or idle too long); returns how many."""
    if stop is not None and stop.is_set():
        return 0
    with session_scope() as session:
        return sessions_repo.purge_expired(session, now=now or utcnow())
