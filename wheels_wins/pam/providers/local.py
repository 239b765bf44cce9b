"""The local engine: PAM without a network, behind the same provider interface as the models.

It reads the newest user message with the rule-based parser in `pam.local`, turns it into calls
of the shared tools, asks a short question when a required detail is missing (remembering the
half-filled request in `pending`), and words the reply from the tools' structured results.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from wheels_wins.pam.local.amounts import parse_money
from wheels_wins.pam.local.arithmetic import price_sum_reply
from wheels_wins.pam.local.followups import starts_with_cue
from wheels_wins.pam.local.intents import Intent, classify, past_record_fix
from wheels_wins.pam.local.several_requests import several_requests
from wheels_wins.pam.local.spending_list import spending_items
from wheels_wins.pam.local.story_requests import purchase_said_before
from wheels_wins.pam.providers.base import TextSink
from wheels_wins.pam.providers.local_follow_ups import (
    asked_again,
    budget_just_touched,
    calendar_just_listed,
    fill_pending,
    route_just_asked,
    same_again,
)
from wheels_wins.pam.providers.local_records import (
    PICK,
    correction_calls,
    described_correction_calls,
    jsonable,
    pick_asked,
    picked_calls,
    removal_calls,
    shown_alone,
)
from wheels_wins.pam.tools.common import record_named
from wheels_wins.pam.types import ChatMessage, ModelRequest, ModelResponse, ToolCall
from wheels_wins.services import units
from wheels_wins.services.categories import CATEGORY_LABELS, infer_category
from wheels_wins.services.money import format_money

TOOL_PERIODS = {"today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_year", "all_time"}
QUESTIONS = {
    ("add_expense", "amount"): "How much was it, and what was it for?",
    ("add_income", "amount"): "How much did you earn?",
    ("log_fuel", "litres"): "How many litres did you put in?",
    ("log_fuel", "total_cost"): "What did the fill-up cost in total?",
    ("set_budget", "category"): "Which spending category is the budget for?",
    ("set_budget", "amount"): "How much a month should the budget be?",
    ("change_budget", "category"): "Which budget should I change?",
    ("change_budget", "amount"): "By how much? Say an amount or a percentage.",
    ("remove_expense", "which"): "Which expense should I delete? Say what it was for, or its amount.",
    ("log_maintenance", "task"): "What work was done on the vehicle?",
    ("plan_trip", "places"): "Where are you starting from, and where are you heading?",
    ("add_calendar", "title"): "What should the reminder say?",
    ("add_calendar", "date"): "Which date should I put it on?",
    ("create_post", "content"): "What would you like to post to the community?",
}
SMALL_TALK = {
    "greeting": "G'day! I can log expenses, fuel and maintenance, set budgets, plan trips and add reminders. "
    "Try “add $50 fuel” or “plan a trip from Sydney to Melbourne”.",
    "thanks": "You're welcome — safe travels!",
    "help": "Tell me what happened or what you need: “spent $45 on groceries at Woolworths”, “filled up 62 L for $118”, "
    "“how's my fuel budget?”, “how much have we saved this month?”, “remind me to renew the rego on 15 March”, "
    "“plan Brisbane to Cairns”, or “undo that”. Several purchases in one message work too.",
}
UNKNOWN = (
    "I'm not sure what you'd like me to do. I can record expenses, income, fuel and maintenance, set budgets, "
    "plan trips, add reminders and post to the community — what do you need?"
)


def _slots_json(slots: dict[str, Any]) -> dict[str, Any]:
    return {k: jsonable(v) for k, v in slots.items() if v not in (None, "", [])}


def _pick(slots: dict[str, Any], *names: str) -> dict[str, Any]:
    return {n: jsonable(slots[n]) for n in names if slots.get(n) not in (None, "", [])}


def _from_now(slots: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """A reminder said as "in 2 hours": its date and time from the user's local now (to the minute), when known."""
    if not slots.get("in_minutes") or not state.get("now"):
        return slots
    at = dt.datetime.fromisoformat(state["now"]) + dt.timedelta(minutes=int(slots["in_minutes"]))
    return {**slots, "date": at.date(), "time": at.time().replace(second=0, microsecond=0)}


def _range_args(slots: dict[str, Any]) -> dict[str, Any]:
    period = slots.get("period")
    if period in TOOL_PERIODS:
        return {"period": period}
    if slots.get("start") and slots.get("end"):
        return {"start": jsonable(slots["start"]), "end": jsonable(slots["end"])}
    return {}


