"""PAM chat latency and throughput on the local engine: over REST (a real server process) and in-process.

Seeds a fresh database (a user with 10,000 expenses over two years and a few budgets), serves
`wheels_wins.api.app:fastapi_app` with uvicorn (one worker), signs in over REST and sends a varied mix
of messages to POST /api/v1/pam/chat: one client in sequence (p50/p95/p99), then 8 and 32 concurrent
clients (messages/s). GET /api/v1/me gives the HTTP + bearer-auth floor without PAM, and the same mix
through `run_turn` in this process gives PAM's own cost without HTTP. "cpu ms/msg" is the server's
CPU time per message, steadier than wall times on a shared machine. Each phase stops after `--seconds`
(30), so a run takes about two minutes. The aims (issue): p95 under 30 ms and over 200 messages/s on a
2-core machine.

Run: `.venv/bin/python bench/bench_pam_chat.py` (SQLite in a temp dir), or against PostgreSQL with
`--database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres`: a fresh database is created on
that server and dropped afterwards. `--server granian` serves as production does (Reflex picks granian
when gunicorn is absent); `--profile` adds a cProfile of the in-process turns.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import io
import math
import os
import pstats
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import psutil
from sqlalchemy import create_engine, func, insert, text
from sqlalchemy.engine import make_url
from sqlmodel import select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.stubs.server import free_port  # noqa: E402
from wheels_wins.db import get_engine, session_scope  # noqa: E402
from wheels_wins.models import Budget, CalendarEvent, Expense, PamMessage, Trip  # noqa: E402
from wheels_wins.pam.agent import run_turn  # noqa: E402
from wheels_wins.pam.providers.registry import default_chain  # noqa: E402
from wheels_wins.repositories import users as user_repo  # noqa: E402
from wheels_wins.services.passwords import hash_password  # noqa: E402
from wheels_wins.settings import get_settings  # noqa: E402

EMAIL = "bench.traveller@example.com"
PASSWORD = "Corrugated-Roads-2031"
EXPENSES = 10_000
HISTORY_DAYS = 730
BUDGETS = {"fuel": "600", "groceries": "800", "dining": "250", "camping": "500", "maintenance": "300"}
SPENDING = [  # category, merchants, typical amount, share
    ("fuel", ["Ampol", "BP", "Shell", "Caltex", "United"], 95, 20),
    ("groceries", ["Woolworths", "Coles", "Aldi", "IGA", "Foodworks"], 70, 25),
    ("dining", ["The Royal Hotel", "Bakery", "Cafe", "Fish & chips"], 30, 15),
    ("camping", ["BIG4", "Discovery Parks", "Showground", "National Parks"], 40, 15),
    ("maintenance", ["Repco", "Mechanic", "Tyrepower"], 160, 5),
    ("transport", ["Linkt tolls", "Spirit of Tasmania", "Parking"], 15, 5),
    ("utilities", ["Telstra", "Optus", "Park meter"], 50, 5),
    ("entertainment", ["Cinema", "Museum", "Tour"], 35, 5),
    ("shopping", ["Bunnings", "Kmart", "Anaconda"], 45, 5),
]
# A conversation as a user would have it; follow-ups ("scratch that", "actually make that $38", "$31.50, …")
# lean on the turns before them. Both planned trips are undone, so the data stays the same size however
# long the run. Paraphrases, not the intent tests' dev set.
MIX = [
    "spent $54.20 on diesel at the Ampol in Gundagai",
    "how much did I spend on fuel this month",
    "undo that",
    "groceries at IGA came to $87.35",
    "$16 for two flat whites and a muffin at the cafe in Mudgee",
    "how's my groceries budget looking?",
    "paid 42 dollars for an unpowered site at the showground",
    "actually make that $38",
    "plan a trip from Dubbo to Bourke",
    "scratch that",
    "remind me to book the gas bottle refill on 20 June",
    "what have I spent on dining this month?",
    "add an expense",
    "$31.50, lunch at the bakery",
    "filled up 58 litres for $112.70 at Caltex Orange",
    "how am I going against my budgets",
    "tyre repair at the mechanic in Cobar cost $65",
    "bought a new hose and fittings at Bunnings for $47.90",
    "total spending last month?",
    "plan a route from Adelaide to Port Augusta via Clare",
    "no wait, undo that",
    "add a vet appointment for the dog next Thursday",
    "parking at the hospital was $9",
    "what did I spend on camping this year",
    "set my dining budget to $250 a month",
    "spent 23 bucks on ice and firewood at the general store",
    "show my last 5 expenses",
    "remind me to check the tyre pressures tomorrow",
    "how much have I spent this week",
    "thanks PAM",
    "$72 electricity top-up for the park meter",
]
PROVIDER_KEYS = ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY")
CHAT = "/api/v1/pam/chat"
HEADER = f"{'':<34}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'msg/s':>8}{'cpu ms/msg':>12}"


@dataclass
class Tally:
    """What the turns did, to show the mix exercised the tools and nothing failed quietly."""

    turns: int = 0
    tool_calls: int = 0
    failed_calls: int = 0
    providers: set[str] = field(default_factory=set)

    def add(self, provider: str, calls: list[bool]) -> None:
        """Count one turn's provider and whether each of its tool calls succeeded."""
        self.turns += 1
        self.providers.add(provider)
        self.tool_calls += len(calls)
        self.failed_calls += calls.count(False)

    def line(self, label: str) -> str:
        """A one-line account."""
        providers = "/".join(sorted(self.providers))
        return f"{label}: {self.turns} turns, {self.tool_calls} tool calls ({self.failed_calls} failed), provider {providers}"


