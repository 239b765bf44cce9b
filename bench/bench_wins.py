"""Wins read latency with 100,000 expenses: the month summary (uncached and cached) and the first expense page.

Seeds a scratch database per backend (a user with 100,000 expenses over three years in all 13
categories, bulk-inserted, plus budgets; ten other users with 2,000 each so indexes must pick the
right user), then times `services.money.month_summary` on a cache miss (the user's generation is
bumped before each call, as after a write), on an in-process hit and, when Redis answers on
127.0.0.1:6379, on a Redis hit; and the first expense page: `repositories.expenses.list_page`
(rows and a fresh COUNT), and what the app reads (`list_rows` plus `money.expense_list_totals`,
cached per user generation), also right after a write. Prints p50/p95 against the aims (p95 under 5 ms on SQLite,
20 ms on PostgreSQL) and each query's plan. SQLite is a file in a temp dir; PostgreSQL is a
scratch database on 127.0.0.1:5432 (user postgres), dropped afterwards; a backend that is not
running is skipped. Takes a minute or two.

Run: `.venv/bin/python bench/bench_wins.py`
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redis import Redis
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from wheels_wins.db import get_engine, session_scope
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.services import money
from wheels_wins.services.cache import get_cache, reset_cache
from wheels_wins.services.categories import CATEGORIES
from wheels_wins.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/15"
EXPENSES = 100_000
OTHER_USERS, OTHER_EXPENSES = 10, 2_000
DAYS = 3 * 365
CHUNK = 10_000
ROUNDS, WARMUP = 400, 30
AIMS_MS = {"sqlite": 5.0, "postgresql": 20.0}


def _reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@contextmanager
def _postgres_database() -> Iterator[str]:
    """A scratch database on the local server, dropped afterwards even after a failure."""
    name = f"ww_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        get_engine().dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


REDIS_PREFIX = f"ww-bench-{uuid.uuid4().hex[:8]}:"


def _use(database_url: str, redis_url: str | None = None) -> None:
    """Point the app's settings, engine and cache at this database (and Redis, or in-process)."""
    os.environ.update(DATABASE_URL=database_url, CACHE_KEY_PREFIX=REDIS_PREFIX)
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)
    get_settings.cache_clear()
    reset_cache()


def _drop_redis_keys() -> None:
    client = Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{REDIS_PREFIX}*"))
    if keys:
        client.delete(*keys)
    client.close()


def _migrate(database_url: str) -> None:
    from alembic.config import Config

    from alembic import command

    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    config.attributes["skip_logging"] = True
    command.upgrade(config, "head")


def _rows(rng: random.Random, count: int, today: dt.date) -> list[dict[str, object]]:
    weights = [30 - i * 2 for i in range(len(CATEGORIES))]
    return [
        {
            "amount": Decimal(rng.randint(200, 30_000)) / 100,
            "category": rng.choices(CATEGORIES, weights)[0],
            "date": today - dt.timedelta(days=rng.randrange(DAYS)),
            "description": f"bench {n}",
            "merchant": rng.choice(("Ampol", "Coles", "BIG4", "Bunnings", "Woolworths", "")),
        }
        for n in range(count)
    ]


def _seed(today: dt.date) -> uuid.UUID:
    """The bench user (returned) and the other users, each with their expenses and budgets."""
    rng = random.Random(11)
    owners = []
    with session_scope() as session:
        for n in range(OTHER_USERS + 1):
            user = user_repo.create(session, email=f"bench-{n}@example.com", password_hash=None, timezone="UTC")
            owners.append((user.id, EXPENSES if n == 0 else OTHER_EXPENSES))
            for category in CATEGORIES:
                budget_repo.upsert(session, user_id=user.id, category=category, amount=Decimal(rng.randint(100, 900)))
    for user_id, count in owners:
        for start in range(0, count, CHUNK):
            with session_scope() as session:
                expense_repo.bulk_create(session, user_id=user_id, rows=_rows(rng, min(CHUNK, count - start), today))
    return owners[0][0]


