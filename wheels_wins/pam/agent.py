"""`run_turn`: the single entry to PAM for the Reflex state and the REST API."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from wheels_wins.db import parse_uuid, session_scope
from wheels_wins.models import PamConversation, PamMessage, User
from wheels_wins.pam.context import now_utc, system_prompt, user_snapshot
from wheels_wins.pam.providers.base import InstantProvider, TextSink
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.registry import default_chain
from wheels_wins.pam.tools import run_tool, tool_schemas
from wheels_wins.pam.tools.undo import undo_call
from wheels_wins.pam.types import (
    ChatMessage,
    ExecutedCall,
    ModelRequest,
    ModelResponse,
    ToolCall,
    ToolContext,
    ToolResult,
    TurnResult,
)
from wheels_wins.repositories import pam as pam_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.services import trips as trip_service
from wheels_wins.services.money import today_in, zone

HISTORY_TURNS = 12
_RECENT_REPLIES = 4  # how far back "delete the lunch" may reach
MAX_STEPS = 4
MAX_MESSAGE_CHARS = 4000
TURN_FAILED = "Sorry, something went wrong on my side. Please try again."

log = logging.getLogger(__name__)


class _ReplyStream:
    """Turns provider deltas into snapshots of the whole reply so far, across steps and failovers."""

    def __init__(self, on_text: TextSink | None) -> None:
        self.on_text, self.done, self.current = on_text, "", ""

    async def delta(self, text: str) -> None:
        self.current += text
        if self.on_text is not None:
            await self.on_text(self.snapshot())

    async def restart(self) -> None:
        """A provider failed mid-reply: forget its words."""
        self.current = ""
        if self.on_text is not None:
            await self.on_text(self.done)

    def next_step(self) -> None:
        if self.current.strip():
            self.done = self.snapshot()
        self.current = ""

    def snapshot(self) -> str:
        head, tail = self.done, self.current.lstrip() if self.done else self.current
        return f"{head}\n\n{tail}" if head and tail else head or tail


class ConversationNotFound(LookupError):
    """The conversation id is unknown or belongs to someone else."""


class SignedOut(PermissionError):
    """The turn's credential check found no live session for the user: nothing was read or written."""


# Checks the caller's credential inside the turn's first transaction and returns its user (None if dead).
Authorize = Callable[[Session], User | None]


def _action_note(call: dict[str, Any]) -> str:
    """E.g. "add_income: Recorded $150.00 income from cleaning job (id 3f…)": the id lets a model correct it."""
    record_id = (call.get("result") or {}).get("id")
    note = f"{call['name']}: {call.get('summary', '')}".rstrip(": ")
    return f"{note} (id {record_id})" if record_id else note


def _transcript(history: list[PamMessage]) -> list[ChatMessage]:
    out = []
    for message in history:
        text = message.content
        if message.role == "assistant" and message.tool_calls:
            done = "; ".join(_action_note(c) for c in message.tool_calls if c.get("ok"))
            text = f"{text}\n[actions: {done}]" if done else text
        out.append(ChatMessage(role="user" if message.role == "user" else "assistant", content=text))
    return out


def _engine_state(history: list[PamMessage]) -> dict[str, Any]:
    """Pending clarification and the records PAM touched last, for follow-ups like "$48" or "make that $35"; those
    of its last few replies, oldest first, for "delete the lunch" said a message or two later; and the user's last
    message, for "log $389 for it" after saying what "it" was."""
    replies = [m for m in history if m.role == "assistant"]
    if not replies:
        return {"pending": None, "last_calls": [], "recent_calls": [], "said_before": None}

    def done(message: PamMessage) -> list[dict[str, Any]]:
        return [{"name": c["name"], "data": c.get("result", {})} for c in message.tool_calls if c.get("ok") and not c.get("undone")]

    recent = [call for message in replies[-_RECENT_REPLIES:] for call in done(message)]
    said = [m.content for m in history if m.role == "user"]
    return {"pending": replies[-1].pending, "last_calls": done(replies[-1]), "recent_calls": recent,
            "said_before": said[-1] if said else None}


def _context(session: Any, user: Any, page: str, location: tuple[float, float] | None, conversation_id: uuid.UUID) -> ToolContext:
    return ToolContext(
        session=session, user=user, today=today_in(user.timezone), now=now_utc(), page=page, location=location,
        conversation_id=conversation_id,
    )


def _run_call(ctx: ToolContext, call: ToolCall) -> ExecutedCall:
    """Run one tool in a savepoint of the caller's transaction: a failure or a crash is undone and told honestly."""
    savepoint = ctx.session.begin_nested()
    try:
        result = run_tool(call.name, call.arguments, ctx)
    except Exception:  # noqa: BLE001 — the savepoint rolls back; tell the user plainly
        log.exception("PAM tool %s failed", call.name)
        savepoint.rollback()
        result = ToolResult.fail("Something went wrong while doing that, so I didn't change anything.")
    else:
        (savepoint.commit if result.ok else savepoint.rollback)()
    return ExecutedCall(call.name, call.arguments, result)