@dataclass
class Run:
    """One phase's per-message latencies, wall time and CPU time (the server's, or this process's)."""

    timings_ms: list[float]
    seconds: float
    cpu_seconds: float

    def row(self, label: str) -> str:
        """A table row: percentiles, throughput and CPU per message."""
        ordered = sorted(self.timings_ms)
        figures = [statistics.median(ordered), _percentile(ordered, 0.95), _percentile(ordered, 0.99), ordered[-1]]
        cells = "".join(f"{value:>9.1f}" for value in figures)
        rate, cpu = len(ordered) / self.seconds, self.cpu_seconds * 1000 / len(ordered)
        return f"{label:<34}{len(ordered):>6}{cells}{rate:>8.0f}{cpu:>12.1f}"


class Conversation:
    """One user's walk through the mix; a new conversation each time round."""

    def __init__(self) -> None:
        self.position = 0
        self.conversation_id: str | None = None

    def next_body(self) -> dict[str, object]:
        """The next chat request."""
        if self.position % len(MIX) == 0:
            self.conversation_id = None
        message = MIX[self.position % len(MIX)]
        self.position += 1
        return {"message": message, **({"conversation_id": self.conversation_id} if self.conversation_id else {})}

    def answered(self, response: httpx.Response, tally: Tally) -> None:
        """Check the reply, keep the conversation the server started and count what was done."""
        if response.status_code != 200:
            raise RuntimeError(f"POST {CHAT} answered {response.status_code}: {response.text[:500]}")
        body = response.json()
        self.conversation_id = body["conversation_id"]
        tally.add(body["provider"], [call["ok"] for call in body["tool_calls"]])


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


@contextmanager
def _postgres_database(server_url: str) -> Iterator[str]:
    """A fresh database on the server of `server_url`, dropped afterwards even after a failure."""
    url = make_url(server_url.replace("postgres://", "postgresql://", 1))
    if url.get_backend_name() != "postgresql":
        raise SystemExit("--database-url must be a PostgreSQL URL (SQLite in a temp dir is the default)")
    url = url.set(drivername="postgresql+psycopg")
    name = f"ww_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _environment(data_dir: Path, database_url: str) -> dict[str, str]:
    """The app's settings for both the server and this process: local engine only, no limits, no demo."""
    env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": database_url}
    env.update(RATE_LIMITS_ENABLED="false", SEED_DEMO="false", ENVIRONMENT="development")
    env.update(dict.fromkeys(PROVIDER_KEYS, ""))
    return env


def _use_environment(env: dict[str, str]) -> None:
    os.environ.update(env)
    get_settings.cache_clear()
    get_engine.cache_clear()
    default_chain.cache_clear()


def _migrate(database_url: str) -> None:
    from alembic.config import Config

    from alembic import command

    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["skip_logging"] = True
    command.upgrade(config, "head")


