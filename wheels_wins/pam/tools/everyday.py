"""Calendar, social, profile and navigation tools."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.services.money import zone

Page = Literal["/", "/wheels", "/wins", "/social", "/you"]
PAGE_NAMES = {"/": "Home", "/wheels": "Wheels", "/wins": "Wins", "/social": "Social", "/you": "You"}


@tool(mutates=True)
def add_calendar_event(
    ctx: ToolContext,
    title: Annotated[str, Field(min_length=1, max_length=160)],
    date: dt.date,
    time: dt.time | None = None,
    description: Annotated[str, Field(max_length=1000)] = "",
) -> ToolResult:
    """Add an event or reminder on a date (and optional time, else 9:00 local) to the user's calendar."""
    local = zone(ctx.user.timezone)
    start = dt.datetime.combine(date, time or dt.time(9, 0), tzinfo=local)
    event = calendar_repo.create(
        ctx.session, user_id=ctx.user_id, title=title, start=start, all_day=time is None, description=description,
        kind="reminder" if time is None else "event",
    )
    when = start.strftime("%a %-d %b %Y") + ("" if time is None else start.strftime(" %-I:%M %p").lower())
    return ToolResult(
        True, f"Added “{event.title}” on {when}", {"id": str(event.id), "title": event.title, "start": start.isoformat()},
        undo={"op": "delete", "kind": "calendar", "id": str(event.id)}, changed=("calendar",),
    )


@tool()
def upcoming_events(ctx: ToolContext, limit: int = 5) -> ToolResult:
    """The user's next calendar events and reminders."""
    events = calendar_repo.upcoming(ctx.session, user_id=ctx.user_id, now=ctx.now, limit=max(1, min(limit, 20)))
    local = zone(ctx.user.timezone)
    items = [{"id": str(e.id), "title": e.title, "start": e.start.astimezone(local).isoformat()} for e in events]
    text = "; ".join(f"{e.title} on {e.start.astimezone(local):%a %-d %b}" for e in events) or "Nothing coming up"
    return ToolResult(True, text, {"items": items})


@tool(mutates=True)
def create_post(ctx: ToolContext, content: Annotated[str, Field(min_length=1, max_length=2000)]) -> ToolResult:
    """Post a message to the community feed as the user."""
    post = post_repo.create(ctx.session, user_id=ctx.user_id, content=content)
    return ToolResult(
        True, "Posted to the community", {"id": str(post.id), "content": post.content},
        undo={"op": "delete", "kind": "post", "id": str(post.id)}, changed=("posts",),
    )


@tool()
def read_feed(ctx: ToolContext, limit: int = 5) -> ToolResult:
    """The latest community posts."""
    rows, _ = post_repo.feed(ctx.session, viewer_id=ctx.user_id, limit=max(1, min(limit, 20)))
    items = [{"id": str(p.id), "author": a.full_name or "A traveller", "content": p.content} for p, a in rows]
    text = " | ".join(f"{i['author']}: {i['content'][:80]}" for i in items) or "The feed is quiet"
    return ToolResult(True, text, {"items": items})


@tool()
def get_profile(ctx: ToolContext) -> ToolResult:
    """The user's name and preferences (currency, units, timezone)."""
    u = ctx.user
    data = {"full_name": u.full_name, "email": u.email, "currency": u.currency, "units": u.units, "timezone": u.timezone}
    return ToolResult(True, f"{u.full_name or u.email}: {u.currency}, {u.units}, {u.timezone}", data)


@tool(mutates=True)
def update_preferences(
    ctx: ToolContext,
    currency: Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")] | None = None,
    units: Literal["metric", "imperial"] | None = None,
    timezone: str | None = None,
    full_name: Annotated[str, Field(max_length=120)] | None = None,
) -> ToolResult:
    """Change the user's name or preferences: currency (ISO code), units (metric/imperial), timezone (IANA name)."""
    if timezone is not None and zone(timezone).key != timezone:
        return ToolResult.fail(f"'{timezone}' isn't a timezone I know (try e.g. Australia/Perth).")
    before = {"currency": ctx.user.currency, "units": ctx.user.units, "timezone": ctx.user.timezone, "full_name": ctx.user.full_name}
    user = user_repo.update_profile(
        ctx.session, user_id=ctx.user_id, currency=currency.upper() if currency else None, units=units,
        timezone=timezone, full_name=full_name,
    )
    if user is None:
        return ToolResult.fail("I couldn't update your profile.")
    return ToolResult(
        True, f"Preferences saved: {user.currency}, {user.units}, {user.timezone}",
        {"currency": user.currency, "units": user.units, "timezone": user.timezone, "full_name": user.full_name},
        undo={"op": "profile", "kind": "profile", "fields": before}, changed=("profile",),
    )


@tool()
def navigate(ctx: ToolContext, to: Page) -> ToolResult:
    """Open a page of the app: / (home), /wheels (trips, map, vehicle), /wins (money, budgets), /social, /you (profile)."""
    return ToolResult(True, f"Opening {PAGE_NAMES[to]}", {"to": to}, ui_actions=[{"type": "navigate", "to": to}])
