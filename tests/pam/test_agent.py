"""The turn loop on a scripted model (tools in their own transactions) and on the local engine alone (the turn in
one transaction, each tool in a savepoint): replies persist, failures are undone alone, undo works."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.stubs.geo_services import OsrmStub
from tests.stubs.server import serve
from wheels_wins.models import PamMessage, Trip
from wheels_wins.pam.agent import ConversationNotFound, SignedOut, run_turn
from wheels_wins.pam.providers.base import ProviderError
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.pam.types import ModelRequest, ModelResponse, ToolCall
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import pam as pam_repo
from wheels_wins.settings import get_settings


class ScriptedModel:
    """Answers each step from a queue; records what it was sent."""

    def __init__(self, name: str, steps: list[ModelResponse | Exception]) -> None:
        self.name, self.steps, self.requests = name, list(steps), []

    async def request(self, request: ModelRequest, on_text=None) -> ModelResponse:
        self.requests.append(request)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        if on_text and step.text:
            await on_text(step.text)
        return step


def _chain(*models: ScriptedModel) -> ProviderChain:
    return ProviderChain(list(models), timeout=2)


async def test_tool_call_is_executed_and_reply_persisted(make_user, session) -> None:
    user = make_user()
    model = ScriptedModel("scripted", [
        ModelResponse(tool_calls=[ToolCall("add_expense", {"amount": "45", "category": "groceries", "merchant": "Woolworths"})]),
        ModelResponse(text="Logged $45.00 groceries at Woolworths."),
    ])
    result = await run_turn(user_id=user.id, message="I spent $45 on groceries at Woolworths", chain=_chain(model))
    assert result.provider == "scripted"
    assert [c.result.ok for c in result.tool_calls] == [True]
    assert "expenses" in result.changed
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("45.00") and rows[0].merchant == "Woolworths"
    # The second step saw the tool result.
    assert model.requests[1].messages[-1].role == "tool"
    history = pam_repo.messages(session, user_id=user.id, conversation_id=result.conversation_id)
    assert [m.role for m in history] == ["user", "assistant"]
    assert history[1].tool_calls[0]["undo"]["op"] == "delete"


async def test_invalid_arguments_give_honest_failure_and_write_nothing(make_user, session) -> None:
    user = make_user()
    model = ScriptedModel("scripted", [
        ModelResponse(tool_calls=[ToolCall("add_expense", {"amount": "-5", "category": "fuel"})]),
        ModelResponse(text="That amount doesn't look right."),
    ])
    result = await run_turn(user_id=user.id, message="add -5 fuel", chain=_chain(model))
    assert not result.tool_calls[0].result.ok
    assert "amount" in result.tool_calls[0].result.summary
    assert expense_repo.list_page(session, user_id=user.id)[1] == 0


async def test_unknown_tool_is_a_failure_not_a_crash(make_user) -> None:
    user = make_user()
    model = ScriptedModel("scripted", [ModelResponse(tool_calls=[ToolCall("drop_tables", {})]), ModelResponse(text="Sorry.")])
    result = await run_turn(user_id=user.id, message="hi", chain=_chain(model))
    assert result.tool_calls[0].result.ok is False


async def test_failover_to_next_provider(make_user) -> None:
    user = make_user()
    broken = ScriptedModel("broken", [ProviderError("500")])
    backup = ScriptedModel("backup", [ModelResponse(text="Hello from backup")])
    result = await run_turn(user_id=user.id, message="hello", chain=_chain(broken, backup))
    assert (result.provider, result.reply) == ("backup", "Hello from backup")


async def test_circuit_breaker_skips_a_failing_provider(make_user) -> None:
    user = make_user()
    broken = ScriptedModel("broken", [ProviderError("500")] * 3)
    backup = ScriptedModel("backup", [ModelResponse(text="ok")] * 4)
    chain = _chain(broken, backup)
    for _ in range(4):
        await run_turn(user_id=user.id, message="hello", chain=chain)
    assert len(broken.requests) == 3  # the fourth turn skipped it


async def test_conversation_of_another_user_is_not_found(make_user) -> None:
    alice, bob = make_user(), make_user()
    model = ScriptedModel("scripted", [ModelResponse(text="hi")])
    first = await run_turn(user_id=alice.id, message="hello", chain=_chain(model))
    with pytest.raises(ConversationNotFound):
        await run_turn(user_id=bob.id, message="hello", conversation_id=first.conversation_id, chain=_chain(model))
    with pytest.raises(ConversationNotFound):
        await run_turn(user_id=alice.id, message="hello", conversation_id=uuid.uuid4(), chain=_chain(model))


async def test_a_failed_credential_check_stops_the_turn_before_anything_is_saved(make_user, session) -> None:
    alice, bob = make_user(), make_user()
    model = ScriptedModel("scripted", [ModelResponse(text="hi")])
    with pytest.raises(SignedOut):
        await run_turn(user_id=alice.id, message="hello", chain=_chain(model), authorize=lambda _session: None)
    with pytest.raises(SignedOut):  # a token of someone else's is no better
        await run_turn(user_id=alice.id, message="hello", chain=_chain(model), authorize=lambda _session: bob)
    assert model.requests == []
    assert session.exec(select(PamMessage)).all() == []

    turn = await run_turn(user_id=alice.id, message="hello", chain=_chain(model), authorize=lambda _session: alice)
    assert turn.reply == "hi"


async def test_undo_reverses_the_last_change_only_once(make_user, session) -> None:
    user = make_user()
    model = ScriptedModel("scripted", [
        ModelResponse(tool_calls=[ToolCall("add_expense", {"amount": "80", "category": "mechanic"})]),
        ModelResponse(text="Logged."),
        ModelResponse(tool_calls=[ToolCall("undo_last_change", {})]),
        ModelResponse(text="Undone."),
        ModelResponse(tool_calls=[ToolCall("undo_last_change", {})]),
        ModelResponse(text="Nothing to undo."),
    ])
    chain = _chain(model)
    first = await run_turn(user_id=user.id, message="spent $80 at the mechanic", chain=chain)
    assert expense_repo.list_page(session, user_id=user.id)[1] == 1
    second = await run_turn(user_id=user.id, message="undo that", conversation_id=first.conversation_id, chain=chain)
    assert second.tool_calls[0].result.ok
    session.expire_all()
    assert expense_repo.list_page(session, user_id=user.id)[1] == 0
    third = await run_turn(user_id=user.id, message="undo that", conversation_id=first.conversation_id, chain=chain)
    assert not third.tool_calls[0].result.ok


async def test_a_crashing_tool_leaves_no_half_written_record(make_user, session, monkeypatch) -> None:
    """plan_trip writes a trip then its stops; an error in between must leave nothing behind."""
    from wheels_wins.services import trips as trip_service

    user = make_user()

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(trip_service, "set_stops", explode)  # a third-party failure mid-write
    model = ScriptedModel("scripted", [
        ModelResponse(tool_calls=[ToolCall("plan_trip", {"places": ["Sydney", "Canberra"]})]),
        ModelResponse(text="Sorry."),
    ])
    result = await run_turn(user_id=user.id, message="plan Sydney to Canberra", chain=_chain(model))
    assert result.tool_calls[0].result.ok is False
    from wheels_wins.models import Trip

    assert session.exec(select(Trip).where(Trip.user_id == user.id)).all() == []


async def test_the_data_snapshot_is_built_only_for_providers_that_read_the_prompt(make_user) -> None:
    user = make_user()
    remote = ScriptedModel("scripted", [ModelResponse(text="Hi!")])
    await run_turn(user_id=user.id, message="hello", chain=_chain(remote))
    assert "This month: spent" in remote.requests[0].system

    offline = ProviderChain([LocalEngine()], timeout=2)
    assert offline.needs_context is False
    assert _chain(remote, LocalEngine()).needs_context is True
    result = await run_turn(user_id=user.id, message="hello", chain=offline)
    assert result.provider == "local" and result.reply


async def test_a_trip_planned_by_pam_is_routed_by_road_when_a_router_answers(make_user, session, monkeypatch) -> None:
    user = make_user()
    osrm = OsrmStub()
    with serve(osrm.app) as url:
        monkeypatch.setattr(get_settings(), "routing_url", url)
        result = await run_turn(user_id=user.id, message="plan a trip from Sydney to Melbourne via Canberra")
    assert result.tool_calls[0].name == "plan_trip" and result.tool_calls[0].result.ok
    trip = session.exec(select(Trip).where(Trip.user_id == user.id)).one()
    assert trip.route_geometry is not None  # routed by the stub, not the straight-line estimate


async def test_an_expense_pam_logs_during_an_active_trip_is_linked_to_it(make_user, session) -> None:
    user = make_user()
    planning = await run_turn(user_id=user.id, message="plan a trip from Sydney to Canberra")
    assert planning.tool_calls[0].result.ok
    before = await run_turn(user_id=user.id, message="I spent $45 on groceries")
    trip = session.exec(select(Trip).where(Trip.user_id == user.id)).one()
    trip.status = "active"
    session.add(trip)
    session.commit()
    during = await run_turn(user_id=user.id, message="I spent $30 on dinner")
    assert before.tool_calls[0].result.data["trip_id"] is None  # a trip still being planned collects nothing
    assert during.tool_calls[0].result.data["trip_id"] == str(trip.id)
    assert trip.title in during.reply
    linked, _ = expense_repo.list_page(session, user_id=user.id, trip_id=trip.id)
    assert [e.amount for e in linked] == [Decimal("30.00")]


async def test_a_model_sees_the_ids_of_the_records_it_made_so_it_can_correct_them(make_user) -> None:
    user = make_user()
    model = ScriptedModel("scripted", [
        ModelResponse(tool_calls=[ToolCall("add_income", {"amount": "150", "source": "cleaning job"})]),
        ModelResponse(text="Recorded."),
        ModelResponse(text="Which amount?"),
    ])
    chain = _chain(model)
    first = await run_turn(user_id=user.id, message="earned $150 cleaning", chain=chain)
    await run_turn(user_id=user.id, message="actually it was $180", conversation_id=first.conversation_id, chain=chain)
    earlier = [m.content for m in model.requests[-1].messages if m.role == "assistant"]
    income_id = first.tool_calls[0].result.data["id"]
    assert any(f"add_income: Recorded $150.00 income from cleaning job (id {income_id})" in text for text in earlier), earlier


async def test_the_local_engine_alone_answers_a_turn_in_one_transaction(make_user, session) -> None:
    """Message, tool and reply commit together, and a write the tool made is in the database afterwards."""
    user = make_user()
    chain = ProviderChain([LocalEngine()], timeout=2)
    assert chain.instant is not None and _chain(ScriptedModel("scripted", []), LocalEngine()).instant is None
    turn = await run_turn(user_id=user.id, message="spent $45 on groceries at Woolworths", chain=chain)
    assert turn.provider == "local" and [c.result.ok for c in turn.tool_calls] == [True]
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("45.00")
    history = pam_repo.messages(session, user_id=user.id, conversation_id=turn.conversation_id)
    assert [(m.role, m.id == turn.message_id) for m in history] == [("user", False), ("assistant", True)]
    assert "$45.00" in history[1].content and history[1].tool_calls[0]["undo"]["op"] == "delete"

    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=turn.conversation_id, chain=chain)
    assert undone.tool_calls[0].result.ok and expense_repo.list_page(session, user_id=user.id)[1] == 0


async def test_a_crashing_tool_in_a_local_turn_is_undone_alone(make_user, session, monkeypatch) -> None:
    """The tool's half-written trip goes; the user's message and PAM's apology stay."""
    from wheels_wins.services import trips as trip_service

    user = make_user()

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(trip_service, "set_stops", explode)
    chain = ProviderChain([LocalEngine()], timeout=2)
    turn = await run_turn(user_id=user.id, message="plan a trip from Sydney to Canberra", chain=chain)
    assert turn.tool_calls[0].result.ok is False and "didn't change anything" in turn.reply
    assert session.exec(select(Trip).where(Trip.user_id == user.id)).all() == []
    history = pam_repo.messages(session, user_id=user.id, conversation_id=turn.conversation_id)
    assert [m.role for m in history] == ["user", "assistant"]


async def test_a_failed_credential_check_stops_a_local_turn_before_anything_is_saved(make_user, session) -> None:
    alice = make_user()
    chain = ProviderChain([LocalEngine()], timeout=2)
    with pytest.raises(SignedOut):
        await run_turn(user_id=alice.id, message="spent $10 on fuel", chain=chain, authorize=lambda _session: None)
    assert session.exec(select(PamMessage)).all() == []
    assert expense_repo.list_page(session, user_id=alice.id)[1] == 0


class BrokenEngine(LocalEngine):
    """The local engine with a fault in its reasoning."""

    def respond(self, request: ModelRequest) -> ModelResponse:
        raise KeyError("slots")


async def test_a_fault_in_the_local_engine_keeps_the_message_and_says_sorry(make_user, session) -> None:
    user = make_user()
    turn = await run_turn(user_id=user.id, message="spent $9 on bait", chain=ProviderChain([BrokenEngine()]))
    assert turn.tool_calls == [] and turn.reply.startswith("Sorry, something went wrong")
    history = pam_repo.messages(session, user_id=user.id, conversation_id=turn.conversation_id)
    assert [(m.role, m.content) for m in history] == [("user", "spent $9 on bait"), ("assistant", turn.reply)]