def _seed() -> uuid.UUID:
    """The bench user with two years of expenses (one bulk insert) and a few budgets."""
    rng = random.Random(7)
    today = dt.date.today()
    now = dt.datetime.now(dt.UTC)
    with session_scope() as session:
        user = user_repo.create(
            session, email=EMAIL, password_hash=hash_password(PASSWORD), full_name="Bench Traveller"
        )
        weights = [share for *_, share in SPENDING]
        rows = []
        for _ in range(EXPENSES):
            category, merchants, typical, _share = rng.choices(SPENDING, weights)[0]
            merchant = rng.choice(merchants)
            rows.append(
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "updated_at": now,
                    "user_id": user.id,
                    "amount": Decimal(str(round(rng.uniform(0.3, 1.7) * typical, 2))),
                    "currency": "AUD",
                    "category": category,
                    "description": f"{category.title()} at {merchant}",
                    "merchant": merchant,
                    "date": today - dt.timedelta(days=rng.randrange(HISTORY_DAYS)),
                    "trip_id": None,
                    "source": "manual",
                }
            )
        session.execute(insert(Expense), rows)
        session.add_all(Budget(user_id=user.id, category=c, amount=Decimal(a)) for c, a in BUDGETS.items())
        return user.id


def _row_counts() -> str:
    with session_scope() as session:
        counts = {
            model.__tablename__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Expense, Trip, CalendarEvent, PamMessage)
        }
    return ", ".join(f"{count:,} {table}" for table, count in counts.items())


