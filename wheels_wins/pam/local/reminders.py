"""Calendar entries ("remind me to renew the rego on 15 March", "physio friday 11am") and maintenance schedules
("rotate the tyres every 10,000 km")."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from wheels_wins.pam.local import entities, vehicle_tasks
from wheels_wins.pam.local.date_words import COUNTS, count_of
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.holidays import HOLIDAY_GATE
from wheels_wins.pam.local.sentence import QUESTION_START, Intent, Sentence, words
from wheels_wins.pam.local.times import booked_time, find_time, time_spans
from wheels_wins.services.units import KM_PER_MILE

REMIND_QUESTION = re.compile(
    r"^remind\s+me\s+(?:what|when|where|how|who|if|whether|which)\b", re.IGNORECASE
)
_CALENDAR_START = re.compile(
    r"^(?:(?:in|within)\s+(?:an?\s+|half\s+an?\s+|\w+\s+){0,2}(?:hours?|hrs?|minutes?|mins?|days?|weeks?)[,\s]+)?"  # "in 20 mins remind me"
    r"(?:remind(?:er)?\s+(?:me|us)|remember\s+(?:me|us)(?:\s+to)?|set\s+(?:up\s+)?(?:a\s+|me\s+a\s+)?reminder|"
    r"(?:create|add|make|put\s+in|chuck|pop|stick|whack|throw|put)\s+(?:a\s+|in\s+a\s+)?reminder|"
    r"reminder\b|(?:don'?t|do\s+not)\s+(?:let\s+me\s+)?forget|"
    r"(?:(?:i|we)\s+)?(?:definitely\s+|really\s+|will\s+)?need\s+a\s+reminder)\b",  # "definitely need a reminder for…"
    re.IGNORECASE,
)
_CALENDAR_NOUN = re.compile(
    words(
        "appointments?|appt|reminders?|events?|meetings?|bookings?|check-?ups?|"
        "catch-?ups?|birthday|anniversary|calendar|diary|schedule|interview|consult|"
        "consultation|vet|dentist|doctor'?s?|gp|specialist|optometrist|audiologist|podiatrist|eye test|hearing test|"
        "blood test|x-?ray|scan|hairdresser|haircut|party|"
        "dinner with|lunch with|date with|visit|tour|flight|ferry booking|market day|booked in|booked for"
    ),
    re.IGNORECASE,
)
_CALENDAR_VERB = re.compile(
    r"^(?:add|put|schedule|book(?:\s+in)?|create|make|set\s+up|pencil\s+in|note\s+down|enter|save|block\s+out)\b",
    re.IGNORECASE,
)
# A note that starts with the event itself: "doctor appointment on Thursday at 10am", "vet check next Monday".
_EVENT_FIRST = re.compile(r"^(?:(?:a|an|my|the|our)\s+)?(?:[\w'-]+\s+){0,2}?" + _CALENDAR_NOUN.pattern, re.IGNORECASE)
# "we've got the dentist", "Bella the kelpie has the vet tomorrow arvo at 3": someone has an event on a day.
_HAVE_EVENT = re.compile(
    r"^(?:(?:i|we)\s+(?:have|'ve\s+got|ve\s+got|got)|(?:i|we)'?ve\s+got|there'?s|got|"
    r"(?:[\w'-]+\s+){1,3}?(?:has|has\s+got|'s\s+got|have|have\s+got))\s+(?:a|an|my|the|our|her|his|their)\b",
    re.IGNORECASE,
)
_MUST_DO = re.compile(
    r"^(?:(?:i|we)\s+(?:need\s+to|have\s+to|must|'ve\s+got\s+to|should)|(?:i|we)'?ve\s+got\s+to|need\s+to|have\s+to|gotta|"
    r"got\s+to)\b",
    re.IGNORECASE,
)
# "I need to put in something I paid for earlier today": an expense to record, not a job for later.
_ALREADY_PAID = re.compile(
    words("paid|spent|bought|purchased|expense") + r"|\b(?:log|record|enter|add|note)\s+(?:a|an|the|my|our|some)\s+"
    r"(?:fill-?\s?up|refuel|fuel|expense|purchase|income|payment|service|oil\s+change|repair)",  # "I need to log a fill-up"
    re.IGNORECASE,
)
_TO_CALENDAR = re.compile(
    r"\b(?:to|in|on|into|onto)\s+(?:(?:my|the|our)\s+)?(?:calendar|diary|agenda)\b|"
    r"\b(?:to|in|on|into|onto)\s+(?:my|the|our)\s+schedule\b",
    re.IGNORECASE,
)


# "remind me in 2 hours", "in half an hour", "in 20 mins": a time counted from now (a day or more is a date).
_IN_A_WHILE = re.compile(
    r"\b(?:in|within)\s+(?:(?P<half>half\s+an?\s+hour)|(?:an?\s+)?(?P<n>\d{1,3}|" + "|".join(COUNTS) + r")?\s*"
    r"(?P<unit>hours?|hrs?|minutes?|mins?)(?:'?s?\s+time)?)\b",
    re.IGNORECASE,
)
_MINUTES_IN = {"h": 60, "m": 1}


def minutes_from_now(text: str) -> tuple[int, int, int] | None:
    """(minutes, start, end) of a time said as a count from now ("in 2 hours" → 120), under a day; else None."""
    m = _IN_A_WHILE.search(text)
    if m is None:
        return None
    minutes = 30 if m["half"] else count_of(m["n"] or "1") * _MINUTES_IN[m["unit"][0].lower()]
    return (minutes, m.start(), m.end()) if 0 < minutes < 24 * 60 else None


_NOUN_AFTER = re.compile(r"\s+(?!(?:on|at|in|for|by|to|and|with|this|next|is|was|the)\b)[a-z]{3,}")


def _calendar_intent(s: Sentence, confidence: float) -> Intent:
    spans: list[tuple[int, int]] = []
    slots: dict[str, Any] = {}
    dates = s.future_dates
    if dates:
        slots["date"] = dates[0].date
        same_day = [d for d in dates if d.date == dates[0].date]
        # "the Anzac Day dawn service … on 25 April": the holiday names the event when another phrase gives the day
        named = [d for d in same_day if len(same_day) > 1 and HOLIDAY_GATE.search(d.text) and _NOUN_AFTER.match(s.text, d.end)]
        spans.extend((d.start, d.end) for d in same_day if d not in named)
    found_time = booked_time(s.text)
    if found_time:
        slots["time"] = found_time.time
        spans.append((found_time.start, found_time.end))
        slots.setdefault("date", s.today)
    later = None if dates or found_time else minutes_from_now(s.text)
    if later:  # the engine knows the day, not the hour: whoever runs the tool adds the minutes to the user's now
        slots["in_minutes"], slots["date"] = later[0], s.today
        spans.append(later[1:])
    title = entities.calendar_title(s.text, spans)
    if title and _DUE_ON.match(s.text) and "due" not in title.lower().split():
        title += " due"  # the date took "due 14 feb" with it
    if title and title.lower() not in _UNTITLED:
        slots["title"] = title[:160]
    return Intent("add_calendar", confidence, slots)


# "add a calendar entry for next Friday" names no event: PAM asks what it is rather than saving "Calendar entry".
_UNTITLED = frozenset(
    {"calendar entry", "calendar event", "calendar", "entry", "event", "reminder", "something", "thing", "a thing",
     "note", "item", "new event", "new entry", "an entry", "an event"}
)


_EVERY = re.compile(
    r"\bevery\s+(?:(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\s?)?|(?P<one>an?|one|single)\s+)?"
    r"(?P<unit>kms?|kilomet(?:re|er)s?|miles?|mi|months?|years?|yrs?|weeks?)\b",
    re.IGNORECASE,
)


_OR_INTERVAL = re.compile(
    r"\s*(?:,\s*)?(?:or|and|/|whichever\s+comes\s+first,?)\s*(?:every\s+)?(?:(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<k>k\s?)?|"
    r"(?P<one>an?|one)\s+)(?P<unit>kms?|kilomet(?:re|er)s?|miles?|mi|months?|years?|yrs?|weeks?)\b",
    re.IGNORECASE,
)


def schedule(s: Sentence) -> Intent | None:
    """"Rotate the tyres every 10,000 km", "remind me to change the oil every 6 months or 10k km"."""
    intervals = list(_EVERY.finditer(s.text))
    if not intervals:
        return None
    for m in list(intervals):  # "every 10,000 km or 6 months"
        more = _OR_INTERVAL.match(s.text, m.end())
        if more:
            intervals.append(more)
    task = vehicle_tasks.maintenance_task(s.text) or vehicle_tasks.repair_task(s.text)
    if task is None:
        return None
    slots: dict[str, Any] = {"task": task}
    for m in intervals:
        value = Decimal(m["num"].replace(",", "")) if m["num"] else Decimal(1)
        unit = m["unit"].lower()
        if m["k"]:
            value *= 1000
        if unit.startswith(("km", "kilomet")):
            slots["every_km"] = int(value)
        elif unit.startswith("mi"):
            slots["every_km"] = round(float(value) * KM_PER_MILE)
        elif unit.startswith("week"):
            slots["every_months"] = max(1, round(float(value) * 7 / 30.44))
        elif unit.startswith(("year", "yr")):
            slots["every_months"] = int(value * 12)
        else:
            slots["every_months"] = int(value)
    return Intent("add_schedule", 0.9, slots)


# "a fortnight from today remind me to rebook the campsite": the date said first.
_WHEN_FIRST = re.compile(
    r"^(?P<when>[^,]{3,40}?)[,\s]+(?P<rest>(?:remind|set\s+(?:a|me\s+a)\s+reminder|don'?t\s+let\s+me\s+forget)\b.*)$",
    re.IGNORECASE,
)


_REMIND_AT_END = re.compile(
    r"^(?!remind\b)(?P<body>.{6,}?)[\s,.;:-]+(?:please\s+|pls\s+)?(?:remind|tell)\s+(?:me|us)(?:\s+(?:about\s+it|of\s+it|then))?"
    r"(?:\s+please)?[\s.!]*$",
    re.IGNORECASE,
)


def _said_only_when(text: str, today: dt.date) -> bool:
    """Whether `text` is only a day and maybe a time ("on Friday", "on Friday at 9")."""
    booked = booked_time(text)
    said = [(d.start, d.end) for d in find_dates(text, today, "future")] + time_spans(text) + ([(booked.start, booked.end)] if booked else [])
    left = entities.blank(text, said, " ")
    return bool(said) and not re.sub(r"\b(?:on|at|by|the|in\s+the)\b", " ", left, flags=re.IGNORECASE).strip(" ,.")


def _a_thing_to_remember(text: str, today: dt.date) -> bool:
    """Whether a sentence before "remind me <when>" can be the reminder's title: something to do or due ("Bella's
    shots are due"), not a purchase ("spent $40 on fuel"), a dated event ("the vet is on Friday") or a feeling ("I'm
    tired")."""
    s = Sentence(text, today)
    return len(text.split()) >= 3 and not s.money and not find_dates(text, today, "future") and not re.match(
        r"(?:i'?m|i\s+am|we'?re|we\s+are|great|good|ok(?:ay)?|thanks|cheers)\b", text.strip(), re.IGNORECASE)


