"""Calendar entries changed by naming them: "cancel the vet appointment, we sorted it", "push the mechanic booking
back a day", "move the dentist to friday at 2pm"."""

from __future__ import annotations

import re

from wheels_wins.pam.local.date_words import COUNT_RE, count_of
from wheels_wins.pam.local.sentence import Intent, Sentence
from wheels_wins.pam.local.times import find_time

_LEAD = r"^(?:(?:actually|oh|ok(?:ay)?|so|and|please|pls|can\s+you|could\s+you)[\s,]+)*"
_EVENT = r"(?:appointment|appt|booking|reminder|event|meeting|catch[\s-]?up)"
# What "cancel" is said of that is no calendar entry: "cancel my netflix subscription"
_NOT_AN_ENTRY = re.compile(r"\b(?:subscription|insurance|membership|policy|order|account|plan|card|payment|direct\s+debit)\b",
                           re.IGNORECASE)
# "cancel the vet appointment", "call off the bbq": an entry named by what it is
_CANCEL = re.compile(
    _LEAD + r"(?:(?P<cancel>cancel|call\s+off)|delete|remove|scrap|drop|bin|get\s+rid\s+of)\s+(?:(?:the|my|our)\s+)?"
    r"(?P<what>[\w'& -]{2,40}?)(?P<noun>\s+" + _EVENT + r")?(?:\s+(?:for|on)\s+[\w ]+?)?\s*(?:[,.;!]|$)",
    re.IGNORECASE,
)
# "push the mechanic booking back a day", "bring the dentist forward a week", "move the vet to friday"
_MOVE = re.compile(
    _LEAD + r"(?:push|move|shift|bring|pull|bump|change|reschedule)\s+(?:(?:the|my|our)\s+)?(?P<what>[\w'& -]{2,40}?)"
    r"(?P<noun>\s+" + _EVENT + r")?\s+(?:(?P<way>back|forward|out|ahead)\s+(?:by\s+)?(?P<n>" + COUNT_RE + r")\s+"
    r"(?P<unit>days?|weeks?)|(?P<n2>" + COUNT_RE + r")\s+(?P<unit2>days?|weeks?)\s+(?P<way2>later|earlier|sooner)|"
    r"(?:to|till|until|for)\s+(?P<when>[^,;.!]+?))\s*(?:[,;.!].*)?$",  # "…, the gas fitter is away": a reason after
    re.IGNORECASE,
)
_NOT_EVENTS = re.compile(
    r"\b(?:expense|purchase|fill-?\s?up|trip|stop|post|budget|income|payment|one|it|that|this|entry|calendar|diary)\b|"
    r"\$|\d",
    re.IGNORECASE,
)


def cancel_event(s: Sentence) -> Intent | None:
    """cancel_event naming the entry, or None (a purchase, trip or post to delete is another rule's)."""
    m = _CANCEL.match(s.text)
    if m is None or not (m["cancel"] or m["noun"]) or _NOT_EVENTS.search(m["what"]) or _NOT_AN_ENTRY.search(m["what"]):
        return None
    return Intent("cancel_event", 0.9, {"title": (m["what"] + (m["noun"] or "")).strip()})


def move_event(s: Sentence) -> Intent | None:
    """move_event with the entry's words and by how many days, or to which day and time; None otherwise."""
    m = _MOVE.match(s.text)
    if m is None or _NOT_EVENTS.search(m["what"]):
        return None
    slots: dict[str, object] = {"title": (m["what"] + (m["noun"] or "")).strip()}
    if m["n"] or m["n2"]:  # "back a day", "forward a week", "one day later"
        unit, way = (m["unit"] or m["unit2"]).lower(), (m["way"] or m["way2"]).lower()
        days = count_of(m["n"] or m["n2"]) * (7 if unit.startswith("week") else 1)
        slots["days"] = -days if way in ("forward", "ahead", "earlier", "sooner") else days
    else:
        when = Sentence(m["when"], s.today)
        dates, time = when.future_dates, find_time(m["when"])
        said = sum(x.end - x.start for x in ([dates[0]] if dates else []) + ([time] if time else []))
        if not (dates or time) or (dates and dates[0].date < s.today) or said < len(m["when"].strip()) - 4:
            return None  # "change the caravan park to yesterday", "bring the dog to the vet on saturday": no entry
        slots |= {**({"date": dates[0].date} if dates else {}), **({"time": time.time} if time else {})}
    return Intent("move_event", 0.9, slots)
