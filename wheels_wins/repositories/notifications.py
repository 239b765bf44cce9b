"""In-app notifications, scoped by the acting user; the recipient's notification choices are enforced here."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import Session, select

from wheels_wins.db import utcnow
from wheels_wins.models import Notification, User
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add
from wheels_wins.repositories.users import NOTIFICATION_CHOICES

Cursor = tuple[dt.datetime, uuid.UUID]

KIND_CHOICES: dict[str, str] = {
    "budget": "budget",
    "maintenance": "maintenance",
    "post_comment": "comments",
    "post_like": "likes",
}
"""Notification kind → the user's choice that switches it off (users.NOTIFICATION_CHOICES); others are always on."""


def wanted(session: Session, *, user_id: uuid.UUID, kind: str) -> bool:
    """Whether the user still wants notifications of this kind (unknown kinds: yes)."""
    row_security.as_user(session, user_id)
    choice_name = KIND_CHOICES.get(kind)
    if choice_name is None:
        return True
    column = getattr(User, NOTIFICATION_CHOICES[choice_name])
    choice = session.exec(select(column).where(User.id == user_id)).first()
    return choice is not False


def notify_once(
    session: Session,
    *,
    user_id: uuid.UUID,
    kind: str,
    title: str,
    body: str = "",
    link: str = "",
    dedupe_key: str | None = None,
) -> Notification | None:
    """Create a notification unless the user turned this kind off or one with the same dedupe_key exists.

    Returns the new notification, or None when nothing was created."""
    row_security.as_user(session, user_id)
    if not wanted(session, user_id=user_id, kind=kind):
        return None
    if dedupe_key is not None:
        existing = session.exec(
            select(Notification).where(Notification.user_id == user_id, Notification.dedupe_key == dedupe_key)
        ).first()
        if existing:
            return None
    return add(
        session, Notification(user_id=user_id, kind=kind, title=title, body=body, link=link, dedupe_key=dedupe_key)
    )


def list_recent(
    session: Session, *, user_id: uuid.UUID, unread_only: bool = False, limit: int = 20
) -> list[Notification]:
    """The user's latest notifications."""
    row_security.as_user(session, user_id)
    return page(session, user_id=user_id, unread_only=unread_only, limit=limit)


def _shown(user_id: uuid.UUID) -> Any:
    """The user's notifications that they have not deleted."""
    return and_(Notification.user_id == user_id, Notification.dismissed_at.is_(None))  # type: ignore[union-attr]


def page(
    session: Session, *, user_id: uuid.UUID, unread_only: bool = False, before: Cursor | None = None, limit: int = 20
) -> list[Notification]:
    """The user's notifications newest first, starting after `before` (keyset paging)."""
    row_security.as_user(session, user_id)
    query = select(Notification).where(_shown(user_id))
    if unread_only:
        query = query.where(Notification.read_at.is_(None))  # type: ignore[union-attr]
    if before is not None:
        created, last_id = before
        query = query.where(
            or_(Notification.created_at < created, and_(Notification.created_at == created, Notification.id < last_id))
        )
    order = (Notification.created_at.desc(), Notification.id.desc())  # type: ignore[attr-defined]
    return list(session.exec(query.order_by(*order).limit(limit)).all())


def count(session: Session, *, user_id: uuid.UUID, unread_only: bool = False) -> int:
    """How many notifications the user has (or unread ones)."""
    row_security.as_user(session, user_id)
    query = select(func.count()).select_from(Notification).where(_shown(user_id))
    if unread_only:
        query = query.where(Notification.read_at.is_(None))  # type: ignore[union-attr]
    return int(session.exec(query).one())


def get(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID) -> Notification | None:
    """One of the user's notifications, or None (missing and not theirs alike)."""
    row_security.as_user(session, user_id)
    return session.exec(select(Notification).where(Notification.id == notification_id, _shown(user_id))).first()


def set_read(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID, read: bool) -> Notification | None:
    """Mark one of the user's notifications read or unread; None when it is not theirs."""
    row_security.as_user(session, user_id)
    row = get(session, user_id=user_id, notification_id=notification_id)
    if row is None:
        return None
    row.read_at = (row.read_at or utcnow()) if read else None
    session.add(row)
    session.flush()
    return row


def mark_read(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID) -> bool:
    """Mark one of the user's notifications read."""
    row_security.as_user(session, user_id)
    return set_read(session, user_id=user_id, notification_id=notification_id, read=True) is not None


def mark_unread(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID) -> bool:
    """Mark one of the user's notifications unread again."""
    row_security.as_user(session, user_id)
    return set_read(session, user_id=user_id, notification_id=notification_id, read=False) is not None


def count_unread(session: Session, *, user_id: uuid.UUID) -> int:
    """How many of the user's notifications are unread."""
    row_security.as_user(session, user_id)
    return count(session, user_id=user_id, unread_only=True)


def mark_all_read(session: Session, *, user_id: uuid.UUID) -> int:
    """Mark every unread notification of the user read; returns how many."""
    row_security.as_user(session, user_id)
    rows = session.exec(
        select(Notification).where(_shown(user_id), Notification.read_at.is_(None))  # type: ignore[union-attr]
    ).all()
    now = utcnow()
    for row in rows:
        row.read_at = now
        session.add(row)
    session.flush()
    return len(rows)


def delete(session: Session, *, user_id: uuid.UUID, notification_id: uuid.UUID) -> dict[str, Any] | None:
    """Delete one of the user's notifications; returns what `restore` needs, or None when it is not theirs.

    The row stays, marked dismissed, so that its dedupe key keeps a sweep from sending the same notice again."""
    row_security.as_user(session, user_id)
    row = get(session, user_id=user_id, notification_id=notification_id)
    if row is None:
        return None
    row.dismissed_at = utcnow()
    session.add(row)
    session.flush()
    return {"id": row.id}


def restore(session: Session, *, user_id: uuid.UUID, kept: dict[str, Any]) -> Notification | None:
    """Bring back a notification `delete` removed (None if it is not the user's or was never deleted)."""
    row_security.as_user(session, user_id)
    row = session.exec(
        select(Notification).where(
            Notification.id == kept.get("id"),
            Notification.user_id == user_id,
            Notification.dismissed_at.is_not(None),  # type: ignore[union-attr]
        )
    ).first()
    if row is None:
        return None
    row.dismissed_at = None
    session.add(row)
    session.flush()
    return row
