"""Trips to plan: "plan Sydney to Melbourne via Canberra", "we stop one night in Derby"."""

from __future__ import annotations

import re
from typing import Any

from wheels_wins.pam.local import entities
from wheels_wins.pam.local.dates import (
    time_spans,
)
from wheels_wins.pam.local.sentence import Intent, Sentence, words

TRIP_STRONG = re.compile(
    r"\b(?:road\s*trip|trip|route|drive|driving|journey|itinerary|directions|travel(?:l?ing)?|head(?:ing)?|roadie|"
    r"trek|(?<!by\s)way|convoy)\b",
    re.IGNORECASE,
)
_TRIP_WEAK = re.compile(
    r"\b(?:(?:map|plot|work|figure|sort|set)\s+out|go|going|get|far|long|ride|cycle|fly|plan|plot|map)\b", re.IGNORECASE
)
ROUTE_MARKER = re.compile(r"\b(?:from|to|via|through)\b|->|→", re.IGNORECASE)
_PLACE_TO_PLACE = re.compile(
    r"^(?:from\s+)?[A-Za-z][\w' .\-]{0,40}?\s+(?:to|->|→)\s+[A-Za-z0-9]", re.IGNORECASE
)


def _route_segment(masked: str, cues: list[re.Match[str]]) -> str:
    """The text after the last trip cue that comes before the route itself, else the text without its cues."""
    marker = ROUTE_MARKER.search(masked)
    first = marker.start() if marker else len(masked)
    before = [c for c in cues if c.end() <= first]
    if before:
        return masked[max(c.end() for c in before) :]
    return entities.blank(masked, [c.span() for c in cues], " ")


# Money already spent on the way ("spent $30 on fuel driving Dubbo to Orange") is an expense, not a plan.
_SPENT_ON_THE_WAY = re.compile(words("spent|paid|bought|purchased|cost me|charged|forked out|shelled out"), re.IGNORECASE)


_PLANNING = re.compile(words("plan|planning|map|plot|route|itinerary|budget|how far|how long|work out|organise|organize"), re.IGNORECASE)


def trip(s: Sentence) -> Intent | None:
    if s.money and _SPENT_ON_THE_WAY.search(s.text):
        return None
    if (s.explicit_amount or (s.amount and s.category)) and not _PLANNING.search(s.text):
        return None  # "a burger on the way through to Longreach, it was $23.60": money spent, not a plan
    spans = [(d.start, d.end) for d in s.future_dates] + time_spans(s.text)
    masked = entities.blank(s.text, spans, " ")
    strong = list(TRIP_STRONG.finditer(masked))
    weak = list(_TRIP_WEAK.finditer(masked))
    typed = re.sub(r"\bI(?:'\w+)?\b", "", s.text)  # "I need a route melbourne to mildura" is typed in lower case
    mixed_case = typed != typed.lower() and typed != typed.upper()
    if strong or weak:
        found = entities.places(
            _route_segment(masked, strong + weak), mixed_case=mixed_case
        )
    elif _PLACE_TO_PLACE.match(s.text) and not s.money:
        found = entities.places(masked, mixed_case=mixed_case)
        if len(found) < 2:
            return None
    else:
        return None
    if weak and not strong and not (len(found) >= 2 or re.search(r"\bfrom\b", s.low)):
        return None
    if (
        strong
        and not found
        and not re.search(
            r"^(?:plan|map|plot|work\s+out|create|make|build|organi[sz]e|set\s+up|start|new|add)\b",
            s.low,
        )
    ):
        return None
    slots: dict[str, Any] = {}
    if len(found) >= 2:
        slots["places"] = found
    elif found:
        slots["destination"] = found[0]
    if s.future_dates and not re.search(
        r"\b(?:for|over)\s*$", s.text[: s.future_dates[0].start]
    ):
        slots["start_date"] = s.future_dates[0].date
    confidence = 0.9 if strong and found else 0.75 if found else 0.6
    return Intent("plan_trip", confidence, slots)
