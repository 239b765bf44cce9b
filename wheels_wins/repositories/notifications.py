"""In-app notifications, scoped by the acting user."""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.db import utcnow
from wheels_wins.models import Notification
from wheels_wins.repositories.owned import add


def notify_once(
    session: Session, *, user_id: uuid.UUID, kind: str, title: str, body: str = "", link: str = "", dedupe_key: str | None = None
) -> Notification | None:
    """Create a notification unless one with the same dedupe_key exists; returns it, or None if it did."""
    if dedupe_key is not None:
        existing = session.exec(
            select(Notification).where(Notification.user_id == user_id, Notification.dedupe_key == dedupe_key)
        ).first()
        if existing:
            return None
    return add(session, Notification(user_id=user_id, kind=kind, title=title, body=body, link=link, dedupe_key=dedupe_key))


def list_recent(session: Session, *, user_id: uuid.UUID, unread_only: bool = False, limit: int = 20) -> list[Notification]:
    """The user's latest notifications."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))  # type: ignore[union-attr]
    return list(session.exec(query.order_by(Notification.created_at.desc()).limit(limit)).all())


def mark_read(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID) -> bool:
    """Mark one of the user's notifications read."""
    row = session.exec(
        select(Notification).where(Notification.id == notification_id, Notification.user_id == user_id)
    ).first()
    if row is None:
        return False
    row.read_at = row.read_at or utcnow()
    session.add(row)
    session.flush()
    return True


def count_unread(session: Session, *, user_id: uuid.UUID) -> int:
    """How many of the user's notifications are unread."""
    query = select(func.count()).where(Notification.user_id == user_id, Notification.read_at.is_(None))  # type: ignore[union-attr]
    return int(session.exec(query).one())


def mark_all_read(session: Session, *, user_id: uuid.UUID) -> int:
    """Mark every unread notification of the user read; returns how many."""
    rows = list_recent(session, user_id=user_id, unread_only=True, limit=10_000)
    now = utcnow()
    for row in rows:
        row.read_at = now
        session.add(row)
    session.flush()
    return len(rows)
