"""PAM's tools that take a record id refuse another user's id, through the same turn loop the agent runs.

The registry is enumerated: a tool with an id argument that `ID_TOOLS` does not cover fails the test.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.pam.agent import ConversationNotFound, run_turn, undo_change
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.tools import TOOLS
from wheels_wins.pam.types import ModelRequest, ModelResponse, ToolCall
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import trips as trip_repo


class ScriptedModel:
    """Asks for the scripted tool calls, then answers with text."""

    name = "scripted"

    def __init__(self, steps: list[ModelResponse]) -> None:
        self.steps = list(steps)

    async def request(self, request: ModelRequest, on_text: Any = None) -> ModelResponse:
        """The next scripted step."""
        return self.steps.pop(0)


def _chain(*calls: ToolCall) -> ProviderChain:
    return ProviderChain(
        [ScriptedModel([ModelResponse(tool_calls=list(calls)), ModelResponse(text="Done.")])], timeout=2
    )


Ids = dict[str, str]

# tool -> the arguments naming the owner's records. Every registered tool with an id argument must be here.
ID_TOOLS: dict[str, Callable[[Ids], dict[str, Any]]] = {
    "update_expense": lambda ids: {"expense_id": ids["expense"], "amount": "1.00", "description": "mine now"},
    "delete_expense": lambda ids: {"expense_id": ids["expense"]},
    "add_trip_stop": lambda ids: {"trip_id": ids["trip"], "place": "Goulburn"},
    "remove_trip_stop": lambda ids: {"trip_id": ids["trip"], "place": "Canberra"},
    "reorder_trip_stops": lambda ids: {"trip_id": ids["trip"], "order": ["Canberra", "Sydney"]},
    "move_trip_stop": lambda ids: {"trip_id": ids["trip"], "place": "Canberra", "before": "Sydney"},
    "cancel_calendar_event": lambda ids: {"event_id": ids["calendar"], "title": "Rego due"},
    "move_calendar_event": lambda ids: {"event_id": ids["calendar"], "title": "Rego due", "days": 1},
    "update_income": lambda ids: {"income_id": ids["income"], "amount": "1.00"},
    "delete_income": lambda ids: {"income_id": ids["income"]},
    "update_fuel": lambda ids: {"fuel_id": ids["fuel"], "litres": "1"},
    "update_maintenance": lambda ids: {"maintenance_id": ids["maintenance"], "cost": "1.00"},
    "update_calendar_event": lambda ids: {"event_id": ids["calendar"], "title": "mine now"},
}
OWNED = ("expense", "trip", "income", "fuel", "maintenance", "calendar")


def _takes_an_id(name: str) -> bool:
    return any(field.endswith(("_id", "_ids")) for field in TOOLS[name].arguments.model_fields)


def test_every_tool_that_takes_an_id_is_covered() -> None:
    id_tools = {name for name in TOOLS if _takes_an_id(name)}
    assert id_tools, "the registry has tools that take ids"
    assert id_tools == set(ID_TOOLS), f"cover the new id tools here: {sorted(id_tools - set(ID_TOOLS))}"


async def _records_of(user: User) -> tuple[Ids, uuid.UUID, uuid.UUID]:
    """One record of each kind the id tools change, made through PAM; the ids, the conversation and the message."""
    chain = _chain(
        ToolCall("add_expense", {"amount": "45", "category": "groceries", "merchant": "Woolworths"}),
        ToolCall("plan_trip", {"places": ["Sydney", "Canberra"], "title": f"{user.full_name}'s run"}),
        ToolCall("add_income", {"amount": "300", "source": "market stall"}),
        ToolCall("log_fuel", {"litres": "50", "total_cost": "97.50"}),
        ToolCall("log_maintenance", {"task": "Oil change", "cost": "180"}),
        ToolCall("add_calendar_event", {"title": "Rego due", "date": "2030-03-15"}),
    )
    turn = await run_turn(user_id=user.id, message="log all of these", chain=chain)
    assert all(call.result.ok for call in turn.tool_calls), [c.result.summary for c in turn.tool_calls]
    ids = {kind: call.result.data["id"] for kind, call in zip(OWNED, turn.tool_calls, strict=True)}
    return ids, turn.conversation_id, turn.message_id


def _state(session: Session, user: User, ids: Ids) -> tuple[Any, ...]:
    session.expire_all()
    getters: dict[str, Callable[[uuid.UUID], Any]] = {
        "expense": lambda i: expense_repo.get(session, user_id=user.id, expense_id=i),
        "trip": lambda i: trip_repo.get(session, user_id=user.id, trip_id=i),
        "income": lambda i: income_repo.get(session, user_id=user.id, income_id=i),
        "fuel": lambda i: fuel_repo.get(session, user_id=user.id, fuel_id=i),
        "maintenance": lambda i: maintenance_repo.get(session, user_id=user.id, record_id=i),
        "calendar": lambda i: calendar_repo.get(session, user_id=user.id, event_id=i),
    }
    records = {kind: getters[kind](uuid.UUID(ids[kind])) for kind in OWNED}
    assert all(record is not None for record in records.values()), records
    stops = [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=records["trip"].id)]
    return {kind: record.model_dump() for kind, record in records.items()}, stops


@pytest.mark.parametrize("tool_name", list(ID_TOOLS))
async def test_a_tool_given_another_users_id_finds_nothing(make_user, session: Session, tool_name: str) -> None:
    alice, bob = make_user(full_name="Alice"), make_user(full_name="Bob")
    alice_ids, _, _ = await _records_of(alice)
    bob_ids, _, _ = await _records_of(bob)  # Bob's own active trip must not be changed instead
    before = _state(session, alice, alice_ids), _state(session, bob, bob_ids)

    turn = await run_turn(
        user_id=bob.id, message="change that", chain=_chain(ToolCall(tool_name, ID_TOOLS[tool_name](alice_ids)))
    )

    result = turn.tool_calls[0].result
    assert result.ok is False and "couldn't find" in result.summary, result.summary
    assert (_state(session, alice, alice_ids), _state(session, bob, bob_ids)) == before


async def test_another_users_conversation_and_undo_are_out_of_reach(make_user, session: Session) -> None:
    alice, bob = make_user(), make_user()
    alice_ids, conversation_id, message_id = await _records_of(alice)
    before = _state(session, alice, alice_ids)

    with pytest.raises(ConversationNotFound):
        await run_turn(
            user_id=bob.id,
            message="undo that",
            conversation_id=conversation_id,
            chain=_chain(ToolCall("undo_last_change", {})),
        )
    for index in range(len(OWNED)):
        assert await undo_change(user_id=bob.id, message_id=message_id, index=index) is None
    own = await run_turn(user_id=bob.id, message="undo that", chain=_chain(ToolCall("undo_last_change", {})))
    assert own.tool_calls[0].result.ok is False

    assert _state(session, alice, alice_ids) == before


# Shared by design: the community feed shows every member's posts; navigate reads nothing.
PUBLIC_TOOLS = frozenset({"read_feed", "navigate"})
_IDS_AND_CLOCKS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{2}:\d{2}:\d{2}(?:\.\d+)?")
ALICE_MARKS = ("4321", "4,321", "8765", "8,765", "Zanzibar", "Alice", "77.7", "333.33", "999")


async def test_every_reading_tool_shows_only_the_users_own_records(make_user) -> None:
    alice, bob = make_user(full_name="Alice"), make_user(full_name="Bob")
    chain = _chain(
        ToolCall("add_expense", {"amount": "4321.77", "category": "groceries", "merchant": "Zanzibar Stores"}),
        ToolCall("add_income", {"amount": "8765.43", "source": "Zanzibar"}),
        ToolCall("log_fuel", {"litres": "77.7", "total_cost": "333.33", "odometer_km": 120000}),
        ToolCall("set_budget", {"category": "fuel", "amount": "999"}),
        ToolCall("plan_trip", {"places": ["Sydney", "Canberra"], "title": "Alice to Zanzibar"}),
        ToolCall("add_calendar_event", {"title": "Zanzibar dentist", "date": "2030-03-15"}),
        ToolCall("add_maintenance_schedule", {"task": "Zanzibar service", "every_km": 10000}),
    )
    made = await run_turn(user_id=alice.id, message="log all of these", chain=chain)
    assert all(call.result.ok for call in made.tool_calls), [c.result.summary for c in made.tool_calls]

    reading = sorted(name for name, t in TOOLS.items() if not t.mutates and name not in PUBLIC_TOOLS)
    assert {"spending_summary", "income_summary", "net_income", "fuel_bought", "budget_status"} <= set(reading)
    needs = {"route_distance": {"places": ["Sydney", "Canberra"]}}  # the fuel cost of a drive, from Bob's own fill-ups
    turn = await run_turn(
        user_id=bob.id, message="tell me everything", chain=_chain(*(ToolCall(name, needs.get(name, {})) for name in reading))
    )
    for call in turn.tool_calls:
        assert call.result.ok, (call.name, call.result.summary)
        shown = json.dumps({"summary": call.result.summary, **call.result.data}, default=str)
        shown = _IDS_AND_CLOCKS.sub("", shown)  # a random id or a timestamp's microseconds may hold "999" by chance
        assert not [mark for mark in ALICE_MARKS if mark in shown], (call.name, shown)
