"""PAM's chat state, shared by every page: history from the database, streamed replies, chips, feedback.

A reply is produced by `pam.run_turn` in a background event; its text streams into `streaming`
(flushed every FLUSH_SECONDS rather than per token: each update resends the var). When a turn
changed data, the page on screen reloads the parts that show it (see `refresh_on`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins import routes
from wheels_wins.components.format import ago_label
from wheels_wins.db import parse_uuid
from wheels_wins.models import PamMessage
from wheels_wins.pam.agent import TURN_FAILED, ConversationNotFound, SignedOut, run_turn, undo_change
from wheels_wins.pam.context import now_utc
from wheels_wins.pam.tools import TOOLS
from wheels_wins.repositories import pam as pam_repo
from wheels_wins.services import rate_limits
from wheels_wins.state.auth import AuthState, current_user_id, deferred_check, run_in_session

log = logging.getLogger(__name__)

FLUSH_SECONDS = 0.075
COMPOSER_INPUT_ID = "pam-input"
# The panel holds a conversation's newest messages only: every change resends the whole list to the browser.
HISTORY_SHOWN = 40
MAX_MESSAGE_CHARS = 4000
SESSION_ENDED = "Your session has ended. Sign in again to talk to PAM."

SUGGESTIONS: dict[str, tuple[str, ...]] = {
    routes.HOME: ("How much have I spent this month?", "What's coming up?", "Add $50 fuel"),
    routes.WINS: (
        "Add $50 fuel expense", "How's my fuel budget?", "Spent $45 on groceries at Woolworths",
        "How much have we saved this month?",
    ),
    routes.WHEELS: ("Plan a trip from Sydney to Melbourne via Canberra", "Filled up 62 L for $118", "What maintenance is due?"),
    routes.SOCIAL: ("What's new in the community?", "How much have I spent this month?"),
    routes.YOU: ("What can you do?", "Remind me to renew the rego on 15 March"),
}

_PAGE_REFRESH: dict[str, tuple[frozenset[str], tuple[Any, ...]]] = {}


def refresh_on(route: str, domains: Sequence[str], loaders: Sequence[Any]) -> None:
    """Reload `route`'s data with `loaders` when a PAM turn changes any of `domains` while it is on screen."""
    if domains:
        _PAGE_REFRESH[route] = (frozenset(domains), tuple(loaders))


def refresh_events(route: str, changed: set[str]) -> list[Any]:
    """The loaders to run on `route` after a turn that changed `changed`."""
    domains, loaders = _PAGE_REFRESH.get(route, (frozenset(), ()))
    return list(loaders) if domains & changed else []


@dataclasses.dataclass
class Chip:
    """One thing PAM did, as shown under its reply."""

    index: int
    summary: str  # the headline: "Planned Sydney → Canberra", without the figures the reply already gives
    ok: bool
    can_undo: bool
    undone: bool
    detail: str = ""  # the whole summary, for the tooltip and screen readers


@dataclasses.dataclass
class ChatItem:
    """One message in the panel."""

    id: str
    role: str
    content: str
    chips: list[Chip] = dataclasses.field(default_factory=list)
    rating: str = ""


@dataclasses.dataclass
class ConversationItem:
    """One past conversation in the history menu."""

    id: str
    title: str
    when: str


def _chips(calls: list[dict[str, Any]], reply: str = "") -> list[Chip]:
    """Chips for what PAM changed (or tried to); look-ups, and failures the reply already explains, are told in it."""
    chips = []
    for i, c in enumerate(calls):
        if c["name"] not in TOOLS or not TOOLS[c["name"]].mutates or c["name"] == "undo_last_change":
            continue
        if c.get("ok") and (c.get("result") or {}).get("then"):
            continue  # "Which one? …": a question, nothing changed yet
        detail = str(c.get("summary") or c.get("result", {}).get("summary") or c["name"])
        ok = bool(c.get("ok"))
        if not ok and detail.rstrip(".") in reply:
            continue  # "Sorry — I couldn't find “appointment” in your calendar." twice over
        # "Planned Sydney → Canberra: about 290 km, …": the chip names the change; why a change failed is kept whole.
        headline = detail.split(": ", 1)[0] if ok else detail
        chips.append(
            Chip(
                index=i,
                summary=headline,
                ok=ok,
                can_undo=bool(ok and c.get("undo") and not c.get("undone")),
                undone=bool(c.get("undone")),
                detail=detail,
            )
        )
    return chips


def _item(message: PamMessage, rating: str = "") -> ChatItem:
    return ChatItem(str(message.id), message.role, message.content, _chips(message.tool_calls, message.content), rating)


def _history(session: Session, user_id: uuid.UUID, conversation_id: str = "") -> tuple[str, list[ChatItem]]:
    """A conversation's id and its newest messages, oldest first (the latest conversation by default)."""
    if conversation_id:
        conversation = pam_repo.get_conversation(session, user_id=user_id, conversation_id=uuid.UUID(conversation_id))
    else:
        conversation = pam_repo.latest_conversation(session, user_id=user_id)
    if conversation is None:
        return "", []
    rows = pam_repo.messages(session, user_id=user_id, conversation_id=conversation.id, limit=HISTORY_SHOWN)
    rated = pam_repo.ratings(session, user_id=user_id, message_ids=[m.id for m in rows if m.role == "assistant"])
    return str(conversation.id), [_item(m, rated.get(m.id, "")) for m in rows]