_DISTANCE_UNIT = re.compile(r"\d\s?(?:k\s?)?(?:kms?|kilomet(?:re|er)s?|klicks?|k's|miles?|mi)\b", re.IGNORECASE)


def _readings_in_users_units(intent: Intent, text: str, state: dict[str, Any]) -> Intent:
    """Odometer readings given without a unit are in the user's units: miles for imperial users.

    Readings with a unit ("at 85,300 km", "45,000 miles") were converted to km when read.
    """
    readings = [key for key in ("odometer_km", "next_due_km") if intent.slots.get(key) is not None]
    if state.get("units") != "imperial" or not readings or _DISTANCE_UNIT.search(text):
        return intent
    slots = dict(intent.slots)
    for key in readings:
        slots[key] = round(units.display_to_km(float(slots[key]), "imperial"))
    return dataclasses.replace(intent, slots=slots)


# Budgets are monthly: "$150 a week" is 150 × 52 / 12 a month.
_MONTHS_PER = {"weekly": Decimal(52) / 12, "fortnightly": Decimal(26) / 12, "yearly": Decimal(1) / 12}


def _monthly(slots: dict[str, Any]) -> dict[str, Any]:
    factor = _MONTHS_PER.get(slots.get("period", "monthly"))
    if factor is None or slots.get("amount") is None:
        return slots
    return {**slots, "amount": (Decimal(slots["amount"]) * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)}


def _unsaid_purpose(intent: Intent, pending: dict[str, Any] | None) -> tuple[str, ...]:
    """("description",) when a message records an amount and nothing of what it was for ("log 60 bucks")."""
    s = intent.slots
    vague = s.get("category") in (None, "other") and not s.get("description") and not s.get("merchant")
    return ("description",) if intent.name == "add_expense" and s.get("amount") and vague and not pending else ()


def _from_home_base(intent: Intent, state: dict[str, Any]) -> Intent:
    """"Plan a trip to Uluru" starts at the traveller's home base when they have one (else PAM asks where from)."""
    home, destination = (state.get("home_base") or "").strip(), intent.slots.get("destination")
    if intent.name != "plan_trip" or intent.slots.get("places") or not (home and destination):
        return intent
    if home.split(",")[0].strip().lower() == str(destination).lower():
        return intent
    return dataclasses.replace(intent, slots={**intent.slots, "places": [home, destination]})


# "carry on to Kalbarri": past the last stop (the tool clamps a position beyond the end to the end).
_PAST_THE_END = 10_000