@contextmanager
def _server(kind: str, env: dict[str, str], log_path: Path) -> Iterator[tuple[str, psutil.Process]]:
    """`fastapi_app` in one worker process on a free port, and that process; stopped afterwards, whatever happens."""
    port = free_port()
    app = "wheels_wins.api.app:fastapi_app"
    if kind == "uvicorn":
        args = ["uvicorn", app, "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning"]
    else:
        args = ["granian", "--interface", "asgi", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
                "--no-ws", "--log-level", "warning", app]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", *args], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited ({process.returncode}):\n{log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start in 60 s:\n{log_path.read_text()[-2000:]}")
            time.sleep(0.1)
        # granian serves from a child process; uvicorn with one worker from the one it was started as.
        yield base, (psutil.Process(process.pid).children() or [psutil.Process(process.pid)])[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def _floor(base: str, token: str, count: int, deadline: float) -> list[float]:
    """GET /api/v1/me: the HTTP, routing and bearer-auth cost every chat message also pays, without PAM."""
    timings: list[float] = []
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        while len(timings) < count and time.perf_counter() < deadline:
            started = time.perf_counter()
            client.get("/api/v1/me").raise_for_status()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _sequential(base: str, token: str, count: int, deadline: float, tally: Tally) -> list[float]:
    conversation, timings = Conversation(), []
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        while len(timings) < count and time.perf_counter() < deadline:
            body = conversation.next_body()
            started = time.perf_counter()
            response = client.post(CHAT, json=body)
            timings.append((time.perf_counter() - started) * 1000)
            conversation.answered(response, tally)
    return timings


async def _concurrent(base: str, token: str, clients: int, total: int, deadline: float, tally: Tally) -> list[float]:
    """`clients` users chatting at once, `total` messages between them (fewer if the deadline comes first)."""
    timings: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60, limits=limits) as client:

        async def user(count: int) -> None:
            conversation = Conversation()
            for _ in range(count):
                if time.perf_counter() > deadline:
                    return
                body = conversation.next_body()
                started = time.perf_counter()
                response = await client.post(CHAT, json=body)
                timings.append((time.perf_counter() - started) * 1000)
                conversation.answered(response, tally)

        await asyncio.gather(*(user(total // clients + (i < total % clients)) for i in range(clients)))
    return timings


def _measure(server: psutil.Process | None, drive: Callable[..., list[float]], *args: Any) -> Run:
    """Time `drive(*args)`, charging the server's CPU time, or this process's when there is no server."""
    cpu = (lambda: _cpu_seconds(server)) if server else time.process_time
    cpu_before, started = cpu(), time.perf_counter()
    timings = drive(*args)
    return Run(timings, time.perf_counter() - started, cpu() - cpu_before)


async def _in_process(user_id: uuid.UUID, count: int, deadline: float, tally: Tally) -> list[float]:
    conversation_id: uuid.UUID | None = None
    timings: list[float] = []
    while len(timings) < count and time.perf_counter() < deadline:
        index = len(timings)
        if index % len(MIX) == 0:
            conversation_id = None
        started = time.perf_counter()
        turn = await run_turn(user_id=user_id, message=MIX[index % len(MIX)], conversation_id=conversation_id)
        timings.append((time.perf_counter() - started) * 1000)
        conversation_id = turn.conversation_id
        tally.add(turn.provider, [call.result.ok for call in turn.tool_calls])
    return timings


def _profile(user_id: uuid.UUID, count: int) -> None:
    """cProfile the in-process turns (tools run in worker threads, which cProfile sees only as waiting)."""
    profiler = cProfile.Profile()
    profiler.enable()
    asyncio.run(_in_process(user_id, count, math.inf, Tally()))
    profiler.disable()
    for order, limit in (("tottime", 20), ("cumulative", 40)):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(limit)
        print(f"\ncProfile of {count} in-process turns, top {limit} by {order}:")
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


def _rest(args: argparse.Namespace, env: dict[str, str], log_path: Path, tally: Tally) -> list[tuple[str, Run]]:
    """Serve the app, sign in, warm up, then time the GET floor, one client in sequence and each concurrency."""
    runs = []
    with _server(args.server, env, log_path) as (base, server):
        login = httpx.post(f"{base}/api/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=30)
        login.raise_for_status()
        token = login.json()["access_token"]
        _sequential(base, token, 2 * len(MIX), math.inf, Tally())
        _floor(base, token, 50, math.inf)
        deadline = time.perf_counter() + args.seconds
        runs.append(("REST GET /api/v1/me (no PAM)", _measure(server, _floor, base, token, args.sequential, deadline)))
        deadline = time.perf_counter() + args.seconds
        runs.append(
            ("REST, 1 client in sequence", _measure(server, _sequential, base, token, args.sequential, deadline, tally))
        )
        for clients in args.concurrency:
            deadline = time.perf_counter() + args.seconds
            chat = _concurrent(base, token, clients, args.total, deadline, tally)
            runs.append((f"REST, {clients} concurrent clients", _measure(server, asyncio.run, chat)))
    return runs


def main() -> None:
    """Seed, serve, drive and print the latency/throughput table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL server URL; a fresh database is created on it and dropped")
    parser.add_argument(
        "--server", choices=["uvicorn", "granian"], default="uvicorn", help="ASGI server (default uvicorn)"
    )
    parser.add_argument("--sequential", type=int, default=500, help="messages from one client, and in-process (500)")
    parser.add_argument("--total", type=int, default=2000, help="messages per concurrency level (2000)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32], help="clients at once (8 32)")
    parser.add_argument("--seconds", type=float, default=30, help="stop a phase early after this long (30)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the in-process turns")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the cleanup below on `kill` too

    load_at_start = os.getloadavg()[0]
    with ExitStack() as cleanup:
        data_dir = Path(tempfile.mkdtemp(prefix="ww-bench-pam-"))
        cleanup.callback(shutil.rmtree, data_dir, ignore_errors=True)
        if args.database_url:
            database_url = cleanup.enter_context(_postgres_database(args.database_url))
        else:
            database_url = f"sqlite:///{data_dir / 'wheels_wins.db'}"
        env = _environment(data_dir, database_url)
        _use_environment(env)
        cleanup.callback(lambda: get_engine().dispose())

        started = time.perf_counter()
        # The place index (for trip planning) builds in its own process while this one seeds.
        gazetteer = subprocess.Popen(
            [sys.executable, "-m", "wheels_wins.cli", "build-gazetteer"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
        )
        cleanup.callback(gazetteer.kill)
        _migrate(database_url)
        user_id = _seed()
        if gazetteer.wait() != 0:
            raise RuntimeError("building the place index failed")
        setup = time.perf_counter() - started
        backend = make_url(database_url).get_backend_name()
        print(f"{backend}: migrated, {EXPENSES:,} expenses seeded and the place index built in {setup:.1f} s")
        print(
            f"{len(MIX)} distinct messages, a new conversation each time round; server: {args.server}, one worker",
            flush=True,
        )

        http, local = Tally(), Tally()
        rows = _rest(args, env, data_dir / "server.log", http)
        asyncio.run(_in_process(user_id, len(MIX), math.inf, Tally()))  # warm-up
        deadline = time.perf_counter() + args.seconds
        turns = _in_process(user_id, args.sequential, deadline, local)
        rows.append(("run_turn in-process, in sequence", _measure(None, asyncio.run, turns)))

        print(HEADER, *(run.row(label) for label, run in rows), sep="\n")
        sequential = rows[1][1]
        print(
            "cpu ms/msg: the server process's CPU time (in-process: this process's) per message; one worker can "
            f"serve at most ~1000/cpu msg/s ({len(sequential.timings_ms) / sequential.cpu_seconds:.0f} here)"
        )
        print(f"load average at start {load_at_start:.1f}, now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(http.line("REST"), local.line("in-process"), f"data at the end: {_row_counts()}", sep="\n")
        print("aims: p95 < 30 ms and > 200 messages/s")
        if args.profile:
            _profile(user_id, args.sequential)


if __name__ == "__main__":
    main()