def _route(path: str) -> str:
    """The app route of a browser path ("/wins/" is served for "/wins")."""
    return path.rstrip("/") or routes.HOME


def _speech_script(text: str) -> str:
    return f"window.wwSpeak && window.wwSpeak({json.dumps(text)})"


class PamReplyState(rx.State):
    """The reply being written: kept apart from the conversation so a streamed update redraws only its bubble."""

    thinking: bool = False
    streaming: str = ""
    # The message being answered, shown on its own until it joins `PamState.messages` with the reply: that list
    # goes to the browser whole at each change, so it changes once per turn rather than twice.
    asked: str = ""

    def _start(self, text: str) -> None:
        """A reply to `text` is being written."""
        self.thinking, self.streaming, self.asked = True, "", text

    def _stop(self) -> None:
        """Nothing is being written any more (the reply is in, or will not come)."""
        self.thinking, self.streaming, self.asked = False, "", ""


class PamState(rx.State):
    """The PAM panel: open or closed, the conversation on screen and the reply being written."""

    is_open: bool = False
    loaded: bool = False
    conversation_id: str = ""
    messages: rx.Field[list[ChatItem]] = rx.field(default_factory=list)
    mic_available: bool = False
    conversations: rx.Field[list[ConversationItem]] = rx.field(default_factory=list)

    @rx.var
    def suggestions(self) -> list[str]:
        """Prompts to try on the page on screen, shown while the conversation is empty."""
        return list(SUGGESTIONS.get(_route(self.router.url.path), SUGGESTIONS[routes.HOME]))

    def _add(self, *items: ChatItem) -> None:
        """Show more messages, letting the oldest go beyond HISTORY_SHOWN (as reopening the conversation would)."""
        self.messages = [*self.messages[-(HISTORY_SHOWN - len(items)) :], *items]

    @rx.event
    async def set_open(self, is_open: bool):
        """Open or close the panel; the first opening reads the latest conversation."""
        self.is_open = is_open
        if is_open and not self.loaded:
            user_id = await current_user_id(self)
            if user_id is None:
                return
            self.conversation_id, self.messages = await run_in_session(lambda session: _history(session, user_id))
            self.loaded = True

    @rx.event
    def set_mic_available(self, available: bool):
        """Whether this browser can dictate (the microphone button is hidden otherwise)."""
        self.mic_available = bool(available)

    @rx.event
    async def load_conversations(self, menu_open: bool = True):
        """The user's recent conversations, read when the history menu opens."""
        user_id = await current_user_id(self) if menu_open else None
        if user_id is None:
            return
        rows = await run_in_session(lambda session: pam_repo.list_conversations(session, user_id=user_id, limit=12)[0])
        now = now_utc()
        self.conversations = [ConversationItem(str(c.id), c.title, ago_label(c.updated_at, now)) for c in rows]

    @rx.event
    async def open_conversation(self, conversation_id: str):
        """Show an earlier conversation and carry on in it."""
        user_id = await current_user_id(self)
        if user_id is None or (await self.get_state(PamReplyState)).thinking:
            return
        if parse_uuid(conversation_id) is None:
            return
        shown = await run_in_session(lambda session: _history(session, user_id, conversation_id))
        if shown[0]:
            self.conversation_id, self.messages = shown
            self.loaded = True

    @rx.event
    async def new_conversation(self):
        """Start afresh: the next message opens a new conversation (the old one stays in the database)."""
        if not (await self.get_state(PamReplyState)).thinking:
            self.conversation_id, self.messages, self.loaded = "", [], True

    @rx.event(background=True)
    async def submit(self, form_data: dict[str, Any]):
        """The composer's form: send what was typed (or dictated, then the reply is read aloud)."""
        text = str(form_data.get("message", ""))
        async for event in self._answer(text, via_voice=form_data.get("via_voice") == "1"):
            yield event

    @rx.event(background=True)
    async def ask(self, text: str):
        """Send a suggested prompt."""
        async for event in self._answer(text, via_voice=False):
            yield event

    async def _answer(self, text: str, *, via_voice: bool) -> AsyncIterator[Any]:
        """Send one message to PAM and stream the reply into the panel (runs inside a background event)."""
        typed, text = text, text.strip()[:MAX_MESSAGE_CHARS]
        async with self:
            reply_state = await self.get_state(PamReplyState)
            if reply_state.thinking or not text:
                return
            # The token is checked again in the turn's first transaction, which also saves the message.
            signed_in = await deferred_check(self, check_now=not self.loaded)  # history is read below
            if signed_in is None:
                yield rx.set_value(COMPOSER_INPUT_ID, typed)
                yield rx.toast.error(SESSION_ENDED)
                return
            user_id, authorize = signed_in
            wait = await rate_limits.retry_after(rate_limits.PAM_MESSAGES, user_id)
            if wait > 0:  # the composer has already cleared itself: give the message back
                yield rx.set_value(COMPOSER_INPUT_ID, typed)
                seconds = rate_limits.retry_after_header(wait)
                # Top of the screen: at the bottom the toast would hide the composer and the message given back.
                yield rx.toast.warning(f"You're sending messages quickly — try again in {seconds} s", position="top-center")
                return
            if not self.loaded:
                self.conversation_id, self.messages = await run_in_session(lambda session: _history(session, user_id))
                self.loaded = True
            reply_state._start(text)
            conversation_id = uuid.UUID(self.conversation_id) if self.conversation_id else None
            page = _route(self.router.url.path)
            voice_on = (await self.get_state(AuthState)).voice_enabled

        loop = asyncio.get_running_loop()
        # Counting from the start, not from zero: a reply complete within FLUSH_SECONDS (the local engine's)
        # arrives in the final update alone instead of costing one more.
        last_flush = loop.time()

        async def on_text(so_far: str) -> None:
            nonlocal last_flush
            if loop.time() - last_flush >= FLUSH_SECONDS:
                last_flush = loop.time()
                async with self:
                    (await self.get_state(PamReplyState)).streaming = so_far

        try:
            try:
                turn = await run_turn(
                    user_id=user_id,
                    message=text,
                    conversation_id=conversation_id,
                    page=page,
                    on_text=on_text,
                    authorize=authorize,
                )
            except ConversationNotFound:
                turn = await run_turn(user_id=user_id, message=text, page=page, on_text=on_text, authorize=authorize)
        except SignedOut:  # signed out elsewhere since the page loaded: nothing was saved, give the message back
            async with self:
                reply_state = await self.get_state(PamReplyState)
                reply_state._stop()
                await current_user_id(self)  # forgets the dead token
            yield rx.set_value(COMPOSER_INPUT_ID, typed)
            yield rx.toast.error(SESSION_ENDED)
            return
        except Exception:
            log.exception("PAM turn failed")
            async with self:
                reply_state = await self.get_state(PamReplyState)
                reply_state._stop()
                self._add(
                    ChatItem(id="", role="user", content=text),
                    ChatItem(id="", role="assistant", content=TURN_FAILED),
                )
            return

        reply = ChatItem(str(turn.message_id), "assistant", turn.reply, _chips([c.stored() for c in turn.tool_calls], turn.reply))
        undid = any(c.name == "undo_last_change" and c.result.ok for c in turn.tool_calls)
        shown = (  # after "undo that", an earlier message's Undo button must go too
            await run_in_session(lambda session: _history(session, user_id, str(turn.conversation_id)))
            if undid else None
        )
        async with self:
            reply_state = await self.get_state(PamReplyState)
            reply_state._stop()
            if shown is not None:
                self.conversation_id, self.messages = shown
            else:
                self.conversation_id = str(turn.conversation_id)
                self._add(ChatItem(id="", role="user", content=text), reply)
        for event in refresh_events(page, turn.changed):
            yield event
        for action in turn.ui_actions:
            if action.get("type") == "navigate" and action.get("to") in routes.APP_ROUTES:
                yield rx.redirect(action["to"])
            elif action.get("type") == "show_trip" and page != routes.WHEELS:
                yield rx.redirect(routes.WHEELS)
        if via_voice and voice_on and turn.reply:
            yield rx.call_script(_speech_script(turn.reply))

    @rx.event(background=True)
    async def undo(self, message_id: str, index: int):
        """The chip's Undo button: reverse that one change."""
        async with self:
            user_id = await current_user_id(self)
            page = _route(self.router.url.path)
        target = parse_uuid(message_id)
        if user_id is None or target is None:
            return
        result = await undo_change(user_id=user_id, message_id=target, index=index, page=page)
        if result is None:
            return
        async with self:
            for item in self.messages:
                if item.id == message_id and 0 <= index < len(item.chips):
                    item.chips[index].can_undo = False
                    item.chips[index].undone = result.ok
            self.messages = list(self.messages)
        if result.ok:
            for event in refresh_events(page, set(result.changed)):
                yield event
        else:
            yield rx.toast.error(result.summary)

    @rx.event
    async def rate(self, message_id: str, rating: str):
        """Thumbs up or down on one of PAM's replies (pressing the same thumb again keeps it)."""
        if rating not in ("up", "down"):
            return
        user_id, target = await current_user_id(self), parse_uuid(message_id)
        if user_id is None or target is None:
            return
        saved = await run_in_session(
            lambda session: pam_repo.add_feedback(session, user_id=user_id, message_id=target, rating=rating)
        )
        if saved is None:
            return
        for item in self.messages:
            if item.id == message_id:
                item.rating = rating
        self.messages = list(self.messages)

    @rx.event
    async def speak(self, message_id: str):
        """Read one of PAM's replies aloud (server voice when reachable, else the browser's)."""
        if await current_user_id(self) is None:
            return
        for item in self.messages:
            if item.id == message_id and item.role == "assistant":
                return rx.call_script(_speech_script(item.content))
