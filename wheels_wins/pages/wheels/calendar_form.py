"""What the event dialog accepts: typed fields in the user's timezone in, UTC-ready event fields or
messages naming each wrong field out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from wheels_wins.pages.wins.validation import parse_day
from wheels_wins.services.calendar_grid import clock

MAX_TITLE = 160
MAX_DESCRIPTION = 2000
KINDS = ("event", "reminder")
# All-day entries sit at 09:00 local on their day, as PAM and the REST API store them.
ALL_DAY_TIME = dt.time(9, 0)


@dataclass
class ParsedEvent:
    """The fields to store (`fields`, None while anything is wrong) and a message per wrong field."""

    fields: dict[str, Any] | None
    errors: dict[str, str] = field(default_factory=dict)


def _time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def parse_event(form: Mapping[str, Any], *, all_day: bool, tz: ZoneInfo) -> ParsedEvent:
    """Validate the dialog's fields; times are local to `tz` and come back as aware datetimes."""
    text = {
        key: str(form.get(key, "") or "").strip()
        for key in ("title", "date", "start_time", "end_date", "end_time", "kind", "description")
    }
    errors: dict[str, str] = {}
    if not text["title"]:
        errors["title"] = "Give it a title."
    elif len(text["title"]) > MAX_TITLE:
        errors["title"] = f"Keep the title under {MAX_TITLE} characters."
    if text["kind"] not in KINDS:
        errors["kind"] = "Choose event or reminder."
    if len(text["description"]) > MAX_DESCRIPTION:
        errors["description"] = f"Keep the notes under {MAX_DESCRIPTION} characters."
    day, date_error = parse_day(text["date"])
    if date_error:
        errors["date"] = date_error
    end_day = None
    if text["end_date"]:
        end_day, end_error = parse_day(text["end_date"])
        if end_error:
            errors["end"] = "Enter a real end date, or leave it empty."
    if day is None:
        return ParsedEvent(None, errors)

    if all_day:
        start = dt.datetime.combine(day, ALL_DAY_TIME, tzinfo=tz)
        end = None
        if end_day is not None and end_day < day:
            errors["end"] = "The end date must be after the start date."
        elif end_day is not None and end_day > day:
            end = dt.datetime.combine(end_day, ALL_DAY_TIME, tzinfo=tz)
    else:
        start_time = _time(text["start_time"])
        if start_time is None:
            errors["start_time"] = "Enter a start time, or make it all day."
            return ParsedEvent(None, errors)
        start = _aware(day, start_time, tz)
        end_time = _time(text["end_time"])
        end = None
        if text["end_time"] and end_time is None:
            errors["end"] = "Enter the end time like 14:30."
        elif end_time is not None:
            end = _aware(end_day or day, end_time, tz)
            if end <= start:
                errors["end"] = f"The end must be after the start ({clock(start)})."
        elif end_day is not None and "end" not in errors:
            errors["end"] = "Add an end time for the end date, or leave both empty."
    if errors:
        return ParsedEvent(None, errors)
    return ParsedEvent(
        {
            "title": text["title"],
            "start": start,
            "end": end,
            "all_day": all_day,
            "kind": text["kind"],
            "description": text["description"],
        }
    )


def _aware(day: dt.date, time: dt.time, tz: ZoneInfo) -> dt.datetime:
    """A local wall time as an instant; a time skipped by daylight saving moves forward past the gap."""
    moment = dt.datetime.combine(day, time, tzinfo=tz)
    return moment.astimezone(dt.UTC).astimezone(tz)
