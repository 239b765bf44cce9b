"""Reporting periods a question asks about ("this month", "last week", "in March", "past 30 days", "last
financial year"), resolved against an injected `today`."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from wheels_wins.pam.local.date_words import COUNT_RE, MONTH_RE, MONTHS, count_of
from wheels_wins.pam.local.dates import add_months, resolve_date, shift_by


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive reporting range; `name` uses the tool vocabulary ("this_month", ...) or "custom"."""

    name: str
    start: dt.date
    end: dt.date


def _month_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _named_period(name: str, today: dt.date) -> Period:
    monday = today - dt.timedelta(days=today.weekday())
    if name == "today":
        return Period(name, today, today)
    if name == "yesterday":
        day = today - dt.timedelta(days=1)
        return Period(name, day, day)
    if name == "this_week":
        return Period(name, monday, monday + dt.timedelta(days=6))
    if name == "last_week":
        return Period(name, monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
    if name == "last_month":
        return Period(name, *_month_bounds(today.replace(day=1) - dt.timedelta(days=1)))
    if name == "this_year":
        return Period(name, today.replace(month=1, day=1), today.replace(month=12, day=31))
    if name == "last_year":
        return Period(name, dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31))
    if name == "all_time":
        return Period(name, dt.date(1900, 1, 1), dt.date(9999, 12, 31))
    return Period("this_month", *_month_bounds(today))


_PERIOD_PATTERNS = [
    (
        re.compile(
            r"\b(?:all[-\s]time|ever|since\s+(?:i|we)\s+(?:started|began)|of\s+all\s+time)\b",
            re.IGNORECASE,
        ),
        "all_time",
    ),
    (re.compile(r"\b(?:last|previous|past)\s+month\b", re.IGNORECASE), "last_month"),
    (
        re.compile(r"\b(?:this|current)\s+month\b|\bmonth\s+to\s+date\b|\bmtd\b", re.IGNORECASE),
        "this_month",
    ),
    (re.compile(r"\b(?:last|previous)\s+week\b", re.IGNORECASE), "last_week"),
    (
        re.compile(r"\b(?:this|current)\s+week\b|\bso\s+far\s+this\s+week\b", re.IGNORECASE),
        "this_week",
    ),
    (re.compile(r"\b(?:last|previous)\s+year\b", re.IGNORECASE), "last_year"),
    (
        re.compile(r"\b(?:this|current)\s+year\b|\byear\s+to\s+date\b|\bytd\b", re.IGNORECASE),
        "this_year",
    ),
    (re.compile(r"\byesterday\b|\blast\s+night\b", re.IGNORECASE), "yesterday"),
    (
        re.compile(
            r"\btoday\b|\btonight\b|\bthis\s+(?:morning|arvo|afternoon)\b",
            re.IGNORECASE,
        ),
        "today",
    ),
]
_ROLLING = re.compile(
    r"\b(?:in\s+the\s+|over\s+the\s+)?(?:last|past)\s+(?P<n>"
    + COUNT_RE
    + r")\s+(?P<unit>days?|weeks?|wks?|fortnights?|months?|mths?)\b",
    re.IGNORECASE,
)
_ROLLING_SPAN = re.compile(
    r"\b(?:the\s+|this\s+)?past\s+(?P<unit>week|fortnight)\b|\b(?:last|previous)\s+(?P<unit2>fortnight)\b",
    re.IGNORECASE,
)
_FINANCIAL_YEAR = re.compile(
    r"\b(?P<which>this|last|current)\s+(?:financial|tax)\s+year\b|\b(?P<which2>this|last)\s+fy\b",
    re.IGNORECASE,
)
_ALTOGETHER = re.compile(r"\b(?:altogether|all\s+up|all\s+told|ever)\b", re.IGNORECASE)  # a period named beside it wins
_NEXT_WEEK = re.compile(r"\bnext\s+week\b", re.IGNORECASE)
_NEXT_MONTH = re.compile(r"\bnext\s+month\b", re.IGNORECASE)
_IN_MONTH = re.compile(
    r"\b(?:in|for|during|over)\s+(?P<mon>" + MONTH_RE + r")\b(?:\s+(?P<y>\d{4}))?",
    re.IGNORECASE,
)