@dataclass(frozen=True)
class _Ask:
    """What a turn is asked: by whom, the message, where, and how to check the caller's credential."""

    user_id: uuid.UUID
    text: str
    conversation_id: uuid.UUID | None
    page: str
    location: tuple[float, float] | None
    authorize: Authorize | None

    def context(self, session: Session, user: User, conversation_id: uuid.UUID) -> ToolContext:
        """The tools' view of the turn."""
        return _context(session, user, self.page, self.location, conversation_id)


def _execute(ask: _Ask, conversation_id: uuid.UUID, call: ToolCall) -> ExecutedCall:
    """Run one tool in its own transaction (a remote model's turn, which must not hold one across its requests)."""
    with session_scope() as session:
        user = user_repo.get_by_id(session, user_id=ask.user_id)
        assert user is not None
        return _run_call(ask.context(session, user, conversation_id), call)


@dataclass
class _Opening:
    """Where a turn starts: its conversation, the acting user and the first request to the model."""

    conversation: PamConversation
    user: User
    request: ModelRequest


def _open(session: Session, ask: _Ask, with_context: bool) -> _Opening:
    """Persist the user's message and gather what the model needs (snapshot and older turns only if it reads them)."""
    user_id, text, conversation_id, authorize = ask.user_id, ask.text, ask.conversation_id, ask.authorize
    user = authorize(session) if authorize is not None else user_repo.get_by_id(session, user_id=user_id)
    if user is None or user.id != user_id:
        raise SignedOut(str(user_id))
    if conversation_id is None:
        conversation = pam_repo.create_conversation(session, user_id=user_id, title=text[:60])
    else:
        found = pam_repo.get_conversation(session, user_id=user_id, conversation_id=conversation_id)
        if found is None:
            raise ConversationNotFound(str(conversation_id))
        conversation = found
    # Without context only the last few replies matter: the last one's pending question and what it did (for "make
    # that $35"), and what the ones before it did (for "delete the lunch").
    turns = HISTORY_TURNS if with_context else 2 * _RECENT_REPLIES
    history = pam_repo.messages(session, user_id=user_id, conversation_id=conversation.id, limit=turns)
    pam_repo.add_message(session, user_id=user_id, conversation=conversation, role="user", content=text)
    ctx = ask.context(session, user, conversation.id)
    system = system_prompt(ctx, user_snapshot(ctx)) if with_context else ""
    state = {
        **_engine_state(history), "today": ctx.today.isoformat(), "currency": user.currency, "units": user.units,
        "now": ctx.now.astimezone(zone(user.timezone)).isoformat(timespec="minutes"),
        "page": ask.page, "home_base": user.home_base,
    }
    transcript = [*_transcript(history), ChatMessage(role="user", content=text)]
    return _Opening(conversation, user, ModelRequest(system=system, messages=transcript, tools=tool_schemas(), state=state))


def _begin(ask: _Ask, with_context: bool) -> _Opening:
    """`_open` in a transaction of its own."""
    with session_scope() as session:
        return _open(session, ask, with_context)


@dataclass
class _Steps:
    """A turn's progress across model steps: the transcript the model sees, what the tools did, what was said."""

    request: ModelRequest
    provider: str = "local"
    pending: dict[str, Any] | None = None
    texts: list[str] = field(default_factory=list)
    executed: list[ExecutedCall] = field(default_factory=list)

    def answered(self, provider: str, response: ModelResponse) -> list[ToolCall]:
        """Record one model step; the tool calls it asks for (none: the turn is over)."""
        self.provider, self.pending = provider, response.pending
        if response.text.strip():
            self.texts.append(response.text.strip())
        if response.tool_calls:
            self.request.messages.append(
                ChatMessage(role="assistant", content=response.text, tool_calls=response.tool_calls)
            )
        return response.tool_calls

    def ran(self, call: ToolCall, done: ExecutedCall) -> None:
        """Record a tool's outcome, which the model reads in its next step."""
        self.executed.append(done)
        content = json.dumps(done.public(), default=str)
        self.request.messages.append(ChatMessage(role="tool", content=content, tool_call_id=call.id, tool_name=call.name))

    @property
    def reply(self) -> str:
        """What PAM says: the model's words, or else what the tools did."""
        return "\n\n".join(self.texts) or "; ".join(c.result.summary for c in self.executed)

    @property
    def ui_actions(self) -> list[dict[str, Any]]:
        """What the page should do (open a trip, go to a page), in the order the tools asked."""
        return [action for call in self.executed for action in call.result.ui_actions]

    def save_reply(self, session: Session, user_id: uuid.UUID, conversation: PamConversation) -> PamMessage:
        """Persist the reply with what the tools did (for the chips, undo and the next turn's follow-ups)."""
        return pam_repo.add_message(
            session, user_id=user_id, conversation=conversation, role="assistant", content=self.reply,
            provider=self.provider, tool_calls=[c.stored() for c in self.executed], ui_actions=self.ui_actions,
            pending=self.pending,
        )


