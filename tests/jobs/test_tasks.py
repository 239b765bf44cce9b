"""The job bodies: idempotent per user, acting in each user's local hours, one transaction per user."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.jobs.conftest import audio, audio_keys, due_schedule, notes, spend_ahead
from wheels_wins.jobs import tasks
from wheels_wins.models import AuthSession
from wheels_wins.repositories import expenses, sweeps
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.services import money

# 09:00 in UTC, 19:00 in Sydney (AEST), 01:00 in Honolulu.
JUNE_10_9AM = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)


def test_maintenance_reminders_twice_send_one_notice(session: Session, make_user) -> None:
    user = make_user(timezone="UTC")
    due_schedule(session, user.id)

    assert tasks.send_maintenance_reminders(now=JUNE_10_9AM) == 1
    assert tasks.send_maintenance_reminders(now=JUNE_10_9AM) == 0
    assert tasks.send_maintenance_reminders(now=JUNE_10_9AM + dt.timedelta(hours=2)) == 0

    [note] = notes(session, user.id)
    assert (note.kind, note.title, note.read_at) == ("maintenance", "Oil change is due soon", None)


def test_maintenance_reminders_wait_for_each_users_morning(session: Session, make_user) -> None:
    evening = make_user(timezone="Australia/Sydney")
    night = make_user(timezone="Pacific/Honolulu")
    for user in (evening, night):
        due_schedule(session, user.id)

    assert tasks.send_maintenance_reminders(now=JUNE_10_9AM) == 0
    # 08:00 next morning in Honolulu (18:00 UTC); Sydney is at 04:00.
    assert tasks.send_maintenance_reminders(now=dt.datetime(2026, 6, 10, 18, 0, tzinfo=dt.UTC)) == 1
    assert [n.kind for n in notes(session, night.id)] == ["maintenance"]
    assert notes(session, evening.id) == []


def test_maintenance_reminders_skip_users_who_turned_them_off(session: Session, make_user) -> None:
    user = make_user(timezone="UTC", notify_maintenance=False)
    due_schedule(session, user.id)
    assert tasks.send_maintenance_reminders(now=JUNE_10_9AM) == 0
    assert notes(session, user.id) == []


def test_budget_sweep_twice_sends_one_notice(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    spend_ahead(session, user.id, clock)

    assert tasks.check_budget_thresholds() == 1
    assert tasks.check_budget_thresholds() == 0

    [note] = notes(session, user.id)
    assert (note.kind, note.dedupe_key, note.read_at) == ("budget", "budget:fuel:2026-03:80", None)


def test_budget_sweep_skips_users_without_budgets_or_who_turned_alerts_off(
    session: Session, make_user, clock: list[dt.date]
) -> None:
    quiet = make_user(notify_budget=False)
    spend_ahead(session, quiet.id, clock)
    clock[0] = dt.date(2026, 2, 20)
    no_budget = make_user()
    expenses.create(session, user_id=no_budget.id, amount=Decimal("900.00"), category="fuel", date=dt.date(2026, 3, 2))
    session.commit()
    clock[0] = dt.date(2026, 3, 15)

    assert tasks.check_budget_thresholds() == 0
    assert notes(session, quiet.id) == [] and notes(session, no_budget.id) == []


def test_sweeps_page_through_users_in_batches(session: Session, make_user, clock: list[dt.date]) -> None:
    users = [make_user() for _ in range(5)]
    for user in users:
        spend_ahead(session, user.id, clock)
        clock[0] = dt.date(2026, 2, 20)
    clock[0] = dt.date(2026, 3, 15)

    assert tasks.check_budget_thresholds(batch_size=2) == 5
    assert tasks.check_budget_thresholds(batch_size=2) == 0
    assert all(len(notes(session, u.id)) == 1 for u in users)
    ids = [user_id for user_id, _tz in sweeps.user_batch(session, after=None, limit=10)]
    assert ids == sorted(u.id for u in users)


def test_a_stopped_sweep_leaves_the_rest_for_next_time(session: Session, make_user, clock: list[dt.date]) -> None:
    user = make_user()
    spend_ahead(session, user.id, clock)
    stop = threading.Event()
    stop.set()
    assert tasks.check_budget_thresholds(stop=stop) == 0
    assert tasks.check_budget_thresholds() == 1


def _queries(engine: Engine, read) -> tuple[object, int]:
    statements: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        return read(), len(statements)
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_monthly_rollup_precomputes_the_dashboard_summary(engine: Engine, session: Session, make_user) -> None:
    night = make_user(timezone="UTC")
    day = make_user(timezone="Australia/Sydney")
    for user in (night, day):
        expenses.create(session, user_id=user.id, amount=Decimal("40.00"), category="fuel", date=dt.date(2026, 6, 2))
        expenses.create(session, user_id=user.id, amount=Decimal("12.50"), category="food", date=dt.date(2026, 6, 3))
    session.commit()

    # 03:00 in UTC, 13:00 in Sydney: only the first user's night.
    assert tasks.refresh_monthly_rollups(now=dt.datetime(2026, 6, 10, 3, 0, tzinfo=dt.UTC)) == 1

    def read(user_id):
        with Session(engine) as s:
            return money.month_summary(s, user_id=user_id, today=dt.date(2026, 6, 10))

    summary, queries = _queries(engine, lambda: read(night.id))
    assert queries == 0
    assert summary.total == Decimal("52.50") and summary.by_category == {
        "fuel": Decimal("40.00"),
        "food": Decimal("12.50"),
    }
    assert summary.net == Decimal("-52.50")
    _, queries = _queries(engine, lambda: read(day.id))
    assert queries > 0

    # A write retires the rollup: the next read sees it.
    expenses.create(session, user_id=night.id, amount=Decimal("7.50"), category="food", date=dt.date(2026, 6, 4))
    session.commit()
    assert read(night.id).total == Decimal("60.00")


def test_monthly_rollup_runs_as_each_users_month_begins(session: Session, make_user) -> None:
    make_user(timezone="Australia/Sydney")
    # 00:30 on 1 July in Sydney.
    assert tasks.refresh_monthly_rollups(now=dt.datetime(2026, 6, 30, 14, 30, tzinfo=dt.UTC)) == 1
    assert tasks.refresh_monthly_rollups(now=dt.datetime(2026, 6, 30, 15, 30, tzinfo=dt.UTC)) == 0


def test_audio_cleanup_removes_only_expired_entries(session: Session) -> None:
    now = dt.datetime(2026, 6, 10, tzinfo=dt.UTC)
    audio(session, fresh=2, expired=5, now=now)

    assert tasks.purge_audio_cache(now=now, batch_size=2) == 5
    assert tasks.purge_audio_cache(now=now, batch_size=2) == 0
    assert audio_keys(session) == {"k0", "k1"}


def test_session_cleanup_removes_only_sessions_that_can_never_be_used(session: Session, make_user) -> None:
    user = make_user()
    now = dt.datetime(2026, 6, 10, tzinfo=dt.UTC)
    live = sessions_repo.create(session, user_id=user.id, token_hash="a" * 64, expires_at=now + dt.timedelta(days=5))
    expired = sessions_repo.create(session, user_id=user.id, token_hash="b" * 64, expires_at=now - dt.timedelta(days=1))
    live.last_used_at = expired.last_used_at = now - dt.timedelta(hours=1)
    session.commit()
    live_id = live.id

    assert tasks.purge_dead_sessions(now=now) == 1
    assert tasks.purge_dead_sessions(now=now) == 0
    session.expire_all()
    assert [row.id for row in session.exec(select(AuthSession))] == [live_id]
