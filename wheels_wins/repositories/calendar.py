"""Calendar events and reminders, scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, func, not_, or_
from sqlmodel import Session, select

from wheels_wins.models import CalendarEvent
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> CalendarEvent:
    """Add an event or reminder."""
    row_security.as_user(session, user_id)
    return add(session, CalendarEvent(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, event_id: uuid.UUID) -> CalendarEvent | None:
    """The user's event, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, CalendarEvent, user_id=user_id, record_id=event_id)


def update(
    session: Session, *, user_id: uuid.UUID, event_id: uuid.UUID, changes: Mapping[str, Any]
) -> CalendarEvent | None:
    """Change fields of the user's event."""
    row_security.as_user(session, user_id)
    return update_owned(session, CalendarEvent, user_id=user_id, record_id=event_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, event_id: uuid.UUID) -> bool:
    """Delete the user's event."""
    row_security.as_user(session, user_id)
    return delete_owned(session, CalendarEvent, user_id=user_id, record_id=event_id)


def list_page(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[CalendarEvent], int]:
    """A page of the user's events in start order."""
    row_security.as_user(session, user_id)
    query = select(CalendarEvent).where(CalendarEvent.user_id == user_id)
    if start:
        query = query.where(CalendarEvent.start >= start)
    if end:
        query = query.where(CalendarEvent.start < end)
    return page(session, query, order_by=[CalendarEvent.start, CalendarEvent.created_at], limit=limit, offset=offset)


def _last_moment() -> Any:
    """When an event is over: its end, or its start when it has none."""
    return func.coalesce(CalendarEvent.end, CalendarEvent.start)


def overlapping(
    session: Session, *, user_id: uuid.UUID, start: dt.datetime, end: dt.datetime, limit: int = 1000
) -> list[CalendarEvent]:
    """The user's events touching [start, end) — starting before `end`, not over before `start` — in start order."""
    row_security.as_user(session, user_id)
    query = select(CalendarEvent).where(
        CalendarEvent.user_id == user_id, CalendarEvent.start < end, _last_moment() >= start
    )
    return list(session.exec(query.order_by(CalendarEvent.start, CalendarEvent.created_at).limit(limit)).all())


def upcoming(
    session: Session, *, user_id: uuid.UUID, now: dt.datetime, limit: int = 5, day_start: dt.datetime | None = None
) -> list[CalendarEvent]:
    """The user's next events from `now` on (no count: this runs on every dashboard and PAM turn).

    With `day_start` (the start of the user's today), events still running at `now` and all-day
    events on that day or later are included too.
    """
    row_security.as_user(session, user_id)
    query = select(CalendarEvent).where(CalendarEvent.user_id == user_id)
    if day_start is None:
        query = query.where(CalendarEvent.start >= now)
    else:
        query = query.where(
            or_(
                and_(CalendarEvent.all_day, _last_moment() >= day_start),
                and_(not_(CalendarEvent.all_day), _last_moment() >= now),
            )
        )
    return list(session.exec(query.order_by(CalendarEvent.start, CalendarEvent.created_at).limit(limit)).all())