# "the 2024-25 financial year", "FY2024-25": July to June; "July 2024 to June 2025": whole months, first to last
_FY_NAMED = re.compile(
    r"\b(?:fy\s?)?(?P<y>20\d\d)\s*[-/\u2013]\s*(?:20)?\d\d\s+(?:financial|tax)\s+year\b|\bfy\s?(?P<y2>20\d\d)\s*[-/\u2013]\s*\d\d\b",
    re.IGNORECASE,
)
_MONTH_YEAR = r"(?P<{0}>" + MONTH_RE + r")\s+(?P<{1}>\d{{4}})"
_MONTH_SPAN = re.compile(  # "July 2024 to June 2025", "between March and June 2025"
    r"\b(?P<m1>" + MONTH_RE + r")(?:\s+(?P<y1>\d{4}))?\s+(?:to|through|until|till|-|\u2013|and)\s+" + _MONTH_YEAR.format("m2", "y2")
    + r"\b",
    re.IGNORECASE,
)
_A_MONTH = re.compile(r"\b(?P<mon>" + MONTH_RE + r")\b(?:\s+(?P<y>\d{4}))?", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:compare[sd]?|vs\.?|versus|against|or|than|with)\b", re.IGNORECASE)


def compared_months(text: str, today: dt.date) -> list[Period]:
    """The two months a question sets side by side ("March 2025 compared with April 2025", "September 2025 or October
    2025"), or [] when it names no such pair."""
    found = [m for m in _A_MONTH.finditer(text) if m["y"] or m["mon"][:1].isupper()]
    if len(found) != 2 or not _COMPARED.search(text, found[0].end(), found[1].start()) or not (found[0]["y"] or found[1]["y"]):
        return []
    months = []
    for m in found:
        number = MONTHS[m["mon"].lower()]
        year = int(m["y"] or found[0]["y"] or found[1]["y"])
        months.append(Period("custom", *_month_bounds(dt.date(year, number, 1))))
    return months


def resolve_period(text: str, today: dt.date) -> Period | None:
    """The reporting range a question asks about ("this month", "last week", "in March", "past 30 days"), or None."""
    named = _FY_NAMED.search(text)
    if named:
        start_year = int(named["y"] or named["y2"])
        return Period("custom", dt.date(start_year, 7, 1), dt.date(start_year + 1, 6, 30))
    span = _MONTH_SPAN.search(text)
    if span and (span["y1"] or re.search(r"\b(?:between|from)\s+$", text[: span.start()], re.IGNORECASE)):
        first = dt.date(int(span["y1"] or span["y2"]), MONTHS[span["m1"].lower()], 1)
        last = _month_bounds(dt.date(int(span["y2"]), MONTHS[span["m2"].lower()], 1))[1]
        if first <= last:
            return Period("custom", first, last)
    fy = _FINANCIAL_YEAR.search(text)
    if fy:
        start_year = today.year if today.month >= 7 else today.year - 1
        if (fy["which"] or fy["which2"]).lower() == "last":
            start_year -= 1
        return Period("custom", dt.date(start_year, 7, 1), dt.date(start_year + 1, 6, 30))
    rolling = _ROLLING.search(text)
    if rolling:
        start = shift_by(today, -count_of(rolling["n"]), rolling["unit"]) + dt.timedelta(days=1)
        return Period("custom", start, today)
    span = _ROLLING_SPAN.search(text)
    if span:  # "over the past week", "the last fortnight": the days up to today
        days = 14 if (span["unit"] or span["unit2"]).lower() == "fortnight" else 7
        return Period("custom", today - dt.timedelta(days=days - 1), today)
    if re.search(r"\byesterday\s+and\s+the\s+day\s+before\b", text, re.IGNORECASE):
        return Period("custom", today - dt.timedelta(days=2), today - dt.timedelta(days=1))  # both of them
    if re.search(r"\btoday\s+and\s+yesterday\b|\byesterday\s+and\s+today\b", text, re.IGNORECASE):
        return Period("custom", today - dt.timedelta(days=1), today)
    if re.search(r"\b(?:day\s+before\s+yesterday|night\s+before\s+last)\b", text, re.IGNORECASE):  # not "yesterday"
        day = today - dt.timedelta(days=2)
        return Period("custom", day, day)
    for pattern, name in _PERIOD_PATTERNS:
        if pattern.search(text):
            return _named_period(name, today)
    if _NEXT_WEEK.search(text):
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
        return Period("custom", monday, monday + dt.timedelta(days=6))
    if _NEXT_MONTH.search(text):
        return Period("custom", *_month_bounds(add_months(today.replace(day=1), 1)))
    month = _IN_MONTH.search(text)
    if month:
        number = MONTHS[month["mon"].lower()]
        year = int(month["y"]) if month["y"] else (today.year if number <= today.month else today.year - 1)
        return Period("custom", *_month_bounds(dt.date(year, number, 1)))
    mention = resolve_date(text, today, "past")
    if mention and re.search(r"\b(?:since|from|starting)\s+(?:the\s+|last\s+)?$", text[: mention.start], re.IGNORECASE):
        return Period("custom", mention.date, today)  # "everything since the 1st": up to today
    if mention:
        return Period("custom", mention.date, mention.date)
    if _ALTOGETHER.search(text):
        return _named_period("all_time", today)
    return None


