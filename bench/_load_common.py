"""Shared helpers of load_rest.py, load_ws.py and soak.py: a served app with seeded users, quiet-machine waits, figures.

The server is the production backend as `scripts/serve.py` runs it (Granian, its access log, prod
mode, `GRANIAN_WORKERS` workers, Redis for Reflex's state when there are two) but without the
compiled frontend mounted: load goes to `/api`, `/ping` and `/_event`, none of which the static
frontend serves, and skipping the build keeps a run to seconds instead of minutes.

Run on its own (`make bench` does) it only says so; `serve HOST PORT` is how the server is started.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import secrets
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
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
APP_ROLE = "ww_app"  # the tests' app role: not a superuser, no BYPASSRLS, owns nothing
# A Redis database of the benches' own (tests use 14 and 15); emptied before and after each served app.
REDIS_URL = "redis://127.0.0.1:6379/13"
PASSWORD = "Corrugated-Roads-2031"
EXPENSES_PER_USER = 400
HISTORY_DAYS = 365
CATEGORIES = ("fuel", "groceries", "dining", "camping", "maintenance", "transport", "utilities")
PROVIDER_KEYS = ("ANTHROPIC_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY")
HEADER = f"{'scenario':<34}{'workers':>8}{'conc':>6}{'n':>8}{'rate/s':>9}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'err':>6}{'load1':>7}"


@dataclass
class Figures:
    """One measured run: per-request latencies (ms), errors, wall seconds and the load average before it."""

    scenario: str
    workers: int
    concurrency: int
    timings_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    load_before: float = 0.0
    note: str = ""

    def row(self) -> str:
        """A line of the table HEADER heads."""
        ordered = sorted(self.timings_ms) or [math.nan]
        p50, p95, p99 = (percentile(ordered, share) for share in (0.5, 0.95, 0.99))
        rate = len(self.timings_ms) / self.seconds if self.seconds else 0.0
        cells = "".join(f"{value:>8.1f}" for value in (p50, p95, p99, ordered[-1]))
        line = f"{self.scenario:<34}{self.workers:>8}{self.concurrency:>6}{len(self.timings_ms):>8}{rate:>9.0f}{cells}"
        return f"{line}{self.errors:>6}{self.load_before:>7.2f}" + (f"  {self.note}" if self.note else "")


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of an ascending list."""
    return ordered[max(math.ceil(share * len(ordered)) - 1, 0)]


def load1() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


def wait_for_quiet(threshold: float = 1.0, max_wait: float = 180.0) -> float:
    """Wait (up to `max_wait` s) for the 1-minute load to fall below `threshold`; the load average then.

    The machine is shared: a figure taken while it is busy is printed with the load it ran under.
    """
    deadline = time.monotonic() + max_wait
    while load1() >= threshold and time.monotonic() < deadline:
        time.sleep(5)
    return load1()


@dataclass
class App:
    """A served app: its base URL, the seeded users' emails and the server process."""

    base_url: str
    workers: int
    emails: list[str]
    process: subprocess.Popen[bytes]
    log_path: Path

    def worker_processes(self) -> list:
        """The processes that serve requests (Granian's workers, children of its supervisor)."""
        import psutil

        main = psutil.Process(self.process.pid)
        return main.children(recursive=True) or [main]


def _server_env(workdir: Path, base_url: str, database_url: str, workers: int) -> dict[str, str]:
    """The server's environment: none of this shell's app settings, the production ones for the bench."""
    from tests.stubs.server import environment_without_app_settings

    env = environment_without_app_settings()
    env.update(
        ENVIRONMENT="production",
        PUBLIC_URL=base_url,
        DATA_DIR=str(workdir / "data"),
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(32),
        SEED_DEMO="false",
        RATE_LIMITS_ENABLED="false",
        REFLEX_STATES_WORKDIR=str(workdir / "states"),
        REFLEX_CHECK_LATEST_VERSION="0",
        GRANIAN_WORKERS=str(workers),
        PYTHONUNBUFFERED="1",
        **dict.fromkeys(PROVIDER_KEYS, ""),
    )
    if workers > 1:  # Reflex shares session state between workers only through Redis
        env["REDIS_URL"] = REDIS_URL
    return env


