"""Sums asked about, not spent: "if powered sites are $45 a night, what's that for a week?" is 7 × $45, recorded
nowhere."""

from __future__ import annotations

import re
from decimal import Decimal

from wheels_wins.pam.local.date_words import COUNT_RE, count_of
from wheels_wins.pam.local.sentence import Intent, Sentence
from wheels_wins.services.money import format_money

_DAYS_IN = {"night": 1, "day": 1, "week": 7, "fortnight": 14, "month": 30}
# "if … $45 a night … what's that for a week", "at $30 per day how much is a fortnight"
_WHAT_IF = re.compile(
    r"^(?:if|say|suppose|assuming|at)\b.*?\b(?:a|per|each)\s+(?P<per>night|day|week)\b.*?"
    r"\b(?:what'?s|what\s+is|what\s+would|how\s+much\s+(?:is|would|will|for)|how\s+much)\b[^.?!]*?"
    r"\b(?:(?:for|over|in)\s+)?(?:a\s+|one\s+|the\s+)?(?:(?P<n>" + COUNT_RE + r")\s+)?(?P<span>nights?|days?|weeks?|fortnights?|months?)\b",
    re.IGNORECASE,
)


def price_for_period(s: Sentence) -> Intent | None:
    """price_sum with the unit price, what it is per, and how many of those the question covers; None otherwise."""
    m = _WHAT_IF.match(s.text)
    if m is None or s.amount is None:
        return None
    span = m["span"].lower().rstrip("s")
    count = count_of(m["n"]) if m["n"] else 1
    per = m["per"].lower()
    times = Decimal(count * _DAYS_IN[span]) / _DAYS_IN[per]
    return Intent("price_sum", 0.9, {"amount": s.amount.amount, "per": per, "times": times, "count": count, "span": span})


def price_sum_reply(slots: dict[str, object], currency: str) -> str:
    """"That's $315.00 for a week at $45.00 a night."."""
    each = Decimal(str(slots["amount"]))
    total = format_money(each * Decimal(str(slots["times"])), currency)
    count, span = int(str(slots["count"])), slots["span"]
    over = f"a {span}" if count == 1 else f"{count} {span}s"
    return f"That's {total} for {over} at {format_money(each, currency)} a {slots['per']}."
