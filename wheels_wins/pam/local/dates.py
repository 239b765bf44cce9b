"""Dates in free text, resolved against an injected `today` (times of day: `times`; reporting periods: `periods`).

Conventions (the ones the rest of PAM relies on):

* "last Friday" is the most recent Friday strictly before today; "next Tuesday" the first Tuesday
  strictly after today. "this Saturday" is on or after today (future) or on or before it (past).
* A bare weekday ("on Friday", "Friday") follows the sentence's direction: in the past it means
  "last Friday", in the future "next Friday" (never today — people say "today" for today).
* A day and month without a year ("3 March", "15/3") is the most recent such day on or before
  today in the past, and the next one on or after today in the future. Numeric dates are day-first.
* "Friday week" is a week after next Friday; "the 15th" is the nearest 15th in the sentence's direction.

Spans (`start`, `end`) include a leading "on", "from", "by", "for", "due" or "until" so that callers
can cut the whole phrase out of a title.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from wheels_wins.pam.local.date_words import (
    COUNT_RE,
    MONTH_RE,
    MONTHS,
    RELATIVE_DAYS,
    UNIT_DAYS,
    UNMISTAKABLE_ABBR,
    WEEKDAY_ABBR,
    WEEKDAY_RE,
    WEEKDAYS,
    count_of,
)
from wheels_wins.pam.local.holidays import HOLIDAY_GATE, HOLIDAY_RE, holiday_on

Direction = Literal["past", "future"]

_UNIT_RE = r"days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?"
_PRE = r"(?P<pre>\b(?:on|from|by|for|until|till|due(?:\s+on)?)\s+)?"
_PART = r"(?:\s+(?:morning|afternoon|arvo|evening|night|lunchtime|lunch))?"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text and the character span of the phrase that expressed it."""

    date: dt.date
    start: int
    end: int
    text: str


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int, today: dt.date, direction: Direction) -> dt.date | None:
    """The day/month nearest today in the given direction (on or before for past, on or after for future)."""
    step = -1 if direction == "past" else 1
    for offset in range(9):
        candidate = _safe_date(today.year + step * offset, month, day)
        if candidate is None:
            continue
        if (direction == "past" and candidate <= today) or (direction == "future" and candidate >= today):
            return candidate
    return None


def _infer_month(day: int, today: dt.date, direction: Direction) -> dt.date | None:
    step = -1 if direction == "past" else 1
    for offset in range(13):
        month_start = add_months(today.replace(day=1), step * offset)
        candidate = _safe_date(month_start.year, month_start.month, day)
        if candidate is None:
            continue
        if (direction == "past" and candidate <= today) or (direction == "future" and candidate >= today):
            return candidate
    return None


