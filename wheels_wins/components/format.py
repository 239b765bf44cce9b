"""Display text for dates, times and distances, so states hand the browser ready-made strings."""

from __future__ import annotations

import datetime as dt

from wheels_wins.services.units import format_distance


def day_label(day: dt.date, today: dt.date) -> str:
    """'Today', 'Yesterday', 'Mon 3 Nov', or '3 Nov 2023' for another year."""
    if day == today:
        return "Today"
    if day == today - dt.timedelta(days=1):
        return "Yesterday"
    if day.year == today.year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def event_label(start: dt.datetime, *, all_day: bool, now: dt.datetime) -> str:
    """When an event starts, in the viewer's time zone (`now` carries that zone)."""
    local = start.astimezone(now.tzinfo)
    tomorrow = now.date() + dt.timedelta(days=1)
    day = "Tomorrow" if local.date() == tomorrow else day_label(local.date(), now.date())
    if all_day:
        return day
    return f"{day}, {_clock(local)}"


def _clock(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def distance_label(km: float | None, units: str) -> str:
    """'880 km' or '547 mi' in the user's units; an em dash when unknown."""
    return format_distance(km, units)


def duration_label(hours: float | None) -> str:
    """'9 h 30 min' driving time; an em dash when unknown."""
    if hours is None:
        return "—"
    total = round(hours * 60)
    h, m = divmod(total, 60)
    if h and m:
        return f"{h} h {m} min"
    return f"{h} h" if h else f"{m} min"


def ago_label(moment: dt.datetime, now: dt.datetime) -> str:
    """'just now', '5 min ago', '3 h ago', or the day for older moments."""
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    local = moment.astimezone(now.tzinfo)
    return day_label(local.date(), now.date())