@contextmanager
def _database(use_postgres: bool, workdir: Path) -> Iterator[tuple[str, str]]:
    """A fresh PostgreSQL database (dropped afterwards) when asked and reachable, else SQLite in `workdir`:
    (the app's URL, the owner's URL). On PostgreSQL the app connects as its own role, held by Row Level
    Security, as production does."""
    if not use_postgres:
        sqlite = f"sqlite:///{workdir / 'app.db'}"
        yield sqlite, sqlite
        return
    from sqlalchemy import create_engine, text

    name = f"ww_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": APP_ROLE}).first() is None:
            conn.execute(text(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS"))
    try:
        yield (
            f"postgresql+psycopg://{APP_ROLE}@127.0.0.1:5432/{name}",
            f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}",
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def postgres_reachable() -> bool:
    """Whether the local PostgreSQL accepts connections."""
    import socket

    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def _seed(env: dict[str, str], users: int, owner_url: str) -> list[str]:
    """Migrate, then add `users` users (one shared password hash) with a year of expenses each, as the
    tables' owner; their emails."""
    from alembic.config import Config
    from sqlalchemy import insert

    from alembic import command

    os.environ.update({k: v for k, v in env.items() if k in ("DATA_DIR", "ENVIRONMENT", "SECRET_KEY")})
    os.environ["DATABASE_URL"] = owner_url
    from wheels_wins.db import get_engine, session_scope
    from wheels_wins.models import Expense
    from wheels_wins.repositories import users as user_repo
    from wheels_wins.services.passwords import hash_password
    from wheels_wins.settings import get_settings

    get_settings.cache_clear()
    get_engine.cache_clear()
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = owner_url
    config.attributes["app_database_url"] = env["DATABASE_URL"]
    config.attributes["skip_logging"] = True
    command.upgrade(config, "head")
    rng = random.Random(7)
    today = dt.datetime.now(ZoneInfo("Australia/Sydney")).date()  # the users' timezone: "this month" has data
    now, password_hash = dt.datetime.now(dt.UTC), hash_password(PASSWORD)
    emails = [f"load{index:03d}@example.com" for index in range(users)]
    with session_scope() as session:
        rows = []
        for email in emails:
            user = user_repo.create(session, email=email, password_hash=password_hash, full_name="Load Traveller")
            for _ in range(EXPENSES_PER_USER):
                category = rng.choice(CATEGORIES)
                rows.append(
                    {
                        "id": uuid.uuid4(),
                        "created_at": now,
                        "updated_at": now,
                        "user_id": user.id,
                        "amount": Decimal(str(round(rng.uniform(5, 200), 2))),
                        "currency": "AUD",
                        "category": category,
                        "description": f"{category.title()} stop",
                        "merchant": rng.choice(("Ampol", "Coles", "BIG4", "Repco", "Bakery")),
                        "date": today - dt.timedelta(days=rng.randrange(HISTORY_DAYS)),
                        "trip_id": None,
                        "source": "manual",
                    }
                )
        session.execute(insert(Expense), rows)
    get_engine().dispose()
    return emails


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


@contextmanager
def served_app(*, workers: int, users: int, postgres: bool = True) -> Iterator[App]:
    """Seed a fresh database and serve the production backend with `workers` workers on a free port."""
    import httpx

    from tests.stubs.server import free_port, stop_process_group

    # A terminated bench stops its server too (the server runs in its own session, out of reach of the signal).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ww-load-")))
        database_url, owner_url = stack.enter_context(_database(postgres and postgres_reachable(), workdir))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        env = _server_env(workdir, base_url, database_url, workers)
        emails = _seed(env, users, owner_url)
        if workers > 1:
            _flush_redis()
            stack.callback(_flush_redis)
        log_path = workdir / "server.log"
        with log_path.open("wb") as log:
            command = [sys.executable, __file__, "serve", "127.0.0.1", str(port)]
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        stack.callback(stop_process_group, process)
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited ({process.returncode}):\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{base_url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start in 120 s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.3)
        app = App(base_url, workers, emails, process, log_path)
        # Granian starts workers one by one: wait until all of them are up.
        while workers > 1 and len(app.worker_processes()) < workers and time.monotonic() < deadline:
            time.sleep(0.3)
        yield app


async def sign_in(base_url: str, emails: list[str]) -> list[str]:
    """Session tokens for `emails`, from POST /api/v1/auth/login (a few at a time: each checks an argon2 hash)."""
    import asyncio

    import aiohttp

    limit = asyncio.Semaphore(4)

    async def one(client: aiohttp.ClientSession, email: str) -> str:
        async with limit, client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}) as response:
            response.raise_for_status()
            return (await response.json())["access_token"]

    async with aiohttp.ClientSession(base_url) as client:
        return list(await asyncio.gather(*(one(client, email) for email in emails)))


def rss_mb(app: App) -> list[float]:
    """Resident memory of each worker process, in MB."""
    return [process.memory_info().rss / 1e6 for process in app.worker_processes()]


def cpu_seconds(processes: list) -> float:
    """User + system CPU seconds the processes have used so far."""
    return sum(sum(process.cpu_times()[:2]) for process in processes)


def cpu_note(app: App, run: Callable[..., T], *args: Any) -> tuple[T, str]:
    """`run(*args)`'s result and how much CPU the server and this process (the generator) used meanwhile."""
    import psutil

    server, me = [psutil.Process(app.process.pid), *app.worker_processes()], [psutil.Process()]
    server_before, me_before, started = cpu_seconds(server), cpu_seconds(me), time.monotonic()
    result = run(*args)
    wall = time.monotonic() - started
    server_share, my_share = (cpu_seconds(server) - server_before) / wall, (cpu_seconds(me) - me_before) / wall
    return result, f"cpu: server {server_share:.0%}, generator {my_share:.0%}"


def summary(values: list[float]) -> str:
    """min/median/max of a few numbers."""
    return f"min {min(values):.0f} / median {statistics.median(values):.0f} / max {max(values):.0f}"


def _serve(host: str, port: int) -> None:
    """`scripts/serve.py`'s serve() without mounting the frontend build."""
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "scripts"))
    import serve
    from reflex import constants
    from reflex.config import get_config
    from reflex.environment import environment
    from reflex.istate.manager import reset_disk_state_manager

    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    config = get_config()
    config._set_persistent(frontend_port=port, backend_port=port)
    reset_disk_state_manager()
    serve.run_granian(host, port, config.loglevel.subprocess_level().value)


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        _serve(sys.argv[2], int(sys.argv[3]))
    else:
        print("Helpers of load_rest.py, load_ws.py and soak.py; nothing to run on its own.")