def weekday_before(today: dt.date, weekday: int, *, inclusive: bool = False) -> dt.date:
    """The most recent `weekday` before today (or on today when inclusive)."""
    back = (today.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return today - dt.timedelta(days=back)


def weekday_after(today: dt.date, weekday: int, *, inclusive: bool = False) -> dt.date:
    """The first `weekday` after today (or today when inclusive)."""
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7
    return today + dt.timedelta(days=ahead)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    value = int(raw)
    return 2000 + value if value < 100 else value


def shift_by(today: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower().rstrip("s")
    unit = {"mth": "month", "yr": "year"}.get(unit, unit)
    if unit == "month":
        return add_months(today, n)
    if unit == "year":
        return add_months(today, 12 * n)
    return today + dt.timedelta(days=n * UNIT_DAYS[unit])


def _in_hours(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    """ "in 48 hrs": whole days ahead; fewer than 24 hours is a time today, not a date."""
    hours = int(m["n"])
    return today + dt.timedelta(days=hours // 24) if hours >= 24 and direction == "future" else None


def _iso(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _numeric(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    day, month, year = int(m["d"]), int(m["m"]), _year(m["y"])
    if year is None:
        return infer_year(month, day, today, direction) if m["sep"] == "/" and 1 <= month <= 12 else None
    return _safe_date(year, month, day)


def _named(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    day, month, year = int(m["d"]), MONTHS[m["mon"].lower()], _year(m["y"])
    if year is None:
        return infer_year(month, day, today, direction)
    return _safe_date(year, month, day)


def _ordinal(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    return _infer_month(int(m["d"]), today, direction)


def _relative(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    key = re.sub(r"\s+", " ", m["rel"].lower())
    key = re.sub(
        r"^(yesterday|tomorrow) (morning|afternoon|arvo|evening|night|lunchtime|lunch)$",
        r"\1",
        key,
    )
    return today + dt.timedelta(days=RELATIVE_DAYS[key])


def _ago(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    return shift_by(today, -count_of(m["n"]), m["unit"])


def _ahead(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    return shift_by(today, count_of(m["n"]), m["unit"])


def _weekday(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    name = m["wd"].lower()
    mod = (m["mod"] or "").lower()
    mod = re.sub(r"\s+", " ", mod)
    timed = re.match(r"\s*(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)\b", m.string[m.end() :], re.IGNORECASE)
    if name in WEEKDAY_ABBR and name not in UNMISTAKABLE_ABBR and not (mod or m["pre"] or timed):
        return None  # "sat", "sun", "wed" alone are too often ordinary words ("fri", "tues" are not)
    weekday = WEEKDAYS.get(name, WEEKDAY_ABBR.get(name))
    assert weekday is not None
    if m["week"]:
        return weekday_after(today, weekday) + dt.timedelta(days=7)
    if mod in ("last", "past", "previous"):
        return weekday_before(today, weekday)
    if mod in ("next", "coming", "this coming", "the coming"):
        return weekday_after(today, weekday)
    if mod == "this":
        if direction == "past":
            return weekday_before(today, weekday, inclusive=True)
        return weekday_after(today, weekday, inclusive=True)
    return weekday_before(today, weekday) if direction == "past" else weekday_after(today, weekday)


def _weekend_saturday(today: dt.date, direction: Direction) -> dt.date:
    if today.weekday() == 5:
        return today
    if today.weekday() == 6:
        return today - dt.timedelta(days=1) if direction == "past" else today
    return weekday_before(today, 5) if direction == "past" else weekday_after(today, 5)


def _relative_unit(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    mod, unit = m["mod"].lower(), m["unit"].lower()
    if unit == "weekend":
        saturday = _weekend_saturday(today, "future" if mod == "next" else "past" if mod == "last" else direction)
        if mod == "next":
            return saturday + dt.timedelta(days=7)
        if mod == "last":
            return saturday - dt.timedelta(days=7) if today.weekday() >= 5 else saturday
        return saturday
    sign = {"last": -1, "next": 1, "this": 0}[mod]
    return shift_by(today, sign, unit)


def _weekend(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    return _weekend_saturday(today, direction)


def _holiday(m: re.Match[str], today: dt.date, direction: Direction) -> dt.date | None:
    name = " ".join(m["holiday"].lower().split())
    pre = (m["pre"] or "").split()
    if name in ("christmas", "xmas", "easter", "halloween") and not (
        m["at"] or pre[:1] in (["on"], ["by"], ["until"], ["till"])
    ):
        return None  # "presents for Christmas", "easter eggs": the season, not a date
    dates = [holiday_on(name, year) for year in (today.year - 1, today.year, today.year + 1)]
    if direction == "past":
        return max(day for day in dates if day <= today)
    return min(day for day in dates if day >= today)


_PATTERNS = [
    (
        re.compile(
            _PRE + r"(?P<at>\b(?:on|at|over|by|until|till|before|after)\s+)?\b(?P<holiday>" + HOLIDAY_RE + r")\b",
            re.IGNORECASE,
        ),
        _holiday,
    ),
    (
        re.compile(_PRE + r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", re.IGNORECASE),
        _iso,
    ),
    (
        re.compile(
            _PRE
            + r"(?<![\d$.,/])\b(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?\b(?![/\d]|[.,]\d)",
            re.IGNORECASE,
        ),
        _numeric,
    ),
    (
        re.compile(
            _PRE + r"\b(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>" + MONTH_RE + r")\b\.?"
            r"(?:,?\s+(?P<y>\d{4})\b)?",
            re.IGNORECASE,
        ),
        _named,
    ),
    (
        re.compile(
            _PRE + r"\b(?P<mon>" + MONTH_RE + r")\.?\s+(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:am|pm|:))"
            r"(?:,?\s+(?P<y>\d{4})\b)?",
            re.IGNORECASE,
        ),
        _named,
    ),
    (
        re.compile(
            _PRE + r"\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
            r"(?!\s+(?:time|place|one|person|night|day|week|attempt|go|try|round|stop|leg|site|of))",
            re.IGNORECASE,
        ),
        _ordinal,
    ),
    (
        re.compile(
            r"(?P<pre>\b(?:on|by|due(?:\s+on)?)\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)\b",
            re.IGNORECASE,
        ),
        _ordinal,
    ),
    (
        re.compile(
            _PRE + r"\b(?P<rel>(?:the\s+)?(?:day|night)\s+before\s+(?:yesterday|last\b)|(?:the\s+)?day\s+after\s+tomorrow|"
            r"(?:yesterday|tomorrow)" + _PART + r"|earlier\s+today|later\s+today|today\s+arvo|"
            r"this\s+(?:morning|afternoon|arvo|evening)|last\s+night|today|tonight|tonite|yday|tmrw|tmr)\b",
            re.IGNORECASE,
        ),
        _relative,
    ),
    (
        re.compile(
            r"\b(?P<n>"
            + COUNT_RE
            + r")\s+(?P<unit>"
            + _UNIT_RE
            + r")\s+(?:ago|back|earlier|before(?=\s*(?:[,.;!?]|$)))\b",
            re.IGNORECASE,
        ),
        _ago,
    ),
    (
        re.compile(r"\b(?:in|within)\s+(?P<n>\d{2,3})\s+(?:hours?|hrs?)\b", re.IGNORECASE),
        _in_hours,
    ),
    (
        re.compile(
            r"\b(?:in|within)\s+(?P<n>" + COUNT_RE + r")\s+(?P<unit>" + _UNIT_RE + r")(?:'?s?\s+time)?\b|"
            r"\b(?P<n2>" + COUNT_RE + r")\s+(?P<unit2>" + _UNIT_RE + r")\s+from\s+(?:now|today)\b",
            re.IGNORECASE,
        ),
        lambda m, today, direction: shift_by(today, count_of(m["n"] or m["n2"]), m["unit"] or m["unit2"]),
    ),
    (  # "a week today", "a fortnight tomorrow": that long after the day named
        re.compile(r"(?<![\d.,]\s)(?<![\d.,])\b(?P<n>a|one|two|three)\s+(?P<unit>weeks?|fortnights?)\s+(?P<base>today|tomorrow)\b",
                   re.IGNORECASE),  # not "$250 a week today", a rate
        lambda m, today, direction: shift_by(today + dt.timedelta(days=m["base"].lower() == "tomorrow"), count_of(m["n"]),
                                             m["unit"]),
    ),
    (
        re.compile(
            _PRE + r"\b(?:(?P<mod>last|next|this\s+coming|the\s+coming|coming|this|past|previous)\s+)?"
            r"(?P<wd>" + WEEKDAY_RE + r")\b\.?(?:\s+(?P<week>week)\b)?" + _PART,
            re.IGNORECASE,
        ),
        _weekday,
    ),
    (
        re.compile(
            _PRE + r"\b(?P<mod>last|next|this)\s+(?P<unit>week|weekend|month|year|fortnight)\b",
            re.IGNORECASE,
        ),
        _relative_unit,
    ),
    (
        re.compile(
            r"(?P<pre>\b(?:on|over|at|for)\s+)?\b(?:the|this)\s+weekend\b",
            re.IGNORECASE,
        ),
        _weekend,
    ),
]


def find_dates(text: str, today: dt.date, direction: Direction = "past") -> list[DateMention]:
    """Every date expression in `text`, left to right, without overlaps."""
    return list(_find_dates(text, today, direction))


@lru_cache(maxsize=512)  # one sentence is read several times (past, future, spans) while it is classified
def _find_dates(text: str, today: dt.date, direction: Direction) -> tuple[DateMention, ...]:
    found: list[tuple[int, int, dt.date]] = []
    holidays = HOLIDAY_GATE.search(text) is not None  # the holiday pattern is costly to scan for; most texts lack one
    for pattern, handler in _PATTERNS:
        if handler is _holiday and not holidays:
            continue
        for m in pattern.finditer(text):
            value = handler(m, today, direction)
            if value is not None:
                found.append((m.start(), m.end(), value))
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    result: list[DateMention] = []
    last_end = -1
    for start, end, value in found:
        if start >= last_end:
            result.append(DateMention(value, start, end, text[start:end]))
            last_end = end
    return tuple(result)


def resolve_date(text: str, today: dt.date, direction: Direction = "past") -> DateMention | None:
    """The first date expressed in `text` (see the module docstring for the conventions), or None."""
    found = find_dates(text, today, direction)
    return found[0] if found else None


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of date expressions, for other extractors to leave alone."""
    return [(d.start, d.end) for d in find_dates(text, dt.date(2001, 1, 1))]
