"""Holidays and well-known days that people date things by ("on Anzac Day", "by Christmas", "Melbourne Cup")."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

HOLIDAY_RE = (
    r"christmas\s+eve|christmas(?:\s+day)?|xmas(?:\s+(?:eve|day))?|boxing\s+day|new\s+year['’]?s?\s+eve|"
    r"new\s+year['’]?s?\s+day|australia\s+day|anzac\s+day|good\s+friday|easter\s+(?:saturday|sunday|monday)|easter|"
    r"melbourne\s+cup(?:\s+day)?|valentine['’]?s?\s+day|halloween|canada\s+day|waitangi\s+day|"
    r"(?:the\s+)?fourth\s+of\s+july|(?:the\s+)?4th\s+of\s+july|independence\s+day|st\.?\s+patrick['’]?s?\s+day|"
    r"guy\s+fawkes(?:\s+night)?|bonfire\s+night|remembrance\s+day|veterans\s+day"
)

HOLIDAY_GATE = re.compile(
    r"christmas|xmas|boxing|new\s+year|australia\s+day|anzac|good\s+friday|easter|melbourne\s+cup|"
    r"valentine|halloween|canada\s+day|waitangi|fourth\s+of\s+july|4th\s+of\s+july|independence\s+day|patrick|"
    r"guy\s+fawkes|bonfire\s+night|remembrance|veterans\s+day",
    re.IGNORECASE,
)


def melbourne_cup(year: int) -> dt.date:
    """The day of the Melbourne Cup: the first Tuesday of November."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7)


def holiday_on(name: str, year: int) -> dt.date:
    """The date of a holiday (or well-known day) in `year`; `name` is lower case, spaces collapsed."""
    name = re.sub(r"\b(year|valentine)s\b", r"\1", re.sub(r"['’]", "", name))
    name = name.replace("xmas", "christmas").removesuffix(" day").removesuffix(" night").removeprefix("the ")
    name = re.sub(r"^(?:4th|fourth) of july$", "independence", re.sub(r"^st\.?\s+patricks?$", "st patrick", name))
    fixed = {
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "boxing": (12, 26),
        "new year eve": (12, 31),
        "new year": (1, 1),
        "australia": (1, 26),
        "anzac": (4, 25),
        "valentine": (2, 14),
        "halloween": (10, 31),
        "canada": (7, 1),
        "waitangi": (2, 6),
        "independence": (7, 4),
        "st patrick": (3, 17),
        "guy fawkes": (11, 5),
        "bonfire": (11, 5),
        "remembrance": (11, 11),
        "veterans": (11, 11),
    }
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("melbourne cup"):
        return melbourne_cup(year)
    offsets = {"good friday": -2, "easter saturday": -1, "easter": 0, "easter sunday": 0, "easter monday": 1}
    return easter(year) + dt.timedelta(days=offsets[name])
