"""The local engine's follow-ups: answers to the question PAM just asked ("$95" after "How much?"), "what about last
month?" after a total, "raise it by 10%" after a budget, "plan it" after "how far is it to Katherine?"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Any

from wheels_wins.pam.local import calendar_changes, entities, place_names
from wheels_wins.pam.local.amounts import best_amount
from wheels_wins.pam.local.budget_rules import budget_follow_up
from wheels_wins.pam.local.dates import find_dates
from wheels_wins.pam.local.intents import Intent, classify
from wheels_wins.pam.local.normalise import normalise
from wheels_wins.pam.local.periods import Period, period_beside, resolve_period
from wheels_wins.pam.local.quantities import first_quantity
from wheels_wins.pam.local.sentence import category_of
from wheels_wins.pam.local.times import time_spans
from wheels_wins.pam.providers.local_records import leading_number

_PLAN_IT = re.compile(
    r"^(?:(?:yes|yeah|yep|ok(?:ay)?|sure)[,!.\s]*)?(?:please\s+)?(?:(?:plan|save|map|do|book)\s+(?:it|that|one)|go\s+(?:for\s+it|ahead))\b|"
    r"^(?:yes|yeah|yep|ok(?:ay)?|sure)(?:\s+please)?[!.\s]*$",
    re.IGNORECASE,
)


def route_just_asked(intent: Intent, text: str, state: dict[str, Any]) -> Intent:
    """ "plan it" right after "how far is Darwin to Katherine?": a trip through the places just asked about."""
    if intent.slots.get("places") or not (intent.name == "plan_trip" or _PLAN_IT.match(text.strip())):
        return intent
    asked = next((c for c in reversed(state.get("last_calls") or []) if c["name"] == "route_distance"), None)
    places = (asked or {}).get("data", {}).get("places")
    return Intent("plan_trip", 0.9, {**intent.slots, "places": places}) if places else intent


def budget_just_touched(intent: Intent, text: str, state: dict[str, Any], today: dt.date) -> Intent:
    """ "raise it by 10%" right after a budget was set, changed or asked about: that budget."""
    last = next(
        (
            c
            for c in reversed(state.get("last_calls") or [])
            if c["name"] in ("set_budget", "adjust_budget", "budget_status")
        ),
        None,
    )
    category = ((last or {}).get("data") or {}).get("category")
    if not category:
        return intent
    if intent.name == "unknown" or (intent.name == "correction" and not intent.slots.get("amount")):
        intent = budget_follow_up(text, today) or intent  # "actually bump it 10%"
    if intent.name not in ("change_budget", "set_budget") or intent.slots.get("category"):
        return intent  # "Bump the budget up to $250" right after asking about the dining budget: that one
    return dataclasses.replace(intent, slots={**intent.slots, "category": category})


def calendar_just_listed(intent: Intent, state: dict[str, Any]) -> Intent:
    """ "cancel the dentist one" right after the calendar was shown: that entry, not a purchase."""
    if intent.name != "remove_expense" or not intent.slots.get("which") or re.search(r"[\d$£€]", str(intent.slots["which"])):
        return intent  # "delete the $40 one" is still a purchase
    if not any(c["name"] == "upcoming_events" for c in state.get("last_calls") or []):
        return intent
    return Intent("cancel_event", intent.confidence, {"title": str(intent.slots["which"])})


def _start_of_trip(text: str, today: dt.date) -> str | None:
    """The one place in an answer to "where are you starting from?" ("from Darwin", "we're in Katherine")."""
    spans = [(d.start, d.end) for d in find_dates(text, today, "future")] + time_spans(text)
    found = place_names.places(entities.blank(text, spans, " "))
    return found[0] if len(found) == 1 else None


# "and what about groceries?", "how about last month?" after a question: the same question, about that.
_WHAT_ABOUT = re.compile(
    r"^(?:and\s+|ok(?:ay)?\s+|so\s+)?(?:(?:what|how)\s+about\s+|and\s+(?:on|for|at|in)\s+|and\s+(?=\w+[\s?.!]*$)|"
    r"and\s+(?=the\s+[\w\s]{2,30}?\b(?:before|after|previous|prior)\b))"
    r"(?P<rest>.+?)[\s?.!]*$",  # "and on eating out?", "and last month?"
    re.IGNORECASE,
)
_ASKED_AGAIN = {
    "spending_summary": "spending_query",
    "budget_status": "budget_status",
    "income_summary": "income_query",
    "net_income": "net_query",
    "fuel_bought": "fuel_query",
}
_BY_PERIOD_ONLY = ("income_summary", "net_income", "fuel_bought")


def _period_asked(data: dict[str, Any]) -> Period | None:
    """The range the question just answered was about, from its tool result."""
    if not (data.get("start") and data.get("end")):
        return None
    return Period("custom", dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"]))


def asked_again(text: str, state: dict[str, Any], today: dt.date) -> Intent | None:
    """The question just answered, asked again about another category or period ("what about groceries?", "and
    the 30 days before that?"), or None."""
    m = _WHAT_ABOUT.match(text.strip())
    asked = next((c for c in reversed(state.get("last_calls") or []) if c["name"] in _ASKED_AGAIN), None)
    if m is None or asked is None:
        return None
    data = asked.get("data") or {}
    slots: dict[str, Any] = {}
    category = category_of(m["rest"])
    earlier = _period_asked(data)
    period = (period_beside(m["rest"], earlier) if earlier else None) or resolve_period(m["rest"], today)
    if asked["name"] not in _BY_PERIOD_ONLY:
        if category:
            slots["category"] = category
        elif data.get("category") and asked["name"] == "spending_summary":
            slots["category"] = data["category"]
    if asked["name"] != "budget_status":
        if period is not None:
            slots.update(period=period.name, start=period.start, end=period.end)
        elif earlier:
            slots.update(period=data.get("period") or "custom", start=earlier.start, end=earlier.end)
    if not category and period is None:
        return None
    return Intent(_ASKED_AGAIN[asked["name"]], 0.9, slots)


def fill_pending(pending: dict[str, Any], text: str, today: dt.date) -> Intent | None:
    """Complete a half-filled request from a follow-up like "$48" or "62 litres for $118"."""
    fresh = classify(text, today)
    slots = dict(pending.get("slots") or {})
    if pending["intent"] == "move_event" and slots.get("title"):  # "When should it move to?" → "2 days later"
        moved = calendar_changes.move_answer(str(slots["title"]), normalise(text), today)
        if moved:
            return Intent("move_event", 1.0, {**slots, **moved})
    if pending["intent"] == "plan_trip" and slots.get("destination") and not fresh.slots.get("places"):
        start = _start_of_trip(text, today)  # "plan a trip to Kakadu" → "Where from?" → "from Darwin"
        if start and fresh.confidence < 0.8:
            return Intent("plan_trip", 1.0, {**slots, "places": [start, slots["destination"]]})
    if fresh.name == pending["intent"]:
        # "$95" answering "how much?" carries the defaults of a sentence of its own (category "other", today):
        # they must not replace what the first message said.
        defaults = {"category": "other", "date": today}
        slots.update(
            {
                k: v
                for k, v in fresh.slots.items()
                if v not in (None, "", []) and not (k in slots and defaults.get(k) == v)
                and not (k == "title" and slots.get("title"))  # "put the van service in" → "22nd of july, drop off at 8am"
            }
        )
    elif fresh.confidence >= 0.8 and fresh.name not in ("add_expense", "unknown", "correction"):
        return None  # a new request, not an answer
    else:
        for key in pending.get("missing") or []:
            value: Any = None
            percent = re.search(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b)", text, re.IGNORECASE)
            if key == "amount" and pending["intent"] == "change_budget" and percent:  # "by 25%"
                slots["percent"] = Decimal(percent[1])
                continue
            if key in ("amount", "total_cost", "cost"):
                found = best_amount(normalise(text))  # "thirty-four dollars and twenty cents"
                value = found.amount if found else leading_number(text)  # "450 house sitting" answers "how much?"
            elif key == "litres":
                value = first_quantity(text, "litres")
            elif key == "which" and re.match(r"\s*(?:no|nah|nope|none|never\s*mind|cancel|forget\s+it|stop)\b", text, re.I):
                return Intent("unknown", 0.0)  # "no": the question is dropped, nothing is deleted
            elif key in ("title", "content", "task", "which"):
                value = text.strip()
            elif key == "description":  # "What was it for?" → "groceries at Aldi"
                value = entities.capitalise(text.strip(" .!?"))[:300]
                if slots.get("category") in (None, "other"):
                    slots["category"] = category_of(text) or "other"
                shop = entities.merchant(text)
                if shop and not slots.get("merchant"):
                    slots["merchant"] = shop
            elif key == "category":
                value = fresh.slots.get("category")
            elif key == "date":  # "next Thursday" alone reads as nothing to do: take its date
                ahead = "future" if pending["intent"] in ("add_calendar", "plan_trip") else "past"
                value = fresh.slots.get("date") or next(
                    (d.date for d in find_dates(normalise(text), today, ahead)), None
                )
            elif key == "places":
                value = fresh.slots.get("places")
            if value not in (None, "", []):
                slots[key] = value
        for key in ("category", "merchant", "date", "time", "description", "odometer_km", "location"):
            # "record an expense" named no category and "log some income" no day: the answer may
            unset = key not in slots or (key, slots[key]) in (
                ("category", "other"),
                ("date", today),
                ("date", today.isoformat()),
            )
            if unset and fresh.slots.get(key):
                slots[key] = fresh.slots[key]
        if pending["intent"] == "add_income" and not slots.get("source"):
            dated = [(d.start, d.end) for d in find_dates(text, today)]
            source = re.sub(
                r"^\s*\$?\s?\d[\d,.]*\s*(?:dollars|bucks)?\s*(?:for|from)?\s*", "", entities.cut(text, dated)
            )
            source = re.sub(r"[\s,]+(?:paid|received|got\s+paid)?[\s,.]*$", "", source).strip(" .,")
            if source and source != text.strip(" .,"):  # "450 house sitting": what it was for
                slots["source"], slots["description"] = source[:120], entities.capitalise(source)[:300]
    return Intent(pending["intent"], 1.0, slots)


# "same again but yesterday", "ditto for $12", "another one": the purchase or income just recorded, once more
_SAME_AGAIN = re.compile(
    r"^(?:and\s+)?(?:(?:the\s+)?same(?:\s+again|\s+thing)?|ditto|again|another\s+(?:one|of\s+those))\b[\s,]*"
    r"(?:(?:but|for|on|only|just|from)\s+)*(?P<rest>.*?)[\s.!?]*$",
    re.IGNORECASE,
)
_REPEATED_FIELDS = {"add_expense": ("category", "description", "merchant"), "add_income": ("source", "description")}


def same_again(text: str, state: dict[str, Any], today: dt.date) -> Intent | None:
    """The purchase or income PAM just recorded, recorded again with the day or amount said ("same again but
    yesterday"); None when the message is no such repeat."""
    m = _SAME_AGAIN.match(text.strip())
    made = next((c for c in reversed(state.get("last_calls") or []) if c["name"] in _REPEATED_FIELDS), None)
    if m is None or made is None or not (made.get("data") or {}).get("amount"):
        return None
    rest = normalise(m["rest"])
    dates, money = find_dates(rest, today), best_amount(rest)
    if rest and not (dates or money):
        return None  # "same again but at Coles" says what differs in a way not read here: left to the rules
    data = made["data"]
    slots: dict[str, Any] = {key: data[key] for key in _REPEATED_FIELDS[made["name"]] if data.get(key)}
    slots["amount"] = money.amount if money else Decimal(str(data["amount"]))
    slots["date"] = dates[0].date if dates else today
    return Intent(made["name"], 0.9, slots)