_REMIND_THEN_WHEN = re.compile(
    r"^(?!remind\b)(?P<body>.{6,}?)[\s,.;:-]+(?:please\s+|pls\s+)?remind\s+(?:me|us)\s+(?:(?:about|of)\s+(?:it|that|this)\s+)?"
    r"(?P<when>(?!to\b|about\b|that\b).{3,40}?)"
    r"(?:\s+please)?[\s.!]*$",
    re.IGNORECASE,
)


# "School goes back on 15 July - calendar" (`normalise`'s form of "…, can you add that to the calendar?").
_CALENDAR_AT_END = re.compile(
    r"^(?P<body>.+?)\s+-\s+(?:(?:add|put|pop)\s+(?:it\s+|this\s+)?(?:to|in|into|on)\s+(?:the\s+|my\s+|our\s+)?)?"
    r"(?:calendar|diary|agenda)\s*[.!?]*$",
    re.IGNORECASE,
)


# "put the gas certificate inspection in for the 14th of september": booked, whatever it is
_PUT_IN_FOR = re.compile(r"^(?:put|pop|stick|chuck|pencil|whack)\s+(?:the\s+|a\s+|an\s+|my\s+|our\s+)?[\w' -]{3,60}?\s+in\s+(?:for|on)\b")


_FEE_PAID = re.compile(r"\b(?:fee|bill|charge|invoice|receipt)\s+(?:of\s+)?[$£€]\d|[$£€]\d[\d,.]*\s+(?:fee|bill|charge|invoice)\b",
                       re.IGNORECASE)


