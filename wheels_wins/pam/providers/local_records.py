"""The records PAM just made, changed by a follow-up: "actually make that $35", "lunch was actually $14",
"push it back a day", "remove the coffee one". `state["last_calls"]` holds the calls of PAM's last reply."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from wheels_wins.pam.local.brands import brand_named, with_brand_names
from wheels_wins.pam.local.intents import Intent
from wheels_wins.pam.tools.expenses import same_purchase_key
from wheels_wins.pam.types import ToolCall
from wheels_wins.services.categories import normalise_category


def jsonable(value: Any) -> Any:
    """A slot value as a tool argument: dates and times in ISO form, Decimals as strings."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def leading_number(text: str) -> Decimal | None:
    """The amount a reply starts with ("$48", "62"), not a reading in litres, km or percent."""
    m = re.match(r"\s*\$?\s?(\d{1,6}(?:\.\d{1,2})?)\b(?!\s*(?:litres?|liters?|l\b|km|kms|%))", text, re.IGNORECASE)
    return Decimal(m.group(1)).quantize(Decimal("0.01")) if m else None


# An expense the last reply showed ("what did I spend yesterday?", "did I log lunch?"), as if just made, so that "the
# woolies one was actually 54" or "delete one of them" can name it.
LISTED = "listed_expense"
LISTED_MAINTENANCE = "listed_maintenance"
_SHOWN_BY = {"list_expenses": LISTED, "spending_summary": LISTED, "maintenance_history": LISTED_MAINTENANCE}
# The calls whose data is an expense just made, changed or shown.
_EXPENSE_CALLS = ("add_expense", "update_expense", LISTED)


def shown_alone(state: dict[str, Any]) -> str | None:
    """The id of the one expense the last reply showed, when it showed one and changed nothing ("what's the biggest
    thing I paid for this month?" → "ok delete that one")."""
    calls = state.get("last_calls") or []
    shown = [c for c in _with_listed(calls) if c["name"] == LISTED]
    made = [c for c in calls if c["name"] not in _SHOWN_BY]
    return (shown[0].get("data") or {}).get("id") if len(shown) == 1 and not made else None


