"""Websocket load: many signed-in sessions each sending one real Reflex event a second over /_event.

Each session is what a browser tab on /wins is to the backend: a socket.io client on `/_event`
(websocket transport, the token in the query, the hydrate event with the session token from local
storage in the CONNECT packet, as the frontend sends it), which then runs the page's on_load
handlers (connected once hydrated). Every second, at a random phase of its own, each session sends one event and times it
from the emit to the delta that completes it:

- `page`: the expense table's period picker (`ExpensesState.set_period`: last 90 days, this year,
  last month in turn), which chains `ExpensesState.load` (a page of 25 expenses, the period's count
  and total, the trip list): done when the delta with the new rows arrives.
- `pam`: a question to PAM (`PamState.ask`, a background event on the local engine, read-only
  questions, a new conversation every 10): done when the delta with the finished reply arrives.

A session whose event is still running when its next second comes sends the next one as soon as
it is done (as the browser's queue would). Events the server turns back to the browser are sent
on, as the frontend does. An error is a connection that fails or an event not done within 10 s.
The aim (issue 7): 100 users at one event a second each, p95 <= 50 ms, no errors.

Run: `.venv/bin/python bench/load_ws.py [--workers 1 2] [--users 100] [--seconds 20] [--events page pam]`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psutil
import socketio
from _load_common import HEADER, Figures, cpu_note, rss_mb, served_app, sign_in, summary, wait_for_quiet
from reflex.state import State
from reflex_base.constants.state import FIELD_MARKER

from wheels_wins.pages.wins.expenses import ExpensesState
from wheels_wins.state.auth import AuthState
from wheels_wins.state.pam import PamReplyState, PamState

PAGE = "/wins"
QUESTIONS = (
    "how much did I spend on fuel this month",
    "how's my groceries budget looking?",
    "what have I spent on dining this month?",
    "show my last 5 expenses",
    "how much have I spent this week",
    "total spending last month?",
)
EVENT_TIMEOUT_SECONDS = 10.0
CONNECTS_AT_ONCE = 10
ROUTER_DATA = {"pathname": PAGE, "asPath": PAGE}
# The frontend connects to `<backend>/_event`: that is both the socket.io path and its namespace.
NAMESPACE = "/_event"
ROOT, EXPENSES, REPLY = State.get_full_name(), ExpensesState.get_full_name(), PamReplyState.get_full_name()
PERIODS = ("last_90_days", "this_year", "last_month")


def _event(state: type, handler: str, **payload: Any) -> dict[str, Any]:
    return {"name": f"{state.get_full_name()}.{handler}", "payload": payload, "router_data": ROUTER_DATA}


def _has(delta: dict[str, Any], state: str, var: str, value: Any = ...) -> bool:
    changes = delta.get(state, {})
    key = var + FIELD_MARKER
    return key in changes and (value is ... or changes[key] == value)


@dataclass
class Session:
    """One tab: its socket, the check that says the event in flight is done, and what it measured."""

    token: str
    client: socketio.AsyncClient = field(default_factory=lambda: socketio.AsyncClient(reconnection=False))
    done: Callable[[dict[str, Any]], bool] | None = None
    finished: asyncio.Event = field(default_factory=asyncio.Event)
    sent: int = 0

    async def connect(self, base_url: str) -> None:
        """Open the socket with the hydrate event and wait for the page's first load."""
        self.client.on("event", self._update, namespace=NAMESPACE)
        hydrate = _event(
            State, "hydrate_and_load", vars={f"{AuthState.get_full_name()}.token{FIELD_MARKER}": self.token}
        )
        await self.request(
            lambda delta: _has(delta, ROOT, "is_hydrated", True),
            self.client.connect(
                f"{base_url}?token={uuid.uuid4()}",
                headers={"Origin": base_url},
                auth={"event": hydrate},
                transports=["websocket"],
                namespaces=[NAMESPACE],
                socketio_path=NAMESPACE,
                wait_timeout=30,
            ),
        )

    async def _emit(self, event: dict[str, Any]) -> None:
        await self.client.emit("event", event, namespace=NAMESPACE)

    async def _update(self, update: dict[str, Any]) -> None:
        for event in update.get("events") or []:  # the browser sends back what the server queues for it
            if not event.get("name", "").startswith("_"):
                await self._emit({**event, "router_data": ROUTER_DATA})
        if self.done is not None and self.done(update.get("delta") or {}):
            self.finished.set()

    async def request(self, done: Callable[[dict[str, Any]], bool], send: Any) -> None:
        """Await `send` and then the delta `done` recognises; TimeoutError after EVENT_TIMEOUT_SECONDS."""
        self.finished.clear()
        self.done = done
        try:
            await send
            await asyncio.wait_for(self.finished.wait(), EVENT_TIMEOUT_SECONDS)
        finally:
            self.done = None

    async def page_event(self) -> None:
        """Show the expenses of another period (three in turn) and wait for the new rows."""
        period = _event(ExpensesState, "set_period", period=PERIODS[self.sent % len(PERIODS)])
        await self.request(lambda delta: _has(delta, EXPENSES, "rows"), self._emit(period))

    async def pam_event(self) -> None:
        """Ask PAM a read-only question and wait for the finished reply (a new conversation every 10)."""
        if self.sent % 10 == 0:
            new = _event(PamState, "new_conversation")
            await self.request(lambda d: PamState.get_full_name() in d, self._emit(new))
        ask = _event(PamState, "ask", text=QUESTIONS[self.sent % len(QUESTIONS)])
        await self.request(lambda d: _has(d, REPLY, "thinking", False), self._emit(ask))