def _analyse(engine: Engine) -> None:
    """What a running database would have done by now: SQLite's `PRAGMA optimize`, PostgreSQL's autovacuum."""
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.execute(text("PRAGMA optimize=0x10002"))
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def _timed(fn: Callable[[], object], before: Callable[[], object] | None = None) -> list[float]:
    timings = []
    for n in range(WARMUP + ROUNDS):
        if before:
            before()
        started = time.perf_counter()
        fn()
        if n >= WARMUP:
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _report(title: str, timings: list[float], aim: float | None) -> None:
    ordered = sorted(timings)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    verdict = "" if aim is None else ("  meets aim" if p95 < aim else f"  MISSES aim ({aim:g} ms)")
    print(f"  {title:<34} p50={statistics.median(ordered):7.3f} ms  p95={p95:7.3f} ms{verdict}")


def _statements(engine: Engine, fn: Callable[[], object]) -> list[tuple[str, object]]:
    """The SQL `fn` sends, with its driver parameters."""
    seen: list[tuple[str, object]] = []

    def capture(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return seen


def _plans(engine: Engine, title: str, fn: Callable[[], object]) -> None:
    """EXPLAIN (QUERY PLAN on SQLite, ANALYZE on PostgreSQL) every statement `fn` runs."""
    explain = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN (ANALYZE, COSTS OFF) "
    with engine.connect() as conn:
        for statement, parameters in _statements(engine, fn):
            print(f"  plan, {title}: {' '.join(statement.split())[:110]}...")
            for row in conn.exec_driver_sql(explain + statement, parameters).all():
                print("    " + str(row[-1]))


def _bench_backend(name: str, database_url: str, redis: bool) -> None:
    print(f"== {name}")
    _use(database_url)
    _migrate(database_url)
    today = money.today_in("UTC")
    started = time.perf_counter()
    user_id = _seed(today)
    engine = get_engine()
    _analyse(engine)
    print(f"  seeded {EXPENSES + OTHER_USERS * OTHER_EXPENSES:,} expenses in {time.perf_counter() - started:.1f} s")
    aim = AIMS_MS[name]
    backends = [("in-process", None)] + ([("Redis", REDIS_URL)] if redis else [])
    with Session(engine) as session:

        def summary() -> object:
            return money.month_summary(session, user_id=user_id, today=today)

        for label, redis_url in backends:
            _use(database_url, redis_url)
            if label == "in-process":
                _report("month_summary, cache miss", _timed(summary, lambda: get_cache().bump([user_id])), aim)
            _report(f"month_summary, {label} hit", _timed(summary), aim)
        _use(database_url)

        def first_page() -> object:
            """What the Wins table and GET /expenses read: one page of rows, plus the cached count and total."""
            rows = expense_repo.list_rows(session, user_id=user_id, limit=25)
            return rows, money.expense_list_totals(session, user_id=user_id)

        _report("list_page (rows + COUNT every time)", _timed(lambda: expense_repo.list_page(session, user_id=user_id)),
                aim)
        _report("expense list, first page", _timed(first_page), aim)
        _report("expense list, after a write", _timed(first_page, lambda: get_cache().bump([user_id])), aim)
        rows, (total, _) = first_page()
        print(f"  (first page: {len(rows)} rows of {total:,})")
        get_cache().bump([user_id])
        _plans(engine, "month_summary", summary)
        _plans(engine, "list_page", lambda: expense_repo.list_page(session, user_id=user_id))


def main() -> None:
    """Seed each backend, print the latency table and the query plans."""
    redis = _reachable(6379)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (figures are wall times)")
    with ExitStack() as cleanup:
        data_dir = Path(tempfile.mkdtemp(prefix="ww-bench-wins-"))
        cleanup.callback(shutil.rmtree, data_dir, ignore_errors=True)
        os.environ.update(DATA_DIR=str(data_dir), SEED_DEMO="false", ENVIRONMENT="development")
        cleanup.callback(lambda: get_engine.cache_clear())
        cleanup.callback(lambda: get_engine().dispose())
        if redis:
            cleanup.callback(_drop_redis_keys)
        _bench_backend("sqlite", f"sqlite:///{data_dir / 'bench.db'}", redis)
        get_engine().dispose()
        get_engine.cache_clear()
        if _reachable(5432):
            pg_url = cleanup.enter_context(_postgres_database())
            _bench_backend("postgresql", pg_url, redis)
        else:
            print("== postgresql: skipped (nothing on 127.0.0.1:5432)")
        if not redis:
            print("(Redis hits skipped: nothing on 127.0.0.1:6379)")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