def tool_calls_for(intent: Intent, state: dict[str, Any]) -> list[ToolCall] | str:
    """The tool calls that carry out a complete intent, or the text reply when no tool applies."""
    s, name = intent.slots, intent.name
    simple: dict[str, tuple[str, dict[str, Any]]] = {
        "add_expense": ("add_expense", {"category": s.get("category") or "other", **_pick(s, "amount", "date", "description", "merchant")}),
        "set_budget": ("set_budget", _pick(_monthly(s), "category", "amount", "same_as", "as_spent")),
        "budget_status": ("budget_status", _pick(s, "category")),
        "spending_query": ("spending_summary", {**_range_args(s), **_pick(s, "category", "merchant", "leave_out", "also_all_time")}),
        "list_expenses": ("list_expenses", {**_range_args(s), **_pick(s, "category", "limit", "largest_first", "search")}),
        "add_income": ("add_income", {"source": s.get("source") or "Income", **_pick(s, "amount", "date", "description")}),
        "income_query": ("income_summary", {**_range_args(s), **_pick(s, "source")}),
        "net_query": ("net_income", _range_args(s)),
        "fuel_query": ("fuel_bought", {"latest_only": True} if s.get("latest") else _pick(s, "last_fills") or
                       {**_range_args(s), **_pick(s, "location")}),
        "log_fuel": ("log_fuel", _pick(s, "litres", "total_cost", "price_per_litre", "odometer_km", "location", "date")),
        "log_maintenance": ("log_maintenance", _pick(s, "task", "date", "odometer_km", "cost", "next_due_km", "next_due_date", "workshop")),
        "maintenance_due": ("maintenance_due", {"task": s["task"].split()[0].lower()} if s.get("task") else {}),
        "maintenance_query": ("maintenance_history", _pick(s, "task", "limit")),
        "fuel_economy": ("fuel_consumption", {}),
        "add_schedule": ("add_maintenance_schedule", _pick(s, "task", "every_km", "every_months")),
        "plan_trip": ("plan_trip", _pick(s, "places", "start_date", "title")),
        "route_distance": ("route_distance", _pick(s, "places")),
        "add_trip_stop": ("add_trip_stop", _stop_args(s, state)),
        "remove_trip_stop": ("remove_trip_stop", {**_pick(s, "place"), **_trip_meant(s, state)}),
        "list_trips": ("list_trips", {}),
        "add_calendar": ("add_calendar_event", _pick(_from_now(s, state), "title", "date", "time")),
        "upcoming_events": ("upcoming_events", {}),
        "create_post": ("create_post", _pick(s, "content")),
        "read_feed": ("read_feed", {}),
        "navigate": ("navigate", _pick(s, "to")),
        "undo": ("undo_last_change", {}),
    }
    if name == "correction":
        return correction_calls(intent, state)
    if name == "price_sum":  # "if sites are $45 a night, what's that for a week?": worked out, not recorded
        return price_sum_reply(s, state.get("currency") or "AUD")
    if name == "correct_described":  # "I put the oil change in at 85000 km but it was actually 58000"
        return described_correction_calls(s)
    if name == "delete_post":  # "delete my post about the generator"
        return [ToolCall("delete_own_post", {"about": s["about"]})]
    if name == "edit_post":  # "fix the spelling in my Rotorua post: recomendation should be recommendation"
        return [ToolCall("edit_own_post", {"about": s["about"], "old_text": s["old"], "new_text": s["new"]})]
    if name in ("cancel_event", "move_event"):  # "cancel the vet appointment", "push the mechanic booking back a day"
        tool = "cancel_calendar_event" if name == "cancel_event" else "move_calendar_event"
        return [ToolCall(tool, {k: jsonable(v) for k, v in s.items() if k in ("title", "days", "date", "time", "duplicate")})]
    if name == "remove_expense":
        return removal_calls(s, state)
    if name == "add_trip_stop" and s.get("more"):  # "add Canmore between Calgary and Banff, and Lake Louise after Banff"
        later = [{**more, **_pick(s, "trip")} for more in s["more"]]  # each its own place; only the trip is shared
        return [ToolCall("add_trip_stop", _stop_args(stop, state)) for stop in [s, *later]]
    if name == "move_trip_stop":  # "on the North Island loop, can we do Taupo before Rotorua?"
        return [ToolCall("move_trip_stop", {**_pick(s, "place", "before", "after", "swap_with"), **_trip_meant(s, state)})]
    if name == "delete_trip":  # "delete the Uluru trip"
        return [ToolCall("delete_trip", {"trip_named": s["trip"]})]
    if name == "spending_query" and s.get("periods"):  # "March 2025 compared with April 2025": a total each
        return [ToolCall("spending_summary", {"start": jsonable(start), "end": jsonable(end), **_pick(s, "category")})
                for start, end in s["periods"]]
    if name == "spending_query" and s.get("categories"):  # "eating out vs groceries": each, together and the difference
        return [ToolCall("spending_summary", {**_range_args(s), "categories": list(s["categories"])})]
    if name == "budget_status" and s.get("categories"):
        return [ToolCall("budget_status", {"category": category}) for category in s["categories"]]
    if name == "change_budget":  # "raise my groceries budget by $50", "halve the dining budget"
        by = {"percent": str(s["percent"])} if s.get("percent") else {"by": jsonable(_monthly(s).get("amount"))}
        return [ToolCall("adjust_budget", {**_pick(s, "category"), "direction": s["change"], **by})]
    if name in simple:
        tool, args = simple[name]
        if s.get("page"):  # "show me my expenses": the list in the reply, and the page
            return [ToolCall(tool, args), ToolCall("navigate", {"to": s["page"]})]
        return [ToolCall(tool, args)]
    return SMALL_TALK.get(name, UNKNOWN)


def _told_of_purchase(text: str) -> str:
    """The reply to a message that asks nothing: an offer to log what it tells of ("we just drove off the
    Interislander" → the ferry fare, under transport), else the general `UNKNOWN`."""
    category = infer_category(text)
    if category in (None, "other") or parse_money(text) or not _DONE.search(text) or _BAD_NEWS.search(text):
        return UNKNOWN
    return (f"If that cost you something, tell me how much (“log $40 for it”) and I'll put it under "
            f"{CATEGORY_LABELS[category].lower()}.")