def calendar_entry(s: Sentence) -> Intent | None:
    if REMIND_QUESTION.match(s.text):
        return None
    marked = _CALENDAR_AT_END.match(s.text)
    if marked and Sentence(marked["body"], s.today).future_dates:
        return _calendar_intent(Sentence(marked["body"], s.today), 0.9)
    last = _REMIND_AT_END.match(s.text)
    if last:  # "On 20/1 is the gas check for the caravan, remind me"
        return calendar_entry(Sentence(f"remind me {last['body']}", s.today))
    then = _REMIND_THEN_WHEN.match(s.text)
    if then and _said_only_when(then["when"], s.today) and _a_thing_to_remember(then["body"], s.today):
        return calendar_entry(Sentence(f"remind me {then['body']} {then['when']}", s.today))  # "Bella's shots are due, remind me on Friday"
    first = _WHEN_FIRST.match(s.text)
    if first:
        dates = find_dates(first["when"], s.today, "future")
        if dates and dates[0].start == 0 and dates[0].end >= len(first["when"].rstrip(" ,")):
            return calendar_entry(Sentence(f"{first['rest']} {first['when']}", s.today))
    if _CALENDAR_START.match(s.text) or (
        _TO_CALENDAR.search(s.text) and not QUESTION_START.match(s.low)
    ):
        return _calendar_intent(s, 0.95)
    booking = (re.match(r"^(?:schedule|book|pencil\s+in|block\s+out|note\s+down)\b", s.low) or _PUT_IN_FOR.match(s.low)
               or (re.match(r"^enter\b", s.low) and not s.money and s.category in (None, "other")  # "enter the dawn
                   and any(d.date > s.today for d in s.future_dates))) and s.future_dates  # service on 25 April"
    adding_money = re.match(r"^(?:add|log|record|put)\s+(?:an?\s+)?(?:\$|\d)", s.low)
    if (
        _CALENDAR_VERB.match(s.text)
        and (_CALENDAR_NOUN.search(s.text) or booking)
        and not adding_money
        # "add the dentist $180", "add dentist 180 yesterday": paid, not booked
        and not (s.money and not any(d.date >= s.today for d in s.future_dates))
        and not (_FEE_PAID.search(s.text) and not any(d.date > s.today for d in s.future_dates))  # "enter the gap fee of
        # $185 for my husband's appointment this afternoon"; but "book the dentist for Tuesday, $120 fee" is booked
    ):
        return _calendar_intent(s, 0.9)
    if _HAVE_EVENT.match(s.text) and _CALENDAR_NOUN.search(s.text) and s.future_dates:
        return _calendar_intent(s, 0.85)
    if (
        _MUST_DO.match(s.text)
        and not _ALREADY_PAID.search(s.text)
        and s.future_dates
        and not re.search(r"\bago\b|\byesterday\b|\blast\b", s.low)
    ):
        return _calendar_intent(s, 0.75)
    if _EVENT_FIRST.match(s.text) and s.future_dates and not s.money and not QUESTION_START.match(s.low):
        return _calendar_intent(s, 0.7)
    if s.future_dates and not s.money and not QUESTION_START.match(s.low) and (
        _DUE_ON.match(s.text) or (find_time(s.text) and len(s.low.split()) <= 12)
    ):
        return _calendar_intent(s, 0.7)  # "rego due 14 feb", "physio friday 11am"
    return None


# "rego due 14 feb", "insurance is due on the 3rd": a due date to be reminded of.
_DUE_ON = re.compile(r"^(?:(?:my|the|our)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}\s+(?:is\s+|are\s+)?due\b", re.IGNORECASE)
