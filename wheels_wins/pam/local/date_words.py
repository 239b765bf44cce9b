"""The words dates are made of: weekday and month names, count words and the regex fragments that match them."""

from __future__ import annotations

import re

WEEKDAY_NAMES = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
WEEKDAY_ABBR = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
UNMISTAKABLE_ABBR = frozenset({"tues", "weds", "thur", "thurs", "fri"})
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
UNIT_DAYS = {"day": 1, "week": 7, "wk": 7, "fortnight": 14}

MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBR], key=len, reverse=True))
COUNT_RE = r"\d{1,3}|" + "|".join(sorted((re.escape(k) for k in COUNTS), key=len, reverse=True))

RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this arvo": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "today arvo": 0,
    "yesterday": -1,
    "yday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "day before yesterday": -2,
    "the night before last": -2,
    "night before last": -2,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tomorrow night": 1,
    "the day after tomorrow": 2,
    "day after tomorrow": 2,
}


def count_of(word: str) -> int:
    """The number a count word or digits stand for ("a", "two", "a couple of", "3"); 1 when unknown."""
    word = word.lower().strip()
    return int(word) if word.isdigit() else COUNTS.get(word, 1)
