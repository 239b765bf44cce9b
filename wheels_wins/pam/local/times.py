"""Times of day in free text: "at 3pm", "10:30am", "15:00", "noon", "tomorrow arvo at 3"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time of day found in text and its span."""

    time: dt.time
    start: int
    end: int


_TIME_PATTERNS = [
    re.compile(
        r"(?P<pre>\b(?:at|by|from|around|about)\s+|@\s*)?\b(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*"
        r"(?P<ap>a\.?m\.?|p\.?m\.?|(?<=\d)[ap])(?![a-z])",  # "7p", "9:15a" typed in a hurry
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<pre>\b(?:at|by|from|around|about)\s+|@\s*)?(?<![\d.$])\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!\.\d)",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<pre>\b(?:at|by|around|about)\s+)?\b(?P<h>\d{1,2})\s*o'?clock\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<pre>\b(?:at|by|around|about)\s+)?\b(?P<word>noon|midday|midnight|lunchtime)\b",
        re.IGNORECASE,
    ),
    # "tomorrow arvo at 3", "at 7 in the morning": a bare hour placed by the part of the day around it
    re.compile(
        r"(?P<bare>\b(?:at|@)\s*)(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?(?![\w%$.,:/]|\s*(?:[ap]\.?m\b|o'?clock))",
        re.IGNORECASE,
    ),
]
_HOUR_WORDS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
_HOUR = r"(?:1[0-2]|[1-9]|" + "|".join(_HOUR_WORDS) + r")"
# "half past nine", "quarter to ten", "twenty past three", "half nine" (British for 9:30), "ten thirty"
_TIME_PATTERNS.append(
    re.compile(
        r"(?P<pre>\b(?:at|by|around|about)\s+)?\b(?:(?P<past>half|quarter|ten|twenty|twenty-five|five)\s+past|"
        r"(?P<to>quarter|ten|twenty|five)\s+to|(?P<halfb>half))\s+(?P<hw>" + _HOUR + r")\b"
        r"|(?P<pre2>\b(?:at|by|around|about)\s+)(?P<hw2>" + "|".join(_HOUR_WORDS) + r")\s+(?P<mw>fifteen|thirty|forty-five)\b",
        re.IGNORECASE,
    )
)
_MINUTES = {"five": 5, "ten": 10, "quarter": 15, "twenty": 20, "twenty-five": 25, "half": 30, "fifteen": 15, "thirty": 30,
            "forty-five": 45}


def _hour_number(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS[word.lower()]


def _said_time(m: re.Match[str]) -> dt.time:
    """"half past nine" at 9:30 unless the day's part or the hour says afternoon (1–6 is pm, as for "3 o'clock")."""
    if m["hw2"]:
        hour, minute = _hour_number(m["hw2"]), _MINUTES[m["mw"].lower()]
    else:
        hour = _hour_number(m["hw"])
        minute = _MINUTES[(m["past"] or m["to"] or "half").lower()]
        if m["to"]:
            hour, minute = (hour - 2) % 12 + 1, 60 - minute
    part = _PART_BEFORE.search(m.string, 0, m.start()) or _PART_AFTER.match(m.string, m.end())
    if hour == 12:  # "quarter past twelve" is after noon unless the night is said
        return dt.time(0 if part and part["part"].lower() in ("night", "tonight") else 12, minute)
    afternoon = part["part"].lower() != "morning" if part else hour <= 6
    return dt.time(hour % 12 + (12 if afternoon else 0), minute)


_PART_BEFORE = re.compile(r"\b(?P<part>morning|arvo|afternoon|evening|tonight|night)\s*,?\s*$", re.IGNORECASE)
_PART_AFTER = re.compile(
    r"\s*(?:in\s+the\s+|this\s+|tomorrow\s+)?(?P<part>morning|arvo|afternoon|evening|tonight|night)\b", re.IGNORECASE
)
_WORD_TIMES = {
    "noon": dt.time(12),
    "midday": dt.time(12),
    "midnight": dt.time(0),
    "lunchtime": dt.time(12),
}


def _time_of(m: re.Match[str]) -> dt.time | None:
    groups = m.groupdict()
    if groups.get("hw") or groups.get("hw2"):
        return _said_time(m)
    if groups.get("word"):
        return _WORD_TIMES[groups["word"].lower()]
    hour, minute = int(m["h"]), int(groups.get("mi") or 0)
    if groups.get("bare") is not None:
        part = _PART_BEFORE.search(m.string, 0, m.start()) or _PART_AFTER.match(m.string, m.end())
        if part is None or not 1 <= hour <= 12:
            return None
        return dt.time(hour % 12 + (0 if part["part"].lower() == "morning" else 12), minute)
    marker = (groups.get("ap") or "").lower().replace(".", "")
    if marker:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if marker.startswith("p") else 0)
    elif "o" in m.group(0).lower() and "clock" in m.group(0).lower():
        if not 1 <= hour <= 12:
            return None
        hour = hour + 12 if hour <= 7 else hour  # "at 3 o'clock" is an afternoon appointment, not 3 in the morning
    part = _PART_AFTER.match(m.string, m.end())
    if not marker and part and part["part"].lower() != "morning" and 1 <= hour < 12:
        hour += 12  # "at 2:15 in the afternoon"
    if hour > 23:
        return None
    return dt.time(hour, minute)


