"""Vehicle quantities in free text: litres, kilometres, odometer readings and prices per litre.

Gallons (US), miles and prices per gallon are converted to metric as they are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from wheels_wins.services.units import KM_PER_MILE, LITRES_PER_GALLON

_LITRES_PER_GALLON = Decimal(str(LITRES_PER_GALLON))
_LITRES_PER_IMPERIAL_GALLON = Decimal("4.54609")

CENT = Decimal("0.01")
MILLI = Decimal("0.001")

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measured quantity in metric: kind is "litres", "km", "odometer" or "price_per_litre" (dollars, 3 dp).

    Gallons (US), miles and prices per gallon are converted as they are read.
    """

    kind: str
    value: Decimal
    start: int
    end: int
    gallons: Decimal | None = None
    """For litres and prices stated in gallons: the figure as stated, so a total can be worked out exactly."""


def parse_decimal(raw: str) -> Decimal | None:
    """A number as written ("1,250.5"), or None when it is not one."""
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


_PPL = re.compile(
    r"(?P<cur>\$\s?)?(?P<num>\d+(?:\.\d+)?|\.\d+)\s?(?P<cents>c|¢|cents?|p|pence)?\s?(?:/|per\s+|an?\s+|each\s+)\s?"
    r"(?:l|lt|ltr|litre|liter|(?:US\s)?(?P<gallon>gal|gallon))\b|(?P<num2>\d+(?:\.\d+)?)\s?(?:cpl|c/l)\b|"
    # "one litre is 1.90 dollar"
    r"\b(?:one|a|1|per|each)\s+(?:litre|liter|l)\s+(?:is|was|=|at|costs?|costed)\s+(?P<cur3>\$\s?)?(?P<num3>\d+(?:\.\d+)?)",
    re.IGNORECASE,
)
_LITRES = re.compile(
    r"(?<![\w.$])(?P<num>\d+(?:\.\d+)?)\s?(?:litres?|liters?|ltrs?|lts?|l)(?![\w/])",
    re.IGNORECASE,
)
# "18.5 US gallons"; "12 imperial gallons" (UK) are bigger
_GALLONS = re.compile(
    r"(?<![\w.$])(?P<num>\d+(?:\.\d+)?)\s?(?:(?:US|U\.S\.)\s)?(?P<imperial>(?:imperial|imp\.?|UK)\s)?(?:gallons?|gals?)(?![\w/])",
    re.IGNORECASE,
)
_MILES = re.compile(
    r"(?P<pre>(?:\bat|@|\bon)\s*)?(?<![\w.$])(?P<num>" + NUM + r")\s?(?P<mult>k\s?)?(?:miles?|mi)\b"
    r"(?P<post>\s+on\s+the\s+(?:odo(?:meter)?|clock))?",
    re.IGNORECASE,
)
_KM = re.compile(
    r"(?P<pre>(?:\bat|@|\bon)\s*)?(?<![\w.$])(?P<num>"
    + NUM
    + r")\s?(?P<mult>k\s?)?(?:kms?|kilomet(?:re|er)s?|klicks?|k's)\b"
    r"(?P<post>\s+on\s+the\s+(?:odo(?:meter)?|clock))?",
    re.IGNORECASE,
)
_ODO = re.compile(
    r"\b(?:odo(?:meter)?|clock)(?:\s+(?:reading|read|reads|showed|shows|showing|says|said|is|was|at|of|on|now))*\s*[:=]?\s*"
    # "odo 88 512 km": after "odo", a space may group the thousands; "71,020km" is not 71,020 thousand
    r"(?P<num>\d{1,3}(?:\s\d{3})+(?![\d.,])|" + NUM + r")(?P<mult>k(?!m))?(?:\s?(?:kms?|kilomet(?:re|er)s?|(?P<miles>miles?|mi))\b)?|"
    # "85200 k on the clock": k after a space is kilometres, not thousands
    r"(?<![\w.$,])(?P<num2>" + NUM + r")(?P<mult2>k(?!m))?(?:\s+k\b)?(?P<miles2>\s?(?:miles?|mi))?\s+on\s+the\s+(?:odo(?:meter)?|clock)\b",
    re.IGNORECASE,
)


def parse_quantity(text: str) -> list[Quantity]:
    """Litres, distances, odometer readings and prices per litre in `text`, left to right, without overlaps."""
    return list(_parse_quantity(text))


@lru_cache(maxsize=512)
def _parse_quantity(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    for m in _PPL.finditer(text):
        value = parse_decimal(m["num"] or m["num2"] or m["num3"])
        if value is None:
            continue
        if m["cents"] or m["num2"] or (value > 20 and not (m["cur"] or m["cur3"])):
            value /= 100
        stated = value if m["gallon"] else None
        if m["gallon"]:
            value /= _LITRES_PER_GALLON
        found.append(
            Quantity(
                "price_per_litre",
                value.quantize(MILLI, rounding=ROUND_HALF_UP),
                m.start(),
                m.end(),
                stated,
            )
        )
    for m in _ODO.finditer(text):
        value = parse_decimal((m["num"] or m["num2"]).replace(" ", ""))
        if value is not None:
            if m["mult"] or m["mult2"]:
                value *= 1000
            if m["miles"] or m["miles2"]:
                value = _miles_to_km(value)
            found.append(Quantity("odometer", value, m.start(), m.end()))
    for pattern in (_KM, _MILES):
        for m in pattern.finditer(text):
            value = parse_decimal(m["num"])
            if value is None:
                continue
            if m["mult"]:
                value *= 1000
            if pattern is _MILES:
                value = _miles_to_km(value)
            kind = "odometer" if (m["pre"] and m["pre"].strip().lower() in ("at", "@")) or m["post"] else "km"
            found.append(Quantity(kind, value, m.start(), m.end()))
    for m in _LITRES.finditer(text):
        value = parse_decimal(m["num"])
        if value is not None:
            found.append(Quantity("litres", value, m.start(), m.end()))
    for m in _GALLONS.finditer(text):
        value = parse_decimal(m["num"])
        if value is not None:
            per_gallon = _LITRES_PER_IMPERIAL_GALLON if m["imperial"] else _LITRES_PER_GALLON
            litres = (value * per_gallon).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            found.append(Quantity("litres", litres, m.start(), m.end(), None if m["imperial"] else value))
    found.sort(key=lambda q: (q.start, -(q.end - q.start)))
    result: list[Quantity] = []
    for quantity in found:
        if not result or quantity.start >= result[-1].end:
            result.append(quantity)
    return tuple(result)


def _miles_to_km(miles: Decimal) -> Decimal:
    """Whole kilometres, as odometer readings and distances are kept."""
    return (miles * Decimal(str(KM_PER_MILE))).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def fill_total(litres: Quantity, price: Quantity) -> Decimal:
    """Volume × price, in cents; exact when both were stated in gallons."""
    if litres.gallons is not None and price.gallons is not None:
        return (litres.gallons * price.gallons).quantize(CENT, rounding=ROUND_HALF_UP)
    return (litres.value * price.value).quantize(CENT, rounding=ROUND_HALF_UP)


def first_quantity(text: str, kind: str) -> Decimal | None:
    """The first quantity of one kind in `text`, or None."""
    return next((q.value for q in parse_quantity(text) if q.kind == kind), None)
