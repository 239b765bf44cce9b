"""Calendar events and reminders, read and written in the user's timezone."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, user_zone
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.travel import EventCreate, EventPublic, EventUpdate
from wheels_wins.models import CalendarEvent
from wheels_wins.repositories import calendar as calendar_repo

router = APIRouter(
    prefix="/calendar", tags=["calendar"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)

DATE_ONLY_TIME = dt.time(9, 0)
# Far inside datetime's range, so converting between zones can never overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _in_range(value: dt.date, field: str) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise invalid(field, f"must be between the years {FIRST_YEAR} and {LAST_YEAR}")


def to_instant(value: dt.date | dt.datetime, tz: ZoneInfo, field: str) -> dt.datetime:
    """An aware datetime: a date means 09:00 there, a naive time is local to `tz`, an offset is kept."""
    _in_range(value, field)
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, DATE_ONLY_TIME, tzinfo=tz)
    return value.replace(tzinfo=tz) if value.tzinfo is None else value


def _day_start(day: dt.date, tz: ZoneInfo, field: str) -> dt.datetime:
    _in_range(day, field)
    return dt.datetime.combine(day, dt.time.min, tzinfo=tz)


def to_public(event: CalendarEvent, tz: ZoneInfo) -> EventPublic:
    """The API view of an event with times in the user's timezone."""
    return EventPublic(
        id=event.id,
        title=event.title,
        start=event.start.astimezone(tz),
        end=event.end.astimezone(tz) if event.end else None,
        description=event.description,
        all_day=event.all_day,
        kind=event.kind,
        created_at=event.created_at,
    )


def _check_order(start: dt.datetime, end: dt.datetime | None) -> None:
    if end is not None and end < start:
        raise invalid("end", "must not be before start")


@router.get("", response_model=Page[EventPublic], summary="List events")
def list_events(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    start: Annotated[dt.date | None, Query(description="Starting on or after this day (user's timezone)")] = None,
    end: Annotated[dt.date | None, Query(description="Starting on or before this day (user's timezone)")] = None,
) -> Page[EventPublic]:
    """The user's events in start order."""
    tz = user_zone(user)
    rows, total = calendar_repo.list_page(
        session,
        user_id=user.id,
        start=_day_start(start, tz, "start") if start else None,
        end=_day_start(end, tz, "end") + dt.timedelta(days=1) if end else None,
        limit=paging.limit,
        offset=paging.offset,
    )
    return Page(items=[to_public(row, tz) for row in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=EventPublic, summary="Add an event")
def create_event(body: EventCreate, user: CurrentUser, session: SessionDep) -> EventPublic:
    """Add an event; a date-only `start` means 09:00 in the user's timezone."""
    tz = user_zone(user)
    start = to_instant(body.start, tz, "start")
    end = to_instant(body.end, tz, "end") if body.end is not None else None
    _check_order(start, end)
    event = calendar_repo.create(
        session,
        user_id=user.id,
        title=body.title,
        start=start,
        end=end,
        description=body.description,
        all_day=body.all_day,
        kind=body.kind,
    )
    return to_public(event, tz)


@router.get("/{event_id}", response_model=EventPublic, summary="Get an event", responses={404: ERROR_RESPONSES[404]})
def get_event(event_id: str, user: CurrentUser, session: SessionDep) -> EventPublic:
    """One of the user's events."""
    event = calendar_repo.get(session, user_id=user.id, event_id=parse_id(event_id, "event"))
    if event is None:
        raise not_found("event")
    return to_public(event, user_zone(user))


@router.patch(
    "/{event_id}", response_model=EventPublic, summary="Update an event", responses={404: ERROR_RESPONSES[404]}
)
def update_event(event_id: str, body: EventUpdate, user: CurrentUser, session: SessionDep) -> EventPublic:
    """Change the fields sent."""
    record_id = parse_id(event_id, "event")
    event = calendar_repo.get(session, user_id=user.id, event_id=record_id)
    if event is None:
        raise not_found("event")
    tz = user_zone(user)
    changes = body.changes()
    for key in ("start", "end"):
        if changes.get(key) is not None:
            changes[key] = to_instant(changes[key], tz, key)
    _check_order(changes.get("start", event.start), changes.get("end", event.end))
    updated = calendar_repo.update(session, user_id=user.id, event_id=record_id, changes=changes)
    assert updated is not None
    return to_public(updated, tz)


@router.delete(
    "/{event_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete an event",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_event(event_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the user's events."""
    if not calendar_repo.delete(session, user_id=user.id, event_id=parse_id(event_id, "event")):
        raise not_found("event")
    return Response(status_code=status.HTTP_204_NO_CONTENT)