def find_time(text: str) -> TimeMention | None:
    """The first time of day in `text` ("at 3pm", "10:30am", "15:00", "noon", "half past nine") with its span (and
    the part of the day said after it)."""
    best: TimeMention | None = None
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            value = _time_of(m)
            if value is not None and (best is None or m.start() < best.start):
                part = _PART_AFTER.match(text, m.end())  # "half past nine in the morning" whole
                best = TimeMention(value, m.start(), part.end() if part else m.end())
                break
    return best


def time_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every time-of-day expression, with the part of the day said after it ("… in the morning")."""
    spans = []
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(text):
            if _time_of(m) is not None:
                part = _PART_AFTER.match(text, m.end())
                spans.append((m.start(), part.end() if part else m.end()))
    return spans


def parse_time(text: str) -> dt.time | None:
    """The first time of day mentioned in `text`, or None."""
    found = find_time(text)
    return found.time if found else None


# "remind me on Friday at 9", "dentist Tuesday at 2:15": an hour with no am or pm, in an entry for the calendar
_BARE_HOUR = re.compile(
    r"\b(?:at|@)\s*(?P<h>1[0-2]|[1-9])(?::(?P<mi>[0-5]\d))?(?![\w%$:/]|[.,]\d|\s*(?:[-–]|(?:km|kms|kilomet\w*|litres?|l|dollars|"
    r"bucks|people|of|and|to|or|in\s+the|o'?clock|[ap]\.?m)\b))",
    re.IGNORECASE,
)


# "dentist Tuesday at 2:15": with no am or pm, an hour of 1 to 6 booked is in the afternoon ("02:15" is not)
_SMALL_HOUR_WITH_MINUTES = re.compile(r"(?:(?:at|by|from|around|about)\s+|@\s*)?[1-6]:[0-5]\d", re.IGNORECASE)


_EVENING_OUT = re.compile(r"\b(?:dinner|tea|table|drinks|pub|party|show|concert|movie|bbq|barbie|quiz|trivia)\b", re.IGNORECASE)


def _bare_hour(text: str) -> TimeMention | None:
    """An hour said with no am or pm in a calendar entry, at the time people book things: 7 to 11 in the morning
    (in the evening for dinner, drinks or a show), 12 at noon, 1 to 6 in the afternoon."""
    m = _BARE_HOUR.search(text)
    if m is None:
        return None
    hour = int(m["h"])
    evening = 5 <= hour <= 11 and _EVENING_OUT.search(text)  # "a table for Friday at 7": the evening
    return TimeMention(dt.time(hour + 12 if hour <= 6 or evening else hour, int(m["mi"] or 0)), m.start(), m.end())


def booked_time(text: str) -> TimeMention | None:
    """The time of an entry for the calendar: as `find_time` reads it, else an hour said bare ("at 9"); with no am or
    pm, "at 2:15" is booked in the afternoon."""
    found = find_time(text) or _bare_hour(text)
    if found and _SMALL_HOUR_WITH_MINUTES.fullmatch(text[found.start:found.end]):
        return dataclasses.replace(found, time=found.time.replace(hour=found.time.hour + 12))
    return found