async def connect_all(base_url: str, tokens: list[str]) -> tuple[list[Session], int]:
    """Connected sessions for `tokens` (a few at a time) and how many failed to connect."""
    limit = asyncio.Semaphore(CONNECTS_AT_ONCE)

    async def one(token: str) -> Session | None:
        session = Session(token)
        async with limit:
            try:
                await session.connect(base_url)
                return session
            except (TimeoutError, socketio.exceptions.ConnectionError):
                await session.client.disconnect()
                return None

    sessions = await asyncio.gather(*(one(token) for token in tokens))
    return [s for s in sessions if s is not None], sessions.count(None)


async def drive(sessions: list[Session], seconds: float, kinds: list[str], figures: dict[str, Figures]) -> None:
    """Each session sends one event a second (kinds taken in turn) for `seconds`; latencies into `figures`."""
    loop = asyncio.get_running_loop()
    stop_at = loop.time() + seconds

    async def user(session: Session) -> None:
        tick = loop.time() + random.random()
        while tick < stop_at:
            await asyncio.sleep(max(0.0, tick - loop.time()))
            kind = kinds[session.sent % len(kinds)]
            started = loop.time()
            try:
                await (session.page_event() if kind == "page" else session.pam_event())
                figures[kind].timings_ms.append((loop.time() - started) * 1000)
            except (TimeoutError, socketio.exceptions.SocketIOError):
                figures[kind].errors += 1
            session.sent += 1
            tick = max(tick + 1.0, loop.time())

    await asyncio.gather(*(user(session) for session in sessions))
    for kind in set(kinds):
        figures[kind].seconds = seconds


async def run(
    base_url: str, tokens: list[str], workers: int, seconds: float, kinds: list[str], load: float
) -> dict[str, Figures]:
    """Connect a session per token, drive them, disconnect; the figures per event kind."""
    sessions, failed = await connect_all(base_url, tokens)
    figures = {kind: Figures(f"ws {kind} events", workers, len(tokens), load_before=load) for kind in kinds}
    try:
        await drive(sessions, seconds, kinds, figures)
    finally:
        await asyncio.gather(*(session.client.disconnect() for session in sessions))
    figures[kinds[0]].errors += failed
    if failed:
        figures[kinds[0]].note = f"{failed} sessions failed to connect"
    return figures


def main() -> None:
    """Serve with each worker count in turn; one row per kind of event."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--events", choices=["page", "pam"], nargs="+", default=["page", "pam"])
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    args = parser.parse_args()
    print(f"{psutil.cpu_count()} cores shared by server and generator")
    print(HEADER)
    for workers in args.workers:
        with served_app(workers=workers, users=args.users, postgres=not args.sqlite) as app:
            tokens = asyncio.run(sign_in(app.base_url, app.emails))
            for kind in args.events:
                load = wait_for_quiet()
                figures, note = cpu_note(
                    app, asyncio.run, run(app.base_url, tokens, workers, args.seconds, [kind], load)
                )
                figures[kind].note = "; ".join(filter(None, [figures[kind].note, note]))
                print(figures[kind].row(), flush=True)
            print(f"  worker RSS after: {summary(rss_mb(app))} MB", flush=True)


if __name__ == "__main__":
    main()
