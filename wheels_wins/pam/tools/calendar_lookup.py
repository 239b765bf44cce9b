"""Calendar entries named by what they are, for requests about entries PAM did not just make: "cancel the vet
appointment", "push the mechanic booking back a day"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import Field

from wheels_wins.db import parse_uuid
from wheels_wins.models import CalendarEvent
from wheels_wins.pam.tools.common import holds_words, newer_copies
from wheels_wins.pam.tools.corrections import calendar_fields, update_calendar_event
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.services.money import zone

# Entries looked among: from a week ago to a year ahead.
_BACK, _AHEAD, _LOOKED_AT = dt.timedelta(days=7), dt.timedelta(days=366), 200
_NOT_A_TITLE = frozenset(
    "the a an my our this that appointment appt booking reminder event meeting entry one in on for with".split()
)
Title = Annotated[str, Field(min_length=2, max_length=160)]


def _words(title: str) -> list[str]:
    said = re.sub(r"['’]", "", title.lower()).replace("-", " ")  # "col's physio" is "Physio - Col's shoulder"
    return [w for w in said.split() if w not in _NOT_A_TITLE]


def _holds(title: str, words: list[str]) -> bool:
    """Whether the title has every word, however it is spaced ("mail pickup" in "Pick up mail at Ballarat")."""
    title = re.sub(r"['’]", "", title)  # "sals" is "Sal's"
    tokens = re.findall(r"[a-z0-9]+", title.lower())
    pairs = [a + b for a, b in zip(tokens, tokens[1:], strict=False)]  # "pick up" said as "pickup"
    return bool(words) and all(
        holds_words(title, [w]) or holds_words(title, [w.removesuffix("s")]) or any(p.startswith(w) for p in pairs)
        for w in words  # "milos vet appt" is "Vet for Milo"
    )


def _named(ctx: ToolContext, title: str, date: dt.date | None) -> list[CalendarEvent] | ToolResult:
    """The entries whose title holds every word said (on `date` if given), soonest first; a failure when none."""
    now = dt.datetime.now(zone(ctx.user.timezone))
    rows, _ = calendar_repo.list_page(ctx.session, user_id=ctx.user_id, start=now - _BACK, end=now + _AHEAD,
                                      limit=_LOOKED_AT)
    words = _words(title)
    local = zone(ctx.user.timezone)
    found = [e for e in rows if words and _holds(e.title, words) and (date is None or e.start.astimezone(local).date() == date)]
    if not found:
        return ToolResult.fail(f"I couldn't find “{title}” in your calendar.")
    upcoming = [e for e in found if e.start >= now - dt.timedelta(hours=12)]
    return upcoming or found


def _the_one(
    ctx: ToolContext, title: str, date: dt.date | None, event_id: str | None = None, then: dict[str, Any] | None = None
) -> CalendarEvent | ToolResult:
    """The entry meant: the one with `event_id` (picked from a list), else the one the words name; else the reply that
    asks which, listing them with what to do (`then`) to the one the answer picks ("Marg's one")."""
    if event_id is not None:
        record_id = parse_uuid(event_id)
        picked = calendar_repo.get(ctx.session, user_id=ctx.user_id, event_id=record_id) if record_id else None
        return picked if picked is not None else ToolResult.fail("I couldn't find that calendar entry.")
    found = _named(ctx, title, date)
    if isinstance(found, ToolResult) or len(found) == 1:
        return found if isinstance(found, ToolResult) else found[0]
    local = zone(ctx.user.timezone)
    bullets = "".join(f"\n- {e.title}, {e.start.astimezone(local):%a %-d %b}" for e in found[:5])
    items = [{"id": str(e.id), "description": e.title, "merchant": f"{e.start.astimezone(local):%A %-d %B}"} for e in found[:5]]
    return ToolResult(True, f"Which one? I found {len(found)}:{bullets}",
                      {"items": items, "then": {**(then or {}), "id_argument": "event_id"}})


def _the_double(ctx: ToolContext, title: str, date: dt.date | None) -> CalendarEvent | ToolResult:
    """The newer of an entry put in twice (same title and start) whose title holds these words."""
    found = _named(ctx, title, date)
    if isinstance(found, ToolResult):
        return found
    twice = newer_copies(sorted(found, key=lambda e: e.created_at, reverse=True),
                         lambda e: (e.title.strip().lower(), e.start))
    if twice:
        return twice[0]
    if len(found) == 1:
        return ToolResult.fail(f"“{found[0].title}” is in your calendar only once, so I left it.")
    return _the_one(ctx, title, date)  # several, at different times: which one goes


@tool(mutates=True)
def cancel_calendar_event(
    ctx: ToolContext, title: Title, date: dt.date | None = None, duplicate: bool = False, event_id: str | None = None
) -> ToolResult:
    """Cancel (delete) the calendar entry whose title holds these words ("cancel the vet appointment"), the next one
    to come when several have passed; `date` picks among several; with `duplicate`, the newer of one put in twice
    ("the parcel pickup is in my calendar twice, get rid of one"); `event_id` is one picked from a list."""
    then = {"tool": "cancel_calendar_event", "arguments": {"title": title}}
    event = _the_double(ctx, title, date) if duplicate else _the_one(ctx, title, date, event_id, then)
    if isinstance(event, ToolResult):
        return event
    fields = {**calendar_fields(event), "description": event.description}
    calendar_repo.delete(ctx.session, user_id=ctx.user_id, event_id=event.id)
    when = event.start.astimezone(zone(ctx.user.timezone))
    return ToolResult(
        True, f"Cancelled “{event.title}” on {when:%a %-d %b %Y}", {"id": str(event.id)},
        undo={"op": "recreate", "kind": "calendar", "fields": fields}, changed=("calendar",),
    )


@tool(mutates=True)
def move_calendar_event(
    ctx: ToolContext,
    title: Title,
    days: Annotated[int, Field(ge=-366, le=366)] | None = None,
    date: dt.date | None = None,
    time: dt.time | None = None,
    event_id: str | None = None,
) -> ToolResult:
    """Move the calendar entry whose title holds these words: by `days` ("push the mechanic booking back a day" is
    1, "bring it forward a week" -7), or to a `date` and/or `time`; `event_id` is one picked from a list."""
    moves = {k: v.isoformat() if isinstance(v, dt.date | dt.time) else v
             for k, v in (("days", days), ("date", date), ("time", time)) if v is not None}
    event = _the_one(ctx, title, None, event_id, {"tool": "move_calendar_event", "arguments": {"title": title, **moves}})
    if isinstance(event, ToolResult):
        return event
    if days is not None:
        date = event.start.astimezone(zone(ctx.user.timezone)).date() + dt.timedelta(days=days)
    if date is None and time is None:
        return ToolResult.fail("When should it move to?")
    return update_calendar_event(ctx, event_id=str(event.id), date=date, time=time)
