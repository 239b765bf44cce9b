"""Budgets said in words: set ("fuel budget 450 a month"), changed ("raise my groceries budget by $50", "halve the
dining budget", "set my dining budget to whatever I've spent on dining this month") or asked about ("how's the camping
budget holding up")."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from wheels_wins.pam.local import money_rules, routes
from wheels_wins.pam.local.normalise import normalise
from wheels_wins.pam.local.periods import resolve_period
from wheels_wins.pam.local.sentence import Intent, Sentence, category_of, words
from wheels_wins.services.categories import categories_named

_BUDGET = re.compile(
    r"\bbudget(?:s|ed)?\b|\bover\s*spen(?:t|ding)\b|\bleft\s+to\s+spend\b|\bon\s+track\b|"
    r"\bhow\s+much\s+(?:more\s+)?(?:can|could)\s+(?:i|we)\s+(?:still\s+)?(?:spend|afford)\b|"
    r"\b(?:are|am)\s+(?:we|i)\s+over\b|\bover\s+on\b|\bwhat'?s\s+left\b|"
    r"\bhow\s+much\b[^?.;]{0,40}?\b(?:left|remaining)\b(?!\s+(?:over|from|after))",
    re.IGNORECASE,
)
_BUDGET_SET_VERB = re.compile(
    r"^(?:set|make|change|update|put|increase|raise|lower|reduce|bump|drop|cut|adjust|create|allocate|give|up|double|"
    r"halve|fix|establish|start|budget|i\s+want\s+(?:my|a|the)|i'?d\s+like\s+(?:my|a|the)|my|our|the|a)\b",
    re.IGNORECASE,
)
_BUDGET_AMOUNT = re.compile(
    r"\bbudget\b(?:\s+\w+){0,3}?(?:\s+(?:to|at|of|is|should\s+be|to\s+be|will\s+be|as)\b|\s*[:=]|\s+-)\s*"
    r"(?:\$|\d|a\s+|[a-z]+\s+(?:hundred|thousand|dollars|bucks))",
    re.IGNORECASE,
)
_BUDGET_BARE = re.compile(r"\bbudget\s+(?:\$\s?|AUD\s?)?\d", re.IGNORECASE)  # "fuel budget 450 a month"
_BUDGET_HEADING = re.compile(
    r"^(?:the\s+|my\s+|our\s+)?(?P<head>[a-z&'-]+(?:\s+[a-z&'-]+){0,2})\s+budget\b(?!\s*:|\s+(?:is|was|looks?|left|remaining|status)\b)",
    re.IGNORECASE,
)
_NOT_A_HEADING = re.compile(r"\b(?:over|under|went|way|stuck|blew|blown|overspent|within|on|to|the)\b", re.IGNORECASE)
_AMOUNT_BUDGET = re.compile(
    r"\b(?:a|an)\s+(?:\$|AUD\s?)?\d[\d,.]*k?\s+(?:\w+\s+)?budget\b", re.IGNORECASE
)
_LIMIT = re.compile(
    r"^(?:limit|cap)\b|\b(?:limit|cap|ceiling)\s+(?:of|for|on)\b|\b(?:spend|spending)\s+(?:no\s+more\s+than|at\s+most|under|less\s+than|max(?:imum)?|only|up\s+to)\b|"
    r"\b(?:limit|cap)\s+(?:my\s+)?(?:\w+\s+)?(?:spending\s+)?(?:to|at)\b|"
    r"\b(?:don'?t|do\s+not|never)\s+(?:want\s+to\s+|wanna\s+)?(?:spend|go)\s+(?:more\s+than|over|above|past)\b",
    re.IGNORECASE,
)
# "keep camping to 500 bucks a month", "hold groceries under $600 per month": a limit with its period.
_KEEP_WITHIN = re.compile(
    r"^(?:allocate|reserve|allow)\b|\b(?:set|put)\s+aside\b|\bearmark(?:ed)?\b|\ballocated?\b|"
    r"\b(?:keep|hold|stick|stay)\s+(?:(?:my|the|our)\s+)?(?:[\w-]+\s+){0,2}?(?:spending\s+)?"
    r"(?:to|under|below|within|at|on|around)\b",
    re.IGNORECASE,
)
_SET_AS_BUDGET = re.compile(r"\b(?:set|make|put|use)\s+(?:that|it|this)\s+(?:as\s+|in\s+as\s+)?(?:my|our|the)\s+(?:[\w-]+\s+)?budget\b",
                            re.IGNORECASE)
_PER_PERIOD = re.compile(r"\b(?:a|per|each|every)\s+(?:month|week|fortnight)\b|\b(?:monthly|weekly|fortnightly)\b", re.IGNORECASE)
_PERIOD_WORD = [
    (
        re.compile(r"\b(?:a|per|each|every)\s+week\b|\bweekly\b", re.IGNORECASE),
        "weekly",
    ),
    (
        re.compile(
            r"\b(?:a|per|each|every)\s+(?:year|annum)\b|\byearly\b|\bannual(?:ly)?\b",
            re.IGNORECASE,
        ),
        "yearly",
    ),
    (
        re.compile(
            r"\b(?:a|per|each|every)\s+fortnight\b|\bfortnightly\b", re.IGNORECASE
        ),
        "fortnightly",
    ),
]


_RAISE = r"(?:increase|raise|bump|up|lift|boost|top\s+up|grow|add|put|throw|chuck|give)"
_LOWER = r"(?:decrease|lower|reduce|cut|drop|trim|slash|shave|knock|take|shrink)"
_EXTRA = r"(?:another\s+|an?\s+extra\s+|a\s+further\s+)?"
_ASKING = (
    r"^(?:(?:please|pls|plz|can\s+you|could\s+you|would\s+you|can\s+ya|i\s+want\s+to|i'?d\s+like\s+to|let'?s|"
    r"actually|ok(?:ay)?|and|so|now|then|oh)[\s,]+)*"
)
_PERCENT = re.compile(r"(?:\bby\s+)?(?<![\d.])(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b)", re.IGNORECASE)
_FRACTION = re.compile(r"\bby\s+(?:a|one)\s+(?P<part>quarter|third|fifth|tenth)\b", re.IGNORECASE)
_FRACTION_PERCENT = {"quarter": Decimal(25), "third": Decimal(100) / 3, "fifth": Decimal(20), "tenth": Decimal(10)}
_HALVE = re.compile(r"\bhalve\b|\bcut\s+(?:\w+\s+){0,4}?in\s+half\b|\bby\s+half\b", re.IGNORECASE)
_DOUBLE = re.compile(r"\bdouble\b", re.IGNORECASE)


# "increase my fuel budget", "can you cut the dining budget": a change asked for without saying by how much
_BY_HOW_MUCH_UNSAID = re.compile(_ASKING + r"(?:" + _RAISE + "|" + _LOWER + r")\s+(?:the\s+|my\s+|our\s+)?[\w ]{2,30}?\s+budget\s*[.!?]*$")


def _budget_change(s: Sentence) -> dict[str, Any]:
    """How a budget changes when the sentence changes it rather than sets it: {"change": "raise" or "lower"} with the
    amount ("raise my groceries budget by $50", "add $50 to the fuel budget", "take $20 off dining") or a
    "percent" ("cut fuel by 10%", "halve the dining budget"); {} when the sentence sets an amount."""
    verbs = [
        m["verb"]
        for m in (
            re.match(_ASKING + r"(?P<verb>\w+)\b", s.low),
            # "... so could you bump the camping budget up by $250?"
            re.search(r"\b(?:could|can|would|will)\s+you\s+(?:please\s+)?(?P<verb>\w+)\b", s.low),
            # "groceries budget's too tight, chuck another 60 on it": the verb of the amount's own clause
            re.search(r"(?:^|[.;,]\s*)(?P<verb>\w+)[^.;,]*$", s.low[: s.amount.start]) if s.amount else None,
        )
        if m
    ] + [m["verb"] for m in re.finditer(r"[.!?;]\s+(?P<verb>\w+)\b", s.low)]  # "Col says … . Cut the dining budget …"
    went = re.search(r"\b(?:go|goes|come|comes|move|moved)\s+(?P<way>up|down)\b", s.low)  # "needs to go up 20 percent"
    verbs += ["up" if went["way"] == "up" else "drop"] if went else []
    raising = any(re.fullmatch(_RAISE, v) for v in verbs)
    lowering = not raising and any(re.fullmatch(_LOWER, v) for v in verbs)
    plus = re.search(r"\bbudget\s+\+\s?\$?(?=\d)", s.text)
    if plus and s.amount and s.amount.start >= plus.end() - 1:  # "groceries budget +80"
        return {"change": "raise"}
    if _HALVE.search(s.text):
        return {"change": "lower", "percent": Decimal(50)}
    fraction = _FRACTION.search(s.text)
    if fraction and (raising or lowering):  # "trim the shopping budget by a quarter"
        return {"change": "raise" if raising else "lower", "percent": _FRACTION_PERCENT[fraction["part"].lower()]}
    if _DOUBLE.search(s.text):
        return {"change": "raise", "percent": Decimal(100)}
    percent = _PERCENT.search(s.text)
    if percent and (raising or lowering):
        return {"change": "raise" if raising else "lower", "percent": Decimal(percent["n"])}
    if s.amount is None:  # "increase my fuel budget": by how much is asked
        return {"change": "raise" if raising else "lower"} if (raising or lowering) and _BY_HOW_MUCH_UNSAID.match(s.low) else {}
    before, after = s.text[: s.amount.start].lower(), s.text[s.amount.end :].lower()
    if re.search(r"\b(?:take\s+away|take\s+off|minus|subtract|remove)\s+$", before):  # "budget take away 50"
        return {"change": "lower"}
    if re.search(r"(?:^|[.;,]\s*)(?:put|add|give)\s+(?:in\s+)?$", before) and re.match(r"\s+(?:more|extra)\b", after):
        return {"change": "raise"}  # "Camping budget is too small. Put 100 more"
    if raising and re.search(r"\b(?:another|an?\s+extra)\s+$", before):
        return {"change": "raise"}  # "chuck another 60 on it"
    if re.search(r"\b(?:by|with)\s+" + _EXTRA + r"$", before) and (raising or lowering):  # "increase it with 50"
        return {"change": "raise" if raising else "lower"}
    moved = re.search(r"\bbudget'?s?\s+(?:(?:can|could|should|will|needs?\s+to|has\s+to)\s+)?"
                      r"(?:(?:go(?:es)?|going|come|comes|coming)\s+)?(?P<way>up|down|higher|lower)\s+(?:by\s+)?" + _EXTRA + r"$", before)
    if moved:  # "fuel budget up by 50", "camping budget down 40"
        return {"change": "raise" if moved["way"] in ("up", "higher") else "lower"}
    more = re.match(r"\s+(?:more|extra)\b", after)
    if more or (raising and re.match(r"\s+(?:more\s+|extra\s+)?(?:on)?to\b", after)):
        return {"change": "raise"}
    if re.match(r"\s+less\b", after) or (lowering and re.match(r"\s+(?:off|from)\b", after)):
        return {"change": "lower"}
    return {}


# "set the groceries budget to match the fuel budget": the amount is another budget's.
_MATCHING = re.compile(
    r"\b(?:to\s+)?(?:match|matching|the\s+same\s+as|same\s+as|equal\s+to|as\s+much\s+as)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?P<other>[a-z][\w' -]{1,30}?)(?:\s+(?:budget|one))?\s*[.!?]*$",
    re.IGNORECASE,
)


_AS_SPENT = re.compile(
    r"\b(?:to|at|match|budget)\s+(?:exactly\s+|just\s+)?(?:whatever|what|how\s+much)\s+(?:i|we)(?:'?ve|\s+have)?\s+"
    r"(?:actually\s+|really\s+)?spent\b",
    re.IGNORECASE,
)


def _budget_slots(s: Sentence) -> dict[str, Any]:
    slots: dict[str, Any] = {}
    category = s.category
    matching = _MATCHING.search(s.text) if not s.amount else None
    other = category_of(matching["other"]) if matching else None
    if matching and other:
        category = category_of(s.text[: matching.start()])
        slots["same_as"] = other
    if category:
        slots["category"] = category
    if s.amount:
        slots["amount"] = s.amount.amount
    elif _AS_SPENT.search(s.text):  # "to whatever I've actually spent on dining this month"
        period = resolve_period(s.text, s.today)
        slots["as_spent"] = period.name if period and period.name != "custom" else "this_month"
    slots["period"] = next(
        (name for pattern, name in _PERIOD_WORD if pattern.search(s.text)), "monthly"
    )
    return slots


def _changed_budget(s: Sentence, change: dict[str, Any], confidence: float) -> Intent:
    """change_budget with the category and either the amount or the percentage it changes by."""
    slots = {**_budget_slots(s), **change}
    if "percent" in change:
        slots.pop("amount", None)
    return Intent("change_budget", confidence, slots)


def budget_follow_up(text: str, today: dt.date) -> Intent | None:
    """"raise it by 10%", "take another $20 off" said right after a budget: the change, without its category."""
    s = Sentence(normalise(text), today)
    change = _budget_change(s)
    return _changed_budget(s, change, 0.8) if change else None


def budget(s: Sentence, question: bool) -> Intent | None:
    """set_budget, change_budget or budget_status when the sentence is about a budget, else None."""
    # "plan a trip from Sydney to Melbourne, budget $500" plans the trip; a monthly budget needs a category.
    if not s.category and routes.TRIP_STRONG.search(s.text) and routes.ROUTE_MARKER.search(s.text):
        return None
    if _SET_AS_BUDGET.search(s.text) and s.amount and s.category:  # "… $250 a month, can you set that as my budget?"
        return Intent("set_budget", 0.9, _budget_slots(s))
    if _LIMIT.search(s.text) and s.amount and not question:
        return Intent("set_budget", 0.85, _budget_slots(s))
    if _KEEP_WITHIN.search(s.text) and _PER_PERIOD.search(s.text) and s.amount and s.category and not question:
        return Intent("set_budget", 0.85, _budget_slots(s))
    if not _BUDGET.search(s.text):
        return None
    asked = re.search(r"\b(?:could|can|would|will)\s+you\b", s.low) or re.match(  # a request, even with a "?"
        r"(?:" + _RAISE + "|" + _LOWER + r")\b", s.low  # ("can you" is gone once `normalise` has been)
    )
    if _AS_SPENT.search(s.text) and not question:  # "Col wants the dining budget set to exactly what we've spent …"
        return Intent("set_budget", 0.9, _budget_slots(s))
    change = _budget_change(s) if not question or asked else {}
    if change:  # "add another 75 to my shopping budget", "halve the dining budget"
        return _changed_budget(s, change, 0.9)
    setting = bool(_BUDGET_AMOUNT.search(s.text) or _AMOUNT_BUDGET.search(s.text) or _BUDGET_BARE.search(s.text)) or (
        not question
        and bool(_BUDGET_SET_VERB.match(s.text))
        and (
            s.amount is not None
            or re.match(r"^(?:set|make|create|change|update)\b", s.low)
        )
    )
    setting = setting or (not question and bool(re.search(r"\b(?:down|up|back)\s+to\s+(?:\$|\d)", s.text)))
    # "transport budget for ferries n tolls three hundred", "dining budget four fifty": a heading and its amount
    setting = setting or bool(
        not question and s.amount and (heading := _BUDGET_HEADING.match(s.text)) and categories_named(heading["head"])
        and not _NOT_A_HEADING.search(s.text) and not money_rules.EXPENSE_WORDS.search(s.text)
    )
    # "fuel budget, let's call it 520 a month": an amount a month said of a budget
    setting = setting or bool(
        not question and s.amount and _PER_PERIOD.search(s.text) and not money_rules.EXPENSE_WORDS.search(s.text)
    )
    setting = setting or (
        not question
        and s.explicit_amount is not None
        and not money_rules.EXPENSE_WORDS.search(s.text)
        and not money_rules.INCOME_WORDS.search(s.text)
    )
    # "our fuel budget is $300 … by how much are we over?" states the budget to ask about it
    asks = question and re.search(words("how much|by how much|are we over|am i over|how far over|over|under|left|remaining"), s.low)
    if setting and not asks and not re.match(r"^(?:how|what|am|is|are|do|did|have)\b", s.low):
        return Intent("set_budget", 0.9, _budget_slots(s))
    if question or re.search(
        words(
            "how|what|left|remaining|over|under|status|doing|looking|going|track|check|"
            "tracking|stand|much"
        ),
        s.text,
        re.IGNORECASE,
    ):
        slots = {"category": s.category} if s.category else {}
        named = categories_named(s.text)
        if len(named) > 1:  # "what's left in my groceries and dining budgets?"
            slots["categories"] = named
        return Intent("budget_status", 0.9, slots)
    return None
