"""Fill-ups, maintenance done on the vehicle and fuel-economy questions."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from wheels_wins.pam.local import entities, vehicle_tasks
from wheels_wins.pam.local.amounts import choose_amount, to_money
from wheels_wins.pam.local.quantities import MILLI, fill_total
from wheels_wins.pam.local.sentence import Intent, Sentence, words

_ECONOMY = re.compile(
    r"\b(?:fuel\s+)?(?:consumption|economy|efficiency)\b|\bmpg\b|\bl\s?/\s?100\s?km\b|\blitres?\s+per\s+100\b|"
    r"\bhow\s+much\s+(?:fuel|diesel|petrol|gas)\s+(?:am\s+i|are\s+we|does\s+(?:it|the\s+\w+)|is\s+(?:it|the\s+\w+))\s+"
    r"(?:using|use|burning|burn|drinking|drink|going\s+through|chewing\s+through)\b|\bhow\s+thirsty\b",
    re.IGNORECASE,
)


_PER_100_KM = re.compile(r"\b(?:in\s+)?(?:l|litres?|liters?)\s?(?:/|per)\s?100\s?(?:kms?|kilomet(?:re|er)s?)\b", re.IGNORECASE)
_LAST_LEG = re.compile(
    r"\bbetween\s+(?:my|our|the)\s+(?:last|latest|two\s+most\s+recent)\s+(?:two|2\s+)?(?:fill|refuel)|"
    r"\bsince\s+(?:my|our|the)\s+(?:previous|last|one\s+before)\s+(?:fill|refuel)|\blast\s+(?:two|2)\s+fill",
    re.IGNORECASE,
)


def economy(s: Sentence) -> Intent | None:
    """"What's my fuel consumption?", "how much diesel is the truck using?" (not a fill-up with figures)."""
    if not _ECONOMY.search(s.text) or s.money:
        return None
    if s.quantities and Sentence(_PER_100_KM.sub(" ", s.text), s.today).quantities:
        return None  # a fill-up with its figures; "in L/100 km" only says how to answer
    if _LAST_LEG.search(s.text):  # "between my last two fill-ups": the last fill and the distance since the one before
        return Intent("fuel_query", 0.9, {"latest": True})
    return Intent("fuel_economy", 0.9)


_FILL_UP = re.compile(
    r"\b(?:fill(?:ed|ing)?\s+(?:up|her\s+up|it\s+up|the\s+tank|(?:the|my)\s+(?:van|car|ute|truck|rig|tank|motorhome|camper))|"
    r"fill-?ups?|fill\s+up|refuel(?:l?ed|l?ing)?|fuel(?:l?ed)?\s+up|tank(?:ed)?\s+up|gassed\s+up|(?:log|record|add|enter)\s+(?:a\s+|my\s+|some\s+|the\s+)?(?:fuel|fill|diesel|petrol)|"
    r"fuel\s+log|fuel\s+stop|bowser|put\s+(?:in\s+)?\d[\d.]*\s*(?:gallons?|gals?|litres?|liters?|l)\s+(?:in|of)\b)\b",
    re.IGNORECASE,
)
_TOP_UP = re.compile(r"\btop(?:ped)?[-\s]?up\b", re.IGNORECASE)
_FUEL_WORD = re.compile(
    words("fuel|diesel|petrol|unleaded|ulp|lpg|e10|premium|gas|tank"),
    re.IGNORECASE,
)
_NOT_FUEL = re.compile(
    words("water|fresh tank|cassette|gas bottle|phone|credit|data|coolant|oil|adblue|tyres?|air"),
    re.IGNORECASE,
)


_WATER_TANK = re.compile(r"\b(?:fresh|water|grey|gray|black)(?:\s+water)?\s+tanks?\b", re.IGNORECASE)


# A fill-up's place said as an item of its own, without "at": "…, Tennant Creek servo, …", "Wauchope roadhouse, 81L"
_NAMED_STOP = re.compile(
    r"(?:^|[,;:]\s*|\s[-–]\s*)(?:(?i:the)\s+)?(?P<name>[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+){0,3})\s+"
    r"(?P<kind>(?i:servo|roadhouse|service\s+station|truck\s+stop))\b"
)


def fuel(s: Sentence) -> Intent | None:
    kinds = {q.kind for q in s.quantities}
    cue = bool(_FILL_UP.search(s.text)) or (
        bool(_TOP_UP.search(s.text)) and bool(_FUEL_WORD.search(s.text))
    )
    measured = "litres" in kinds or "price_per_litre" in kinds
    if not (cue or measured):
        return None
    if _NOT_FUEL.search(s.text) and not _FUEL_WORD.search(_WATER_TANK.sub(" ", s.text)) and not measured:
        return None  # "filled up the fresh tank": water
    if re.search(r"\bexpense\b", s.low) and not measured:
        return None
    slots: dict[str, Any] = {}
    litres = next((q.value for q in s.quantities if q.kind == "litres"), None)
    price = next((q.value for q in s.quantities if q.kind == "price_per_litre"), None)
    odometer = next((q.value for q in s.quantities if q.kind == "odometer"), None)
    if odometer is None:
        odometer = next(
            (q.value for q in s.quantities if q.kind == "km" and q.value >= 1000), None
        )
    if odometer is None:
        bare = re.search(
            r"\b(?:at|@|odo(?:meter)?)\s*(\d{1,3}(?:,\d{3})+|\d{4,7})\b(?!\s*(?:\.\d|dollars|bucks|aud))",
            s.text,
            re.IGNORECASE,
        )
        if bare and not re.match(
            r"\s*(?:l|litres?|liters?)\b", s.text[bare.end() :], re.IGNORECASE
        ):
            odometer = Decimal(bare.group(1).replace(",", ""))
    money = [
        m
        for m in s.money
        if not (litres is not None and m.explicit is False and m.amount == litres)
    ]
    if price is None and litres is not None:
        per_litre = [
            m
            for m in money
            if m.amount < 4
            and (
                re.search(r"(?:@|\bat|\bx|×)\s*$", s.text[: m.start])  # "80L x $2.35"
                or re.search(r"\$\d\.\d{3}", s.text[m.start : m.end])
            )
        ]
        if per_litre and len(money) >= 1:
            price = per_litre[0].amount.quantize(MILLI)
            money = [m for m in money if m is not per_litre[0]]
    total = choose_amount(s.text, money)
    if total:
        slots["total_cost"] = total.amount
    if litres is not None:
        slots["litres"] = litres
    if price is not None:
        slots["price_per_litre"] = price
    if litres is None and total is not None and price:
        slots["litres"] = (total.amount / price).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    if total is None and litres is not None and price:
        stated = [next((q for q in s.quantities if q.kind == kind), None) for kind in ("litres", "price_per_litre")]
        slots["total_cost"] = (
            fill_total(stated[0], stated[1]) if stated[0] and stated[1] and stated[1].value == price
            else to_money(litres * price)
        )
    if odometer is not None:
        slots["odometer_km"] = int(odometer)
    kind = vehicle_tasks.fuel_type(s.text)
    if kind:
        slots["fuel_type"] = kind
    spans = (
        [(q.start, q.end) for q in s.quantities]
        + s.money_spans()
        + [(d.start, d.end) for d in s.past_dates]
    )
    location = entities.merchant(s.text, spans)
    at = s.text.find(location) if location else -1
    place = entities.town(s.text, spans + ([(at, at + len(location))] if at >= 0 else []))  # "at Z in Taupo"
    generic = r"(?:the\s+)?(?:servo|service\s+station|petrol\s+station|gas\s+station|fuel\s+station|bowser|pump)"
    where = " ".join(dict.fromkeys(p for p in (location, place) if p and not re.fullmatch(generic, p, re.IGNORECASE)))
    stop = None if where else _NAMED_STOP.search(entities.blank(s.text, spans))
    if stop:  # "fuel: 110 litres, $297, Tennant Creek servo": the town; "Wauchope roadhouse": the roadhouse
        where = stop["name"] + (" Roadhouse" if stop["kind"].lower() == "roadhouse" else "")
    if where and where.lower() not in ("diesel", "fuel", "petrol"):
        slots["location"] = where
    slots["date"] = s.past_dates[0].date if s.past_dates else s.today
    confidence = 0.9 if cue or litres is not None else 0.7
    if "litres" not in slots and "total_cost" in slots:
        return _fuel_expense(slots, confidence)
    return Intent("log_fuel", confidence, slots)


def _fuel_name(kind: str) -> str:
    return kind.upper() if len(kind) <= 3 else kind.capitalize()  # "LPG", "E10", "Diesel"


def _fuel_expense(fill: dict[str, Any], confidence: float) -> Intent:
    """A fill-up stated by its cost alone ("filled the tank on Monday, $102") is logged as a fuel expense.

    Asking for the litres first would leave the money unrecorded if the user never answers; the
    fuel log (which needs litres for consumption) is for fills whose litres are known.
    """
    slots: dict[str, Any] = {
        "amount": fill["total_cost"],
        "category": "fuel",
        "description": _fuel_name(fill.get("fuel_type") or "fuel"),
        "date": fill["date"],
    }
    if fill.get("location"):
        slots["merchant"] = fill["location"]
    return Intent("add_expense", confidence, slots)


_MAINT_EVENT = re.compile(
    words(
        "had|got|did|done|completed|finished|changed|replaced|rotated|serviced|"
        "fitted|installed|flushed|greased|repacked|checked|aligned|balanced|"
        "put (?:on|in)|swapped|maintenance|inspected|topped up|"
        "mechanic (?:change|changes|replace|replaces|fix|fixes|repair|repairs|do|does)|"  # "the mechanic change the clutch"
        "(?:am|is|are|was|were) (?:change|replace|fix|fit|install|rotate|service|repair)|"  # "yesterday I am change the pads"
        "new [\\w -]{2,30}? (?:on|in|fitted to) (?:the|my|our) (?:van|car|ute|truck|caravan|camper|motorhome|rig|trailer|4wd)"
    ),
    re.IGNORECASE,
)
_LOG_TASK = re.compile(
    r"^(?:log|record|add|note|enter|track|save|mark)\s+(?:a\s+|an\s+|the\s+|my\s+|that\s+)?(?![$\d])|"
    # "..., pop it in the maintenance log": the request after the work
    r"\b(?:pop|put|add|log|stick|chuck|note)\s+(?:it|that|this)\s+(?:in|into|to|on)\s+(?:the\s+|my\s+)?"
    r"(?:maint(?:enance)?|service)\s+(?:log|book|history|records?)\b|^add\s+to\s+(?:the\s+|my\s+)?maint(?:enance)?\s+log\b",
    re.IGNORECASE,
)
_MONEY_FIRST = re.compile(
    r"^(?:(?:i|we)\s+)?(?:just\s+)?(?:spent|paid|bought|forked\s+out|dropped|blew|shelled\s+out)\b|^(?:\$|\d)|"
    r"^(?:add|log|record|put)\s+(?:an?\s+)?(?:expense\s+(?:of\s+)?)?(?:\$|\d)",
    re.IGNORECASE,
)
_PART_SWAPPED = re.compile(r"\b(?:fitted|replaced|installed|changed)$", re.IGNORECASE)  # then the part names the work
_PURCHASE = re.compile(words("bought|buy|purchased|spent|ordered"), re.IGNORECASE)


# "tyres rotated 101k": in a note of work on the vehicle, thousands without a dollar sign are the odometer.
_INTERVAL_SERVICE = re.compile(
    r"\b\d{1,3}(?:,?\d{3})?\s?k(?:m|ms)?\s+(?:(?:logbook|log\s+book|major|minor|scheduled|annual)\s+)?(?:service|servicing|check)\b",
    re.IGNORECASE,
)
_DUE_AT = re.compile(r"\b(?:next|due)\b[^.;]{0,25}?\b(?:at|@)\s*(?P<num>\d{1,3}(?:,\d{3})+|\d{5,7})\b(?!\s*(?:km|kms|k\b))", re.I)
_THOUSANDS_KM = re.compile(r"(?<![$\w.,])(?P<num>\d{2,3}(?:\.\d)?)\s?k\b(?!\s*(?:m|ms|kms?|ilo)\b)", re.IGNORECASE)


# The maintenance log named as where the record goes: "add to the maintenance log: ...", "... - maintenance log".
_TO_THE_LOG = re.compile(
    r"^(?:add|log|put|pop|note)\s+(?:it\s+|this\s+)?(?:to|in|into|on)\s+(?:the\s+|my\s+)?maint(?:enance)?\s+log\s*[:,-]?\s*|"
    r"^maint(?:enance)?\s+log\s*[:,-]\s*|\s+-\s+maintenance(?:\s+log)?$",  # "…, log it as maintenance"
    re.IGNORECASE,
)


# "log maintenance", "record some repairs"; after a colon or dash, the work itself: "Log maintenance: flushed the tank".
_LOG_WORK = re.compile(
    r"^(?:log|record|add|note)\s+(?:some\s+|a\s+|the\s+)?(?:maintenance|service|repair|repairs|work)\b(?P<heading>\s*[:-]\s*)?",
    re.IGNORECASE,
)


def _work_described(s: Sentence, request: re.Match[str]) -> str | None:
    """The work a maintenance-log request describes, without the request, amounts, dates and filler."""
    spans = [(d.start, d.end) for d in s.past_dates] + s.money_spans()
    masked = entities.blank(s.text, spans, " ")
    text = masked[: request.start()] + " " + masked[request.end() :]
    text = re.sub(
        r"\b(?:no\s+cost(?:\s+of\s+course)?|cost\s+nothing|no\s+charge|for\s+free|diy|free|myself|ourselves|"
        r"so\s+i\s+remember.*$)",
        " ", text, flags=re.IGNORECASE,
    )
    described = entities.description(text.split(" so I ")[0])
    return described[:80] or None


def maintenance(s: Sentence) -> Intent | None:
    """log_maintenance for work done on the vehicle (a task, its cost, odometer and workshop), or None."""
    if vehicle_tasks.not_vehicle_work(s.text):
        return None  # "bike puncture repair $15": spending, not the vehicle's log
    named = vehicle_tasks.repair_named(s.text)  # "the trailer bearing repair", "puncture repair": the user's words
    listed = None if named else vehicle_tasks.maintenance_task(s.text)
    repaired = vehicle_tasks.repair_task(s.text)  # "resealed the roof on the van": work done
    if listed and repaired and not vehicle_tasks.is_action_task(listed) and not _PART_SWAPPED.search(repaired):
        listed = None  # "the electric brakes … were adjusted": the work done, not the part's name
    repaired = None if listed else repaired
    task = listed or repaired
    has_odo = (
        any(q.kind in ("odometer", "km") and q.value >= 1000 for q in s.quantities)
        or bool(re.search(r"\b(?:at|@)\s*\d{1,3}(?:,\d{3})+\b|\b(?:at|@)\s*\d{5,7}\b", s.text))
        or _THOUSANDS_KM.search(s.text) is not None
    )
    logging = bool(_LOG_TASK.match(s.text))
    to_the_log = _TO_THE_LOG.search(s.text)
    if task is None and to_the_log:  # "..., please add it to the maintenance log": what was said is the task
        task = _work_described(s, to_the_log)
    logged_work = _LOG_WORK.match(s.text)
    if task is None and logged_work and logged_work["heading"] and s.text[logged_work.end() :].strip():
        task = _work_described(s, logged_work)  # "Log maintenance: flushed and sanitized the fresh water tank"
    if task is None and not logged_work:
        return None
    if re.search(r"\bexpense\b", s.low) and not has_odo:
        return None
    event = bool(_MAINT_EVENT.search(s.text))
    action = vehicle_tasks.is_action_task(task) or bool(repaired)
    if _MONEY_FIRST.match(s.text) and not (has_odo or event):
        return None  # "spent $60 on a wheel alignment" is about the money: an expense
    if not (
        event
        or has_odo
        or (logging and not s.amount)
        or (action and (s.amount or logging))
    ):
        return None
    if (
        task
        and not action
        and _PURCHASE.search(s.text)
        and not has_odo
        and not re.search(words("fitted|replaced|installed|changed"), s.low)
    ):
        return None
    slots: dict[str, Any] = {}
    if task:
        slots["task"] = task
    # (where said, km): the readings, or else the "88k"s ("done at 88k, next one due at 98k")
    readings = [(q.start, int(q.value)) for q in s.quantities if q.kind in ("odometer", "km")] or [
        (m.start(), int(Decimal(m["num"]) * 1000)) for m in _THOUSANDS_KM.finditer(s.text)
    ]
    named = _INTERVAL_SERVICE.search(s.text)  # "the 10,000 km service": its name, not a reading
    readings = [r for r in readings if not (named and named.start() <= r[0] < named.end())]
    next_due = next(
        (r for r in readings if re.search(r"\b(?:next|due|again)\b[^.]*$", s.text[max(0, r[0] - 30) : r[0]], re.IGNORECASE)),
        None,
    )
    due_at = _DUE_AT.search(s.text)  # "next time at 130500": a bare reading said of the next one
    if next_due is None and due_at:
        next_due = (due_at.start("num"), int(due_at["num"].replace(",", "")))
    current = next((r for r in readings if r is not next_due), None)
    bare = re.search(r"\b(?:at|@)\s*(\d{1,3}(?:,\d{3})+|\d{5,7})\b", s.text[: due_at.start()] if due_at else s.text)
    if current is not None:
        slots["odometer_km"] = current[1]
    elif bare:
        slots["odometer_km"] = int(bare.group(1).replace(",", ""))
    if next_due is not None:
        where, value = next_due
        if re.search(r"\bin\s*$", s.text[:where]) and "odometer_km" in slots:
            value += slots["odometer_km"]
        slots["next_due_km"] = value
    cost = s.explicit_amount or s.amount
    if cost and not cost.explicit and any(cost.start <= k.start() < cost.end for k in _THOUSANDS_KM.finditer(s.text)):
        cost = None  # the "101k" read as money
    if cost:
        slots["cost"] = cost.amount
    past = [
        d
        for d in s.past_dates
        if not re.search(
            r"\b(?:next|due)\b", s.text[max(0, d.start - 12) : d.start], re.IGNORECASE
        )
    ]
    slots["date"] = past[0].date if past else s.today
    due = [
        d
        for d in s.future_dates
        if re.search(
            r"\b(?:next|due)\b", s.text[max(0, d.start - 12) : d.end], re.IGNORECASE
        )
    ]
    if due:
        slots["next_due_date"] = due[0].date
    workshop = entities.merchant(s.text, [(d.start, d.end) for d in s.past_dates] + s.money_spans()) if cost else None
    if workshop and not vehicle_tasks.maintenance_task(workshop):  # "at Halls Creek Motors", not "at the oil change"
        slots["workshop"] = workshop
    return Intent("log_maintenance", 0.9 if task else 0.7, slots)
