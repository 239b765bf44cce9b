"""The parts every rule of PAM's local engine shares: the Intent it answers with, the sentence it reads
(its amounts, quantities and dates computed once), category hints and the word-list helper."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from wheels_wins.pam.local.amounts import MoneyMention, choose_amount, parse_money
from wheels_wins.pam.local.dates import DateMention, find_dates
from wheels_wins.pam.local.quantities import Quantity, parse_quantity
from wheels_wins.services.categories import infer_category, misspelt_category

# Required slots others stand in for: a budget "the same as the fuel budget" needs no amount, nor does a change "by 25%".
_OR_INSTEAD = {
    "amount": ("same_as", "percent", "as_spent"), "which": ("category", "date", "latest"), "when": ("days", "date", "time"),
}
REQUIRED_SLOTS: dict[str, tuple[str, ...]] = {
    "add_expense": ("amount",),
    "set_budget": ("category", "amount"),
    "change_budget": ("category", "amount"),
    "add_income": ("amount",),
    "log_fuel": ("litres", "total_cost"),
    "log_maintenance": ("task",),
    "add_schedule": ("task",),
    "plan_trip": ("places",),
    "route_distance": ("places",),
    "add_trip_stop": ("place",),
    "remove_trip_stop": ("place",),
    "add_calendar": ("title", "date"),
    "create_post": ("content",),
    "navigate": ("to",),
    "remove_expense": ("which",),
    "move_event": ("when",),
}

INTENTS: tuple[str, ...] = (
    "add_expense",
    "set_budget",
    "change_budget",
    "budget_status",
    "spending_query",
    "add_income",
    "income_query",
    "net_query",
    "log_fuel",
    "log_maintenance",
    "maintenance_due",
    "maintenance_query",
    "price_sum",
    "add_schedule",
    "fuel_economy",
    "fuel_query",
    "plan_trip",
    "route_distance",
    "add_trip_stop",
    "remove_trip_stop",
    "delete_trip",
    "move_trip_stop",
    "list_trips",
    "add_calendar",
    "upcoming_events",
    "cancel_event",
    "move_event",
    "create_post",
    "delete_post",
    "edit_post",
    "read_feed",
    "navigate",
    "correction",
    "correct_described",
    "undo",
    "remove_expense",
    "list_expenses",
    "greeting",
    "thanks",
    "help",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class Intent:
    """What the user wants: `name` (one of INTENTS), a 0–1 confidence and the slots found."""

    name: str
    confidence: float
    slots: dict[str, Any] = field(default_factory=dict)

    @property
    def missing(self) -> tuple[str, ...]:
        """Required slots the sentence did not give."""
        return tuple(
            s
            for s in REQUIRED_SLOTS.get(self.name, ())
            if self.slots.get(s) in (None, "", []) and not any(self.slots.get(k) for k in _OR_INSTEAD.get(s, ()))
        )


_DUE_BEFORE = re.compile(r"\b(?:due|expired?|expiring|renewal\s+date)(?:\s+(?:on|by|at))?(?:\s+the)?\s*$", re.IGNORECASE)
_DUE_WORD = re.compile(r"(?:due|expir)", re.IGNORECASE)
_WHOLE_SPAN = re.compile(r"(?:this|last|next)\s+(?:week|fortnight|month|year)\b", re.IGNORECASE)
_PER_PERIOD_AFTER = re.compile(r"\s*(?:a|per|each|every)\s+(?:month|week|fortnight|year)\b", re.IGNORECASE)


class Sentence:
    """One normalised request with its amounts, quantities and dates computed once, on demand."""

    def __init__(self, text: str, today: dt.date) -> None:
        self.text = text
        self.low = text.lower()
        self.today = today

    @cached_property
    def quantities(self) -> list[Quantity]:
        return parse_quantity(self.text)

    @cached_property
    def money(self) -> list[MoneyMention]:
        odometer_like = [
            (q.start, q.end) for q in self.quantities if q.kind in ("odometer", "km")
        ]
        return [
            m
            for m in parse_money(self.text)
            if not (
                not m.explicit
                and m.amount >= 1000
                and re.search(r"\b(?:at|@|odo(?:meter)?)\s*$", self.text[: m.start])
                and not _PER_PERIOD_AFTER.match(self.text, m.end)  # "budget at 1.5k a month" is money
            )
            and not any(m.start < b and a < m.end for a, b in odometer_like)
        ]

    @cached_property
    def amount(self) -> MoneyMention | None:
        return choose_amount(self.text, self.money)

    @cached_property
    def explicit_amount(self) -> MoneyMention | None:
        return choose_amount(self.text, [m for m in self.money if m.explicit])

    @cached_property
    def past_dates(self) -> list[DateMention]:
        # "this month's rent yesterday": a day said outright comes before a whole week or month
        # and a day something was due ("the rego was due on the 30th but I paid it yesterday") comes after the rest
        return sorted(
            find_dates(self.text, self.today, "past"),
            key=lambda d: (self._said_due(d), bool(_WHOLE_SPAN.match(d.text))),
        )

    def _said_due(self, date: DateMention) -> bool:
        return bool(_DUE_BEFORE.search(self.text, 0, date.start) or _DUE_WORD.match(date.text))

    @cached_property
    def future_dates(self) -> list[DateMention]:
        return find_dates(self.text, self.today, "future")

    @cached_property
    def category(self) -> str | None:
        return category_of(_SHOW.sub(" ", self.text))

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.low) is not None

    def money_spans(self) -> list[tuple[int, int]]:
        spans = []
        for m in self.money:
            start = m.start
            glue = re.search(
                r"(?:\b(?:of|for|about|around|roughly|approx|costing|worth|which|was|is|at|to)\s+)+$",
                self.text[:start],
                re.IGNORECASE,
            )
            if glue:
                start = glue.start()
            spans.append((start, m.end))
        return spans

    def quantity_spans(self) -> list[tuple[int, int]]:
        spans = []
        for q in self.quantities:
            start = q.start
            glue = re.search(
                r"(?:\b(?:of|for|at|with|@)\s*)+$", self.text[:start], re.IGNORECASE
            )
            if glue:
                start = glue.start()
            spans.append((start, q.end))
        return spans


_PLURAL = re.compile(r"\b([A-Za-z]{3,})(ies|s)\b")


def _singular(m: re.Match[str]) -> str:
    stem, ending = m.group(1), m.group(2)
    if ending == "ies":
        return stem + "y"
    return m.group(0) if stem.lower().endswith("s") else stem


# "a few things for dinner", "food for tonight": shopping for a meal is groceries, not eating out.
_FOOD_FOR_A_MEAL = re.compile(
    r"\b(?:things|stuff|food|bits|ingredients|supplies|something|some\s+\w+)\s+for\s+(?:breakfast|brekkie|brekky|lunch|dinner|"
    r"supper|tea|tonight|the\s+bbq|a\s+bbq|the\s+barbie)\b",
    re.IGNORECASE,
)


# "a quick Aldi shop for brekky things", "supper things at the Carrefour": food bought to cook, whatever else is said
_SHOPPING_FOR_A_MEAL = re.compile(
    r"\bshop\s+for\s+(?:breakfast|brekkie|brekky|lunch|dinner|supper|tea)\b|"
    r"\b(?:breakfast|brekkie|brekky|lunch|dinner|supper|tea|bbq)\s+(?:things|stuff|bits|supplies)\b",
    re.IGNORECASE,
)


def category_of(text: str) -> str | None:
    """The expense category a sentence suggests, also through plurals the synonym list lacks ("coffees", "pies")."""
    if _SHOPPING_FOR_A_MEAL.search(text):
        return "groceries"
    meal = _FOOD_FOR_A_MEAL.search(text)
    if meal:
        return infer_category(text[: meal.start()] + text[meal.end() :]) or "groceries"
    without_towns = _IN_TOWN.sub(" ", text)  # "the pharmacie in Tours": a town's name says nothing of what was bought
    if without_towns != text and (found := category_of(without_towns)):
        return found
    return infer_category(text) or infer_category(_PLURAL.sub(_singular, text)) or misspelt_category(text)


_IN_TOWN = re.compile(r"(?:in|near)\s+(?-i:[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", re.IGNORECASE)


def words(spec: str) -> str:
    """A word-bounded regex alternation from "a|b c|d"; a space inside an alternative matches any whitespace."""
    return (
        r"\b(?:" + re.sub(r"\s*\|\s*", "|", spec.strip()).replace(" ", r"\s+") + r")\b"
    )


_SHOW = re.compile(r"\bshow\s+(?:me|us)\b|\bshow\b(?=\s+(?:my|the)\b)", re.IGNORECASE)

QUESTION_START = re.compile(
    r"^(?:how|what|what'?s|whats|when|when'?s|whens|where|where'?s|which|who|why|am\s+i|are\s+(?:we|i|there)|"
    r"is|are|was|were|should|shall|do\s+(?:i|we)|does|did\s+(?:i|we)|have\s+(?:i|we)|has|can\s+(?:i|we)|could\s+i|"
    r"any|anything|tell\s+me|let\s+me\s+know|check|compare|i'?d\s+like\s+to\s+know|i\s+wonder|wondering|know)\b",
    re.IGNORECASE,
)