_DONE = re.compile(r"\b(?:went|took|drove|caught|did|had|visited|rode|saw|got\s+back|came\s+back|came\s+off|drove\s+off|"
                   r"just\s+(?:got|did|had|left))\b", re.IGNORECASE)
_BAD_NEWS = re.compile(r"\b(?:cancel\w*|sick|ill|hospital|broke|broken|died|accident|injur\w*|ridiculous|closed|lost|stolen|"
                       r"flat|crash\w*)\b", re.IGNORECASE)


_TRIP_TOOLS = ("plan_trip", "add_trip_stop", "remove_trip_stop", "reorder_trip_stops", "move_trip_stop")


def _stop_args(slots: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """add_trip_stop's arguments: the place, the trip meant and where among its stops."""
    return {**_pick(slots, "place", "after", "before"), **_trip_meant(slots, state),
            **({"position": _PAST_THE_END} if slots.get("at_end") else {})}


def _trip_meant(slots: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """The trip a stop change is for: the one named ("the esperance trip"), else the one just planned or changed."""
    return {"trip_named": slots["trip"]} if slots.get("trip") else _last_trip(state)


def _last_trip(state: dict[str, Any]) -> dict[str, Any]:
    """The trip PAM just planned or changed, as a tool argument; without one the tools take the active trip."""
    for call in reversed(state.get("last_calls") or []):
        if call["name"] in _TRIP_TOOLS and (call.get("data") or {}).get("id"):
            return {"trip_id": call["data"]["id"]}
    return {}


# A record deleted and made again as another kind ("it's income not an expense"): said as the one change it is.
_SWITCHES: dict[tuple[str | None, ...], str] = {
    ("delete_expense", "add_income"): "Recorded as income instead",
    ("delete_income", "add_expense"): "Recorded as an expense instead",
    ("delete_expense", "log_maintenance"): "Moved to the maintenance log",
}


def _compose(messages: list[ChatMessage]) -> str:
    """Word the reply from this turn's tool results."""
    results = [m for m in messages if m.role == "tool"]
    switch = _SWITCHES.get(tuple(m.tool_name for m in results))
    if switch and all(json.loads(m.content)["ok"] for m in results):
        made = json.loads(results[-1].content)["result"].get("summary", "")
        return f"{switch}: {record_named(made) or made}".rstrip(".") + "."
    added = [json.loads(m.content) for m in results if m.tool_name == "add_trip_stop"]
    if len(added) > 1 and len(added) == len(results) and all(a["ok"] for a in added):
        # "Added Canmore and Lake Louise: Calgary → …": the route once, as it ends up
        names = [_ADDED.match(a["result"]["summary"]) for a in added]
        if all(names):
            said = [n[1] for n in names if n]
            last = _ADDED.sub("", added[-1]["result"]["summary"]).rstrip(".")
            return f"Added {', '.join(said[:-1])} and {said[-1]}: {last}."
    lines = []
    for message in results:
        payload = json.loads(message.content)
        summary = payload["result"].get("summary", "")
        lines.append(summary if payload["ok"] else f"Sorry — {summary}")
    lines = [line.rstrip(".") for line in lines if line]
    trips = {m[1] for line in lines if (m := _ON_TRIP.search(line))}
    if len(lines) > 1 and len(trips) == 1 and all(_ON_TRIP.search(line) for line in lines):  # said once, not per line
        lines = [_ON_TRIP.sub("", line) for line in lines]
        lines[-1] += f", all on your trip “{trips.pop()}”"
    text = ". ".join(lines)
    if re.search(r"\n- [^\n]*$", text):
        return text  # ends with a list: no full stop after its last item
    return (text if text.endswith(("?", "!")) else text + ".") if text else "Done."


_ON_TRIP = re.compile(r" on your trip “([^”]+)”$")
_ADDED = re.compile(r"^Added ([^:]+): ")


class LocalEngine:
    """Rule-based PAM that understands common requests without any network."""

    name = "local"
    needs_context = False  # it reads the newest message and `state`: no data snapshot, no older turns

    def respond(self, request: ModelRequest) -> ModelResponse:
        """Plan tool calls for the newest message, or word the reply once tool results are in."""
        last_user = max(i for i, m in enumerate(request.messages) if m.role == "user")
        if any(m.role == "tool" for m in request.messages[last_user + 1 :]):
            return ModelResponse(text=_compose(request.messages[last_user + 1 :]))
        return self._plan(request.messages[last_user].content, request.state)

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> ModelResponse:
        """`respond`, for the chain: the last to answer when the remote models fail."""
        response = self.respond(request)
        if on_text and response.text:
            await on_text(response.text)
        return response

    def _plan(self, text: str, state: dict[str, Any]) -> ModelResponse:
        today = dt.date.fromisoformat(state["today"]) if state.get("today") else dt.date.today()
        picked = picked_calls(text, state)  # "the $9 one", answering "Which one? I found 2: …"
        if isinstance(picked, str):  # still asking which: the question stands for the next answer
            return ModelResponse(text=picked, pending={"intent": PICK, "slots": pick_asked(state), "missing": []})
        if picked:
            return ModelResponse(tool_calls=picked)
        pending = state.get("pending") if (state.get("pending") or {}).get("intent") != PICK else None
        several = None if pending else several_requests(text, today)
        if several:  # "Pension's in, $1,802.40, and we spent $156.35 at Aldi. Make the groceries budget $750"
            planned = [tool_calls_for(_readings_in_users_units(part, text, state), state) for part in several]
            return ModelResponse(tool_calls=[call for calls in planned if not isinstance(calls, str) for call in calls])
        intent = ((fill_pending(pending, text, today) if pending else None) or asked_again(text, state, today)
                  or same_again(text, state, today))
        intent = _from_home_base(_readings_in_users_units(intent or classify(text, today), text, state), state)
        intent = budget_just_touched(intent, text, state, today)
        intent = calendar_just_listed(route_just_asked(intent, text, state), state)
        if intent.name == "correction":
            intent = dataclasses.replace(intent, slots={**intent.slots, "said": text})
        nothing_made = intent.name == "correction" and isinstance(correction_calls(intent, state), str)
        described = past_record_fix(text, today) if nothing_made else None
        if described and str(described.slots.get("what") or "").lower() not in ("", "it", "that", "this"):
            intent = described  # "the front brake pads in the maintenance log should be $420, not $240"
        elif (
            nothing_made
            and not starts_with_cue(text)  # "actually it was $180" still asks which record
            and not re.match(r"\s*(?:fix|correct|change|update|amend)\b", text, re.IGNORECASE)
            and not re.search(r"\bnot\s+\$?\d|\b(?:fix|correct)\s+(?:it|that|this)\b", text, re.IGNORECASE)
        ):
            fresh = described or classify(text, today, follow_up=False)  # nothing just made
            intent = fresh if fresh.name != "unknown" else intent
        if intent.name == "undo" and intent.slots.get("kind") == "expense" and not state.get("recent_calls"):
            intent = Intent("remove_expense", 0.9, {})  # "delete that expense" with nothing done here yet: which?
        shown = shown_alone(state)
        if intent.name == "undo" and shown and re.search(r"\b(?:delete|remove|scrap|bin|get\s+rid)\b", text, re.I):
            return ModelResponse(tool_calls=[ToolCall("delete_expense", {"expense_id": shown})])  # the one just shown
        if not pending:
            intent = purchase_said_before(intent, text, state.get("said_before"), today, classify)
        missing = intent.missing or _unsaid_purpose(intent, pending)
        if missing:
            question = QUESTIONS.get((intent.name, missing[0]), "Could you give me a few more details?")
            if intent.name == "plan_trip" and intent.slots.get("destination"):
                question = f"Where are you starting from on the way to {intent.slots['destination']}?"
            if intent.name == "move_event":
                question = (f"When should “{intent.slots['title']}” move to? Say a day and time, or how many days "
                            "later or earlier.")
            if missing[0] == "description":
                amount = format_money(Decimal(str(intent.slots["amount"])), state.get("currency") or "AUD")
                question = f"What was the {amount} for?"
            return ModelResponse(
                text=question,
                pending={"intent": intent.name, "slots": _slots_json(intent.slots), "missing": list(missing)},
            )
        items = spending_items(text, today) if intent.name == "add_expense" and not pending else None
        if items:  # "spent 40 at aldi and 25 on coffees": an expense each
            return ModelResponse(tool_calls=[call for item in items for call in tool_calls_for(item, state)])
        planned = tool_calls_for(intent, state)
        if isinstance(planned, str):
            return ModelResponse(text=_told_of_purchase(text) if planned == UNKNOWN else planned)
        return ModelResponse(tool_calls=planned)