def _save_reply(user_id: uuid.UUID, conversation: PamConversation, steps: _Steps) -> PamMessage:
    with session_scope() as session:
        return steps.save_reply(session, user_id, conversation)


def _instant_turn(engine: InstantProvider, ask: _Ask) -> tuple[PamConversation, _Steps, PamMessage]:
    """A turn with a model that answers in-process at once (the local engine): one transaction from the
    message to the reply, each tool in a savepoint of it. Nothing waits on the network while it is open."""
    with session_scope() as session:
        opening = _open(session, ask, engine.needs_context)
        steps = _Steps(opening.request)
        try:
            for _ in range(MAX_STEPS):
                calls = steps.answered(engine.name, engine.respond(steps.request))
                if not calls:
                    break
                for call in calls:
                    steps.ran(call, _run_call(ask.context(session, opening.user, opening.conversation.id), call))
        except Exception:  # a fault in the engine: the user's message stays, and the reply owns up
            log.exception("PAM's %s engine failed", engine.name)
            steps.texts.append(TURN_FAILED)
        return opening.conversation, steps, steps.save_reply(session, ask.user_id, opening.conversation)


async def _remote_turn(
    chain: ProviderChain, ask: _Ask, on_text: TextSink | None
) -> tuple[PamConversation, _Steps, PamMessage]:
    """A turn with models that answer over the network: no transaction is held while they think, so the
    message, each tool and the reply commit in transactions of their own."""
    opening = await asyncio.to_thread(_begin, ask, chain.needs_context)
    steps = _Steps(opening.request)
    stream = _ReplyStream(on_text)
    for _ in range(MAX_STEPS):
        provider, response = await chain.request(steps.request, stream.delta if on_text else None, stream.restart)
        stream.next_step()
        calls = steps.answered(provider, response)
        if not calls:
            break
        for call in calls:
            steps.ran(call, await asyncio.to_thread(_execute, ask, opening.conversation.id, call))
    assistant = await asyncio.to_thread(_save_reply, ask.user_id, opening.conversation, steps)
    return opening.conversation, steps, assistant


async def _route_changed_trips(user_id: uuid.UUID, executed: list[ExecutedCall]) -> None:
    """Trips PAM planned or re-stopped get road distances when a router answers (a no-op offline)."""
    trip_ids = {c.result.data.get("id") for c in executed if c.result.ok and "trips" in c.result.changed}
    for trip_id in sorted(filter(None, map(parse_uuid, trip_ids)), key=str):
        await trip_service.refine_route(user_id=user_id, trip_id=trip_id)


async def run_turn(
    *,
    user_id: uuid.UUID,
    message: str,
    conversation_id: uuid.UUID | None = None,
    page: str = "/",
    location: tuple[float, float] | None = None,
    on_text: TextSink | None = None,
    chain: ProviderChain | None = None,
    authorize: Authorize | None = None,
) -> TurnResult:
    """Answer one user message: persist it, let the model act through tools, persist and return the reply.

    `on_text`, when given, receives the whole reply written so far each time the model streams more.
    `authorize`, when given, checks the caller's credential in the same transaction that saves the message
    (one transaction fewer than checking it first); SignedOut if it fails, before anything is read or written.
    """
    ask = _Ask(user_id, message.strip()[:MAX_MESSAGE_CHARS], conversation_id, page, location, authorize)
    chain = chain or default_chain()
    if (engine := chain.instant) is not None:
        conversation, steps, assistant = await asyncio.to_thread(_instant_turn, engine, ask)
        if on_text is not None:
            await on_text(steps.reply)
    else:
        conversation, steps, assistant = await _remote_turn(chain, ask, on_text)
    changed = {domain for c in steps.executed if c.result.ok for domain in c.result.changed}
    if "trips" in changed:
        await _route_changed_trips(user_id, steps.executed)
    return TurnResult(
        conversation.id, assistant.id, steps.reply, steps.provider, steps.executed, steps.ui_actions, changed
    )


def _undo_in_transaction(user_id: uuid.UUID, message_id: uuid.UUID, index: int, page: str) -> ToolResult | None:
    with session_scope() as session:
        message = pam_repo.get_message(session, user_id=user_id, message_id=message_id)
        user = user_repo.get_by_id(session, user_id=user_id)
        if message is None or user is None:
            return None
        result = undo_call(_context(session, user, page, None, message.conversation_id), message, index)
        if not result.ok:
            session.rollback()
        return result


async def undo_change(*, user_id: uuid.UUID, message_id: uuid.UUID, index: int, page: str = "/") -> ToolResult | None:
    """Undo one change shown on one of PAM's messages (the chip's Undo button); None when it isn't the user's."""
    return await asyncio.to_thread(_undo_in_transaction, user_id, message_id, index, page)
