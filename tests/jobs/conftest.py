"""What the job tests share: a due maintenance schedule, spend the month's alerts never saw, audio rows."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from wheels_wins.models import AudioCache, Notification
from wheels_wins.repositories import audio_cache, budgets, expenses, maintenance_schedules
from wheels_wins.services import budget_alerts

MARCH = dt.date(2026, 3, 15)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[dt.date]:
    """The users' today for budget alerts (set `clock[0]` to move it), as tests/services/test_budget_alerts.py does."""
    today = [dt.date(2026, 2, 20)]
    monkeypatch.setattr(budget_alerts, "today_in", lambda _tz: today[0])
    return today


def notes(session: Session, user_id: uuid.UUID) -> list[Notification]:
    """The user's notifications, by dedupe key."""
    session.expire_all()
    rows = session.exec(select(Notification).where(Notification.user_id == user_id)).all()
    return sorted(rows, key=lambda n: n.dedupe_key or "")


def due_schedule(session: Session, user_id: uuid.UUID) -> None:
    """An oil change due on 1 Jul 2026: 'due soon' from 10 June."""
    maintenance_schedules.create(
        session,
        user_id=user_id,
        task="Oil change",
        every_km=10_000,
        every_months=6,
        start_date=dt.date(2026, 1, 1),
        start_odometer_km=80_000,
    )
    session.commit()


def spend_ahead(session: Session, user_id: uuid.UUID, clock: list[dt.date]) -> None:
    """A $100 fuel budget and $85 of fuel dated in March, entered in February: no write alerts for it."""
    budgets.upsert(session, user_id=user_id, category="fuel", amount=Decimal("100"))
    expenses.create(session, user_id=user_id, amount=Decimal("85.00"), category="fuel", date=MARCH)
    session.commit()
    assert notes(session, user_id) == []
    clock[0] = MARCH


def audio(session: Session, *, fresh: int, expired: int, now: dt.datetime) -> None:
    """`fresh` entries expiring tomorrow and `expired` ones that expired yesterday."""
    for n in range(fresh + expired):
        when = now + dt.timedelta(days=1 if n < fresh else -1)
        audio_cache.put(session, cache_key=f"k{n}", voice="v", audio=b"x", expires_at=when)
    session.commit()


def audio_keys(session: Session) -> set[str]:
    """The cache keys still stored."""
    session.expire_all()
    return set(session.exec(select(AudioCache.cache_key)).all())