def _with_listed(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The calls, with each record a listing or spending summary showed as a call of its own."""
    shown = [
        {"name": _SHOWN_BY[call["name"]], "data": item}
        for call in calls if call["name"] in _SHOWN_BY
        for item in (call.get("data") or {}).get("items") or []
    ]
    return calls + shown


# The record kinds a correction can change: the tools that made or last changed one, the tool that
# changes it, its id argument, and which of the correction's slots it takes (under which name).
_CORRECTABLE: tuple[tuple[tuple[str, ...], str, str, dict[str, str]], ...] = (
    (
        _EXPENSE_CALLS,
        "update_expense",
        "expense_id",
        {"amount": "amount", "category": "category", "date": "date", "merchant": "merchant"},
    ),
    (("add_income", "update_income"), "update_income", "income_id", {"amount": "amount", "date": "date"}),
    (
        ("log_fuel", "update_fuel"),
        "update_fuel",
        "fuel_id",
        {"litres": "litres", "amount": "total_cost", "date": "date", "odometer_km": "odometer_km"},
    ),
    (
        ("log_maintenance", "update_maintenance", LISTED_MAINTENANCE),
        "update_maintenance",
        "maintenance_id",
        {"amount": "cost", "date": "date", "odometer_km": "odometer_km"},
    ),
    (
        ("add_calendar_event", "update_calendar_event"),
        "update_calendar_event",
        "event_id",
        {"future_date": "date", "time": "time"},
    ),
)


_ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1}
_ORDINAL = re.compile(r"\bthe\s+(first|second|third|fourth|last)\s+(?:one|expense|purchase|item|entry)\b", re.IGNORECASE)


def _named_first(calls: list[dict[str, Any]], said: str, old_amount: Any = None) -> list[dict[str, Any]]:
    """The calls newest first, but one whose record the correction names ("lunch was actually $14", "the woolies one
    was 54 not 45": by its old amount) before the rest."""
    newest = list(reversed(calls))
    ordinal = _ORDINAL.search(said)
    if ordinal:  # "no, the first one was 24": the purchases in the order they were said
        made = [c for c in calls if (c.get("data") or {}).get("id")]
        index = _ORDINALS[ordinal[1].lower()]
        if -len(made) <= index < len(made):
            chosen = made[index]
            return [chosen] + [c for c in newest if c is not chosen]
    named = _words_of(said)

    was = f"{Decimal(str(old_amount)):.2f}" if old_amount is not None else None
    shop = brand_named(said)  # "the woolies one" names the Woolworths one

    def rank(call: dict[str, Any]) -> int:
        data = call.get("data") or {}
        if named & _record_words(call, "description", "merchant", "source", "task") or (shop and data.get("merchant") == shop):
            return 0
        return 1 if was is not None and was in (data.get("amount"), data.get("cost")) else 2

    return sorted(newest, key=rank)  # stable: newest first within each rank


_WHICH_RECORD = "Which record should I change? I can correct the entry I just made."


def correction_calls(intent: Intent, state: dict[str, Any]) -> list[ToolCall] | str:
    """Apply "actually make that $35" (or "it was 55 litres", "make it Friday") to the record PAM touched last."""
    slots = intent.slots
    if slots.get("places"):  # a route said again: the trip just planned is replaced by the one meant
        if any(call["name"] == "plan_trip" for call in state.get("last_calls") or []):
            return [ToolCall("undo_last_change", {}), ToolCall("plan_trip", {"places": slots["places"]})]
        return [ToolCall("plan_trip", {"places": slots["places"]})]
    if slots.get("kind"):
        return _kind_switch_calls(slots, state)
    calls = _with_listed(state.get("last_calls") or [])
    for call in _named_first(calls, str(slots.get("said") or ""), slots.get("old_amount")):
        data = call.get("data") or {}
        if call["name"] == "set_budget" and slots.get("amount") is not None:
            return [ToolCall("set_budget", {"category": data.get("category"), "amount": jsonable(slots["amount"])})]
        for made_by, tool, id_argument, takes in _CORRECTABLE:
            if call["name"] not in made_by or not data.get("id"):
                continue
            changes = {
                argument: jsonable(slots[slot]) for slot, argument in takes.items() if slots.get(slot) is not None
            }
            dated = data.get("date") or data.get("start")
            if "date" not in changes and slots.get("shift_days") and dated:  # "push it back a day", "the day before"
                moved = dt.date.fromisoformat(str(dated)[:10]) + dt.timedelta(days=slots["shift_days"])
                changes["date"] = moved.isoformat()
            if tool == "update_calendar_event" and "time" in changes and dated:
                changes["time"] = _same_half_of_day(changes["time"], str(dated), str(slots.get("said") or ""))
            if tool == "update_calendar_event" and "date" not in changes and slots.get("date"):
                changes["date"] = jsonable(slots["date"])  # "make it yesterday" said of a reminder: as said
            if slots.get("day_of_month") and dated and "date" in changes:  # "the 12th": of the record's month
                changes["date"] = _same_month(str(dated), int(slots["day_of_month"])) or changes["date"]
            if changes:
                return [ToolCall(tool, {id_argument: data["id"], **changes})]
    if slots.get("old_amount") is not None and slots.get("amount") is not None:  # "yesterday's diesel was $29 not $92"
        said = {"amount": "amount", "date": "date", "category": "category", "merchant": "description"}
        described = {name: jsonable(slots[slot]) for slot, name in said.items() if slots.get(slot) is not None}
        return [ToolCall("update_expense_described", {**described, "amount": jsonable(slots["old_amount"]),
                                                      "new_amount": jsonable(slots["amount"])})]
    return _WHICH_RECORD


def _same_half_of_day(time: str, start: str, said: str) -> str:
    """ "3:30" said of a 2:30 pm entry is 3:30 pm: a new time with no am or pm keeps the entry's half of the day."""
    if len(start) < 16 or re.search(r"\d\s*[ap]\b|\d\s*[ap]\.?m\b|\b(?:morning|noon|afternoon|evening|night|arvo)\b", said, re.I):
        return time
    new, old = dt.time.fromisoformat(time), dt.time.fromisoformat(start[11:16])
    return new.replace(hour=new.hour + 12).isoformat() if old.hour >= 12 and 1 <= new.hour < 12 else time


def _kind_switch_calls(slots: dict[str, Any], state: dict[str, Any]) -> list[ToolCall] | str:
    """An expense just recorded that was income or vehicle maintenance (or income that was an expense): removed, and
    recorded as meant."""
    calls = state.get("last_calls") or []
    last = calls[-1] if calls else {}
    data = last.get("data") or {}
    amount = jsonable(slots["amount"]) if slots.get("amount") is not None else data.get("amount")
    if slots["kind"] == "income" and last.get("name") in ("add_expense", "update_expense") and data.get("id"):
        source = data.get("description") or data.get("merchant") or "Income"
        return [
            ToolCall("delete_expense", {"expense_id": data["id"]}),
            ToolCall("add_income", {"amount": amount, "source": source, "date": data.get("date")}),
        ]
    if slots["kind"] == "maintenance" and last.get("name") == "log_maintenance":
        return "That's already in the maintenance log."
    if slots["kind"] == "maintenance" and last.get("name") in ("add_expense", "update_expense") and data.get("id"):
        work = data.get("description") or data.get("merchant") or "Maintenance"
        return [  # its expense is remade by the maintenance record, which owns it from then on
            ToolCall("delete_expense", {"expense_id": data["id"]}),
            ToolCall("log_maintenance", {"task": work, "cost": amount, "date": data.get("date")}),
        ]
    if slots["kind"] == "expense" and last.get("name") == "add_income" and data.get("id"):
        return [
            ToolCall("delete_income", {"income_id": data["id"]}),
            ToolCall("add_expense", {"amount": amount, "category": "other", "description": data.get("source") or "",
                                     "date": data.get("date")}),
        ]
    return _WHICH_RECORD


def _same_month(dated: str, day: int) -> str | None:
    """That day in the month of an ISO date or datetime, as an ISO date; None when the month has no such day."""
    try:
        return dt.date.fromisoformat(dated[:10]).replace(day=day).isoformat()
    except ValueError:
        return None


# Words that name no record: "no, the total was $40" must not pick "Lunch at the cafe" for its "the".
_NAMES_NOTHING = frozenset(
    "the was and at it that this for on in of to my our a an actually sorry no make change is be should "
    "total amount one wait hang oops meant mean".split()
)


def _words_of(text: str) -> set[str]:
    """The words of `text` that could name a record, singular ("coffees" names "Coffee")."""
    return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 1 and w not in _NAMES_NOTHING}


def _record_words(call: dict[str, Any], *fields: str) -> set[str]:
    """The words that name the record a call made, from those fields of its result."""
    data = call.get("data") or {}
    return _words_of(" ".join(str(data.get(field) or "") for field in fields))


_NOT_A_DESCRIPTION = frozenset(
    "the a an one expense entry purchase item bit that this my our record fill up fill-up from charge fee bill at in on".split()
)


def removal_calls(slots: dict[str, Any], state: dict[str, Any]) -> list[ToolCall] | str:
    """Delete the expense that "the coffee one" (or "the $25 one") names among those just recorded or shown, else
    the one its words, amount, date or category describe (a fill-up's or paid work's takes its record with it)."""
    which = str(slots.get("which") or "")
    if which == "duplicate":
        pair = _one_of_a_pair(_with_listed(state.get("last_calls") or []))
        if isinstance(pair, str) and (slots.get("what") is not None or slots.get("date")):  # recorded before
            what = with_brand_names(str(slots.get("what") or ""))
            given = {k: jsonable(slots[k]) for k in ("date", "category") if slots.get(k)}
            return [ToolCall("delete_expense_described", {"description": what, **given, "duplicate": True})]
        return pair
    named, amount = _words_of(which), leading_number(which)
    just_made = [] if slots.get("category") else _with_listed(state.get("recent_calls") or state.get("last_calls") or [])
    for call in reversed(just_made):
        data = call.get("data") or {}
        if call["name"] not in _EXPENSE_CALLS or not data.get("id"):
            continue
        described = _record_words(call, "description", "merchant", "category")
        if (named & described) or (amount is not None and str(amount) == data.get("amount")):
            return [ToolCall("delete_expense", {"expense_id": data["id"]})]
    described = " ".join(
        w for w in re.findall(r"[A-Za-z][\w'&-]*", with_brand_names(which)) if w.lower() not in _NOT_A_DESCRIPTION
    )
    found = {
        **({"description": described} if described else {}),
        **({"amount": str(amount)} if amount is not None else {}),
        **{k: jsonable(slots[k]) for k in ("category", "date") if slots.get(k)},
        **({"latest": True} if slots.get("latest") else {}),
    }
    if found:  # "delete the $12 laundromat expense": one recorded before this conversation
        return [ToolCall("delete_expense_described", found)]
    return "Which one should I remove? Say what it was for, or its amount."


def _one_of_a_pair(calls: list[dict[str, Any]]) -> list[ToolCall] | str:
    """Delete the newer of two expenses just made or shown that are the same purchase (amount, date, what, where)."""
    seen: dict[tuple[Any, ...], str] = {}
    for call in calls:
        data = call.get("data") or {}
        if call["name"] not in _EXPENSE_CALLS or not data.get("id"):
            continue
        key = same_purchase_key(data.get("amount"), data.get("date"), data.get("description"), data.get("merchant"))
        if key in seen:  # the newer goes: listings run newest first, calls in the order they were made
            newer = seen[key] if call["name"] == LISTED else data["id"]
            return [ToolCall("delete_expense", {"expense_id": newer})]
        seen[key] = data["id"]
    return "I can't see two entries that are the same. Which one should I remove? Say what it was for, or its amount."


# "the $9 one", "the second one", "the dryer one": which of the expenses PAM just asked about.
_PICK = re.compile(r"^(?:(?:oh|um|ok|yeah|yes)[\s,]+)*(?:it'?s\s+|it\s+was\s+)?(?:the\s+)?(?P<which>[\w$.' -]{1,30}?)"
                   r"(?:\s+(?:one|expense|entry))?[\s.!]*$", re.IGNORECASE)


# An answer that can only be a pick: "the $92 one", "$92", "the second one"
_ONLY_A_PICK = re.compile(r"\bone\s*[.!]*$|^\s*(?:the\s+)?\$?\d+(?:\.\d{1,2})?\s*[.!]*$", re.IGNORECASE)


_YES = re.compile(r"^\s*(?:yes|yeah|yep|yup|correct|that'?s\s+(?:it|the\s+one|right)|that\s+one)\b", re.IGNORECASE)
PICK = "pick_expense"  # the pending "intent" of a "Which of those do you mean?" asked again


def pick_asked(state: dict[str, Any]) -> dict[str, Any] | None:
    """What the last reply asked "Which one?" about (the expenses listed, what to do to the one picked), or None."""
    pending = state.get("pending") or {}
    if pending.get("intent") == PICK:
        return pending.get("slots")
    data = ((state.get("last_calls") or [{}])[-1]).get("data") or {}
    return data if data.get("items") and data.get("then") else None


def picked_calls(text: str, state: dict[str, Any]) -> list[ToolCall] | str | None:
    """The change PAM asked "which one?" about, made to the expense the answer picks; with an amount none of those
    listed has, the same request for that amount (it may be among those not listed); what to say when the answer
    can only be a pick but picks none; None when the message is not an answer."""
    data = pick_asked(state) or {}
    first = re.split(r"(?<=\w)[.,;!]\s+", text.strip())[0]  # "Marg's one. Col's is still on."
    items, then, m = data.get("items") or [], data.get("then"), _PICK.match(first)
    if not (items and then and m):
        return None
    id_argument = then.get("id_argument", "expense_id")
    then = {"tool": then["tool"], "arguments": then.get("arguments", {})}
    which = m["which"]
    ordinal = _ORDINALS.get(which.lower().split()[-1]) if which.split() else None
    amount = leading_number(which) if re.match(r"\$|\d", which) else None
    named = _words_of(which)
    if len(items) == 1 and _YES.match(text):  # "Did you mean …?" "yes"
        return [ToolCall(then["tool"], {id_argument: items[0]["id"], **then["arguments"]})]
    chosen = [
        item for i, item in enumerate(items)
        if (ordinal is not None and i == (ordinal % len(items)))
        or (amount is not None and item.get("amount") == f"{amount:.2f}")
        or (ordinal is None and amount is None and named & _words_of(f"{item.get('description')} {item.get('merchant')}"))
    ]
    if len(chosen) == 1:
        return [ToolCall(then["tool"], {id_argument: chosen[0]["id"], **then["arguments"]})]
    again = data.get("again")
    if not chosen and amount is not None and again:
        return [ToolCall(again["tool"], {**again["arguments"], "amount": f"{amount:.2f}"})]
    if _ONLY_A_PICK.search(text.strip()):
        example = items[0].get("amount")
        return f"Which of those do you mean? Say its amount or what it was, like “the ${example} one”."
    return None


def described_correction_calls(slots: dict[str, Any]) -> list[ToolCall]:
    """The correction of a record named by what it was: a fill-up's, a maintenance record's, an income entry's or an
    expense's amount, reading, date, shop or category."""
    what = with_brand_names(str(slots.get("what") or ""))
    given = {k: jsonable(v) for k, v in slots.items() if k not in ("kind", "what") and v is not None}
    kind = slots.get("kind")
    if kind == "fuel":
        renamed = {"amount": "total_cost", "new_amount": "new_total_cost", "new_merchant": "new_location"}
        args = {renamed.get(k, k): v for k, v in given.items()
                if k in (*renamed, "odometer_km", "new_odometer_km", "new_date", "litres", "new_litres")}
        return [ToolCall("update_fuel_described", {"location": what, **args})]
    if kind == "maintenance":
        renamed = {"new_amount": "new_cost"}
        args = {renamed.get(k, k): v for k, v in given.items() if k in (*renamed, "odometer_km", "new_odometer_km", "new_date")}
        return [ToolCall("update_maintenance_described", {"task": what, **args})]
    described = " ".join(w for w in re.findall(r"[A-Za-z][\w'&-]*", what) if w.lower() not in _NOT_A_DESCRIPTION)
    if kind == "income":
        args = {k: v for k, v in given.items() if k in ("amount", "date", "new_amount", "new_date")}
        return [ToolCall("update_income_described", {"description": described, **args})]
    args = {k: v for k, v in given.items() if k in ("category", "amount", "date", "new_category", "new_amount", "new_date",
                                                     "new_merchant")}
    if slots.get("merchant") and not described:
        described = str(slots["merchant"])
    named_kind = normalise_category(described) if len(described.split()) <= 2 and not args.get("category") else None
    if named_kind:  # "change the camping expense to $48": the category named, not words of a description
        args["category"], described = named_kind, ""
    return [ToolCall("update_expense_described", {"description": described, **args})]