def named_period(name: str, today: dt.date) -> Period:
    """The inclusive range of a named period ("today", "this_week", "last_month", "all_time", ...)."""
    return _named_period(name, today)


# "the 30 days before that", "the month before", "the previous fortnight", "the week after that", "before that":
# a period beside the one just asked about
_BESIDE = re.compile(
    r"(?:^|\s)(?:the\s+)?(?:(?P<n>" + COUNT_RE + r")\s+(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+|"
    r"(?P<one>day|week|fortnight|month|year|period|stretch|one)\s+)?(?P<way>before|prior|earlier|after|following)"
    r"(?:\s+(?:that|then|it|this))?$|"
    r"(?:^|\s)(?:the\s+)?(?P<way2>previous|preceding|prior|next|following)\s+(?:(?P<n2>" + COUNT_RE + r")\s+)?"
    r"(?P<unit2>days?|weeks?|fortnights?|months?|years?|period|stretch|one)$",
    re.IGNORECASE,
)


def _whole(unit: str, period: Period) -> bool:
    """Whether `period` is one whole calendar `unit` (a Monday-to-Sunday week, a month, a year)."""
    if unit == "week":
        return period.start.weekday() == 0 and period.end == period.start + dt.timedelta(days=6)
    if unit == "month":
        return (period.start, period.end) == _month_bounds(period.start)
    if unit == "year":
        return (period.start, period.end) == (period.start.replace(month=1, day=1), period.start.replace(month=12, day=31))
    return False


def period_beside(text: str, asked: Period) -> Period | None:
    """The period just before or after `asked` that a follow-up names ("the 30 days before that", "the month
    before", "the previous one"), or None: a named unit is that long, and no unit means one as long as `asked`."""
    m = _BESIDE.search(text.strip(" ?.!,"))  # "fuel the month before": the period at the end
    if m is None:
        return None
    later = (m["way"] or m["way2"]).lower() in ("after", "next", "following")
    n = count_of(m["n"] or m["n2"]) if (m["n"] or m["n2"]) else 1
    unit = (m["unit"] or m["unit2"] or m["one"] or "").lower().rstrip("s")
    if unit in ("", "period", "stretch", "one"):
        unit = next((u for u in ("month", "year", "week") if _whole(u, asked)), "")
    if unit and n == 1 and _whole(unit, asked) and unit != "week":
        first = add_months(asked.start, (12 if unit == "year" else 1) * (1 if later else -1))
        last = _month_bounds(first)[1] if unit == "month" else first.replace(month=12, day=31)
        return Period("custom", first, last)
    if later:
        start = asked.end + dt.timedelta(days=1)
        end = shift_by(start, n, unit) - dt.timedelta(days=1) if unit else start + (asked.end - asked.start)
        return Period("custom", start, end)
    end = asked.start - dt.timedelta(days=1)
    start = shift_by(end, -n, unit) + dt.timedelta(days=1) if unit else end - (asked.end - asked.start)
    return Period("custom", start, end)
