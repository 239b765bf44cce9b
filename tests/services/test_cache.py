"""The summary cache: both backends, and no stale total after a write through any path."""

# ruff: noqa: F811 - tests request the imported API fixtures (client, alice) by name
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy import delete, event, insert, text, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account
from tests.api.conftest import alice, client, make_account  # noqa: F401 - the API tests' fixtures
from tests.conftest import REDIS_TIMEOUT, REDIS_URL, redis_available
from wheels_wins.models import Expense, User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import budgets, expenses, income
from wheels_wins.services import money, vehicle_log
from wheels_wins.services.cache import MemoryCache, RedisCache, cache_status, get_cache, reset_cache
from wheels_wins.settings import get_settings

TODAY = money.today_in("UTC")
ROOT = Path(__file__).resolve().parents[2]


def _redis_or_skip() -> None:
    if not redis_available():  # raises instead under CI=true
        pytest.skip("Redis at 127.0.0.1:6379 is not running")


def _drop_keys(prefix: str) -> None:
    redis = Redis.from_url(REDIS_URL)
    keys = list(redis.scan_iter(match=f"{prefix}*"))
    if keys:
        redis.delete(*keys)
    redis.close()


@pytest.fixture(params=["memory", "redis"])
def backend(request: pytest.FixtureRequest, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app's cache on each backend (Redis under its own key prefix)."""
    prefix = f"ww-test-{uuid.uuid4().hex[:8]}:"
    if request.param == "redis":
        _redis_or_skip()
        monkeypatch.setenv("REDIS_URL", REDIS_URL)
        monkeypatch.setenv("CACHE_KEY_PREFIX", prefix)
        monkeypatch.setenv("REDIS_TIMEOUT_SECONDS", str(REDIS_TIMEOUT))  # a slow reply must not mean in-process
    get_settings.cache_clear()
    reset_cache()
    yield request.param
    reset_cache()
    get_settings.cache_clear()
    if request.param == "redis":
        _drop_keys(prefix)


@contextmanager
def _queries(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def _count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", _count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", _count)


def _total(session: Session, user_id: uuid.UUID) -> Decimal:
    return money.month_summary(session, user_id=user_id, today=TODAY).total


def _primed(session: Session, engine: Engine, user_id: uuid.UUID) -> Decimal:
    """The month total, now cached: a second read runs no SQL (so a stale entry would show)."""
    first = _total(session, user_id)
    with _queries(engine) as seen:
        assert _total(session, user_id) == first
    assert seen == []
    return first


def _spend(session: Session, user_id: uuid.UUID, amount: str, category: str = "fuel") -> Expense:
    row = expenses.create(session, user_id=user_id, amount=Decimal(amount), category=category, date=TODAY)
    session.commit()
    return row


# The backends on their own.


def test_memory_cache_expires_entries_after_their_ttl() -> None:
    now = [100.0]
    cache = MemoryCache(max_entries=10, clock=lambda: now[0])
    cache.set("a", {"x": "1.50"}, ttl=5)
    assert cache.get("a") == {"x": "1.50"}
    now[0] += 5
    assert cache.get("a") is None and len(cache) == 0


def test_memory_cache_evicts_the_least_recently_used() -> None:
    cache = MemoryCache(max_entries=2)
    cache.set("a", 1, ttl=60)
    cache.set("b", 2, ttl=60)
    assert cache.get("a") == 1
    cache.set("c", 3, ttl=60)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_memory_cache_hands_back_copies() -> None:
    cache = MemoryCache(max_entries=2)
    cache.set("a", {"by": [["fuel", "1.00"]]}, ttl=60)
    cache.get("a")["by"].clear()
    assert cache.get("a") == {"by": [["fuel", "1.00"]]}


def test_memory_cache_generations_move_per_user_and_for_everyone() -> None:
    cache = MemoryCache(max_entries=2)
    alice_id, bob_id = uuid.uuid4(), uuid.uuid4()
    before = cache.generation(alice_id), cache.generation(bob_id)
    cache.bump([alice_id])
    assert cache.generation(alice_id) != before[0] and cache.generation(bob_id) == before[1]
    cache.bump_all()
    assert cache.generation(bob_id) != before[1]


def test_memory_cache_is_thread_safe_and_stays_bounded() -> None:
    cache = MemoryCache(max_entries=50)
    users = [uuid.uuid4() for _ in range(4)]
    errors: list[BaseException] = []

    def work(seed: int) -> None:
        try:
            for i in range(2000):
                key = f"k{(seed * 7919 + i) % 200}"
                cache.set(key, [seed, i], ttl=60)
                cache.get(key)
                cache.generation(users[i % 4])
                if i % 50 == 0:
                    cache.bump([users[seed % 4]])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(cache) <= 50


def test_redis_generations_are_shared_between_processes() -> None:
    _redis_or_skip()
    prefix = f"ww-test-{uuid.uuid4().hex[:8]}:"
    one, two = (RedisCache(REDIS_URL, prefix=prefix, timeout=REDIS_TIMEOUT, max_entries=10) for _ in range(2))
    user_id = uuid.uuid4()
    try:
        key = f"money:{user_id}:{one.generation(user_id)}:month"
        one.set(key, {"total": "10.00"}, ttl=60)
        assert two.get(key) == {"total": "10.00"}
        two.bump([user_id])
        assert one.generation(user_id) == two.generation(user_id) != key.split(":")[2]
        assert one.status() == two.status() == "ok"
    finally:
        one.close(), two.close()
        _drop_keys(prefix)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_redis_degrades_to_in_process_quickly() -> None:
    cache = RedisCache(f"redis://127.0.0.1:{_free_port()}/0", prefix="ww:", timeout=0.2, max_entries=10)
    user_id = uuid.uuid4()
    started = time.perf_counter()
    assert cache.status() == "unavailable" and cache.degraded
    key = f"money:{user_id}:{cache.generation(user_id)}:month"
    cache.set(key, [1], ttl=60)
    assert cache.get(key) == [1]
    cache.bump([user_id])
    assert cache.generation(user_id) != key.split(":")[2]
    assert time.perf_counter() - started < 1.0
    cache.close()


def test_redis_outage_then_recovery_retires_every_older_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    _redis_or_skip()
    prefix = f"ww-test-{uuid.uuid4().hex[:8]}:"
    cache = RedisCache(REDIS_URL, prefix=prefix, timeout=REDIS_TIMEOUT, max_entries=10, retry_seconds=0)
    user_id = uuid.uuid4()
    try:
        old_key = f"money:{user_id}:{cache.generation(user_id)}:month"
        cache.set(old_key, "before", ttl=60)

        def down(*_args: object, **_kwargs: object) -> None:
            raise RedisConnectionError("outage")

        monkeypatch.setattr(cache.client.connection_pool, "get_connection", down)
        cache.bump([user_id])  # a write while Redis is away: it never hears of it
        assert cache.status() == "unavailable"
        monkeypatch.undo()

        assert cache.status() == "ok" and not cache.degraded
        assert f"money:{user_id}:{cache.generation(user_id)}:month" != old_key
    finally:
        cache.close()
        _drop_keys(prefix)


def test_cache_status_names_the_backend(backend: str) -> None:
    assert cache_status() == ("in-process" if backend == "memory" else "ok")
    assert isinstance(get_cache(), MemoryCache if backend == "memory" else RedisCache)


# No stale totals, whatever the write path.


def test_repository_create_update_delete(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    _spend(session, user.id, "10.00")
    assert _primed(session, engine, user.id) == Decimal("10.00")
    row = _spend(session, user.id, "2.50")
    assert _primed(session, engine, user.id) == Decimal("12.50")
    expenses.update(session, user_id=user.id, expense_id=row.id, changes={"amount": Decimal("5.00")})
    session.commit()
    assert _primed(session, engine, user.id) == Decimal("15.00")
    expenses.delete(session, user_id=user.id, expense_id=row.id)
    session.commit()
    assert _total(session, user.id) == Decimal("10.00")


def test_budgets_and_income_are_fresh(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    _spend(session, user.id, "30.00")
    assert money.budget_statuses(session, user_id=user.id, today=TODAY) == []
    assert _primed(session, engine, user.id) == Decimal("30.00")
    budgets.upsert(session, user_id=user.id, category="fuel", amount=Decimal("100"))
    income.create(session, user_id=user.id, amount=Decimal("500"), source="Work", date=TODAY)
    session.commit()
    summary = money.month_summary(session, user_id=user.id, today=TODAY)
    assert summary.income == Decimal("500.00") and summary.budget_total == Decimal("100.00")
    assert [s.remaining for s in money.budget_statuses(session, user_id=user.id, today=TODAY)] == [Decimal("70.00")]


def test_vehicle_log_fill_up(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    assert _primed(session, engine, user.id) == Decimal("0.00")
    vehicle_log.log_fuel(session, user=user, date=TODAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    session.commit()
    assert _total(session, user.id) == Decimal("100.00")


async def test_rest_post_patch_delete(
    backend: str, client: httpx.AsyncClient, alice: Account, session: Session, engine: Engine
) -> None:
    user_id = uuid.UUID(alice.id)
    assert _primed(session, engine, user_id) == Decimal("0.00")
    body = {"amount": "20.00", "category": "fuel", "date": TODAY.isoformat()}
    created = await client.post("/api/v1/expenses", json=body, headers=alice.headers)
    assert created.status_code == 201
    assert _primed(session, engine, user_id) == Decimal("20.00")
    summary = await client.get("/api/v1/expenses/summary", headers=alice.headers)
    assert summary.json()["total"] == "20.00"
    url = f"/api/v1/expenses/{created.json()['id']}"
    assert (await client.patch(url, json={"amount": "7.25"}, headers=alice.headers)).status_code == 200
    assert _primed(session, engine, user_id) == Decimal("7.25")
    assert (await client.get("/api/v1/expenses/summary", headers=alice.headers)).json()["total"] == "7.25"
    assert (await client.delete(url, headers=alice.headers)).status_code == 204
    assert _total(session, user_id) == Decimal("0.00")


async def test_pam_tool(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    assert _primed(session, engine, user.id) == Decimal("0.00")
    result = await run_turn(user_id=user.id, message="spent $12 on coffee")
    assert [c.result.ok for c in result.tool_calls] == [True]
    assert _total(session, user.id) == Decimal("12.00")


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(lambda uid: (insert(Expense), [_row(uid, "4.00"), _row(uid, "1.00")]), id="insert-executemany"),
        pytest.param(lambda uid: (insert(Expense).values(**_row(uid, "5.00")), None), id="insert-values"),
        pytest.param(lambda uid: (insert(Expense).values([_row(uid, "5.00")]), None), id="insert-multi-values"),
        pytest.param(lambda uid: (update(Expense).where(Expense.user_id == uid).values(amount=15), None), id="update"),
        pytest.param(lambda uid: (delete(Expense).where(Expense.category == "fuel"), None), id="delete-no-user"),
        pytest.param(lambda uid: (text("DELETE FROM expenses"), None), id="raw-sql"),
    ],
)
def test_bulk_statements(backend: str, session: Session, engine: Engine, make_user, statement: Callable) -> None:
    user = make_user()
    _spend(session, user.id, "10.00")
    before = _primed(session, engine, user.id)
    session.execute(*[part for part in statement(user.id) if part is not None])
    session.commit()
    with Session(engine) as fresh:
        expected = _total_uncached(fresh, user.id)
    assert expected != before and _total(session, user.id) == expected


def test_import_bulk_create(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    _primed(session, engine, user.id)
    rows = [{"amount": "2.50", "category": "groceries", "date": TODAY} for _ in range(4)]
    assert expenses.bulk_create(session, user_id=user.id, rows=rows) == 4
    session.commit()
    assert _total(session, user.id) == Decimal("10.00")


def _row(user_id: uuid.UUID, amount: str) -> dict[str, object]:
    return {"id": uuid.uuid4(), "user_id": user_id, "amount": Decimal(amount), "category": "fuel", "date": TODAY}


def _total_uncached(session: Session, user_id: uuid.UUID) -> Decimal:
    start, end = money.month_range(TODAY)
    return sum(expenses.sum_by_category(session, user_id=user_id, start=start, end=end).values(), Decimal("0.00"))


def test_account_deletion(backend: str, session: Session, engine: Engine, make_user) -> None:
    user, other = make_user(), make_user()
    _spend(session, user.id, "10.00")
    _spend(session, other.id, "3.00")
    _primed(session, engine, user.id), _primed(session, engine, other.id)
    session.delete(user)
    session.commit()
    assert _total(session, user.id) == Decimal("0.00")
    session.execute(delete(User).where(User.id == other.id))
    session.commit()
    assert _total(session, other.id) == Decimal("0.00")


def test_rolled_back_write_leaves_the_cache_valid(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    _spend(session, user.id, "10.00")
    _primed(session, engine, user.id)
    with Session(engine) as writer:
        expenses.create(writer, user_id=user.id, amount=Decimal("99.00"), category="fuel", date=TODAY)
        assert _total(writer, user.id) == Decimal("109.00")  # its own uncommitted write: read through, not cached
        writer.rollback()
        assert _total(writer, user.id) == Decimal("10.00")
    assert _primed(session, engine, user.id) == Decimal("10.00")


def test_savepoint_rollback_keeps_the_outer_write(backend: str, session: Session, engine: Engine, make_user) -> None:
    user = make_user()
    _primed(session, engine, user.id)
    expenses.create(session, user_id=user.id, amount=Decimal("8.00"), category="fuel", date=TODAY)
    with pytest.raises(RuntimeError), session.begin_nested():
        expenses.create(session, user_id=user.id, amount=Decimal("1.00"), category="fuel", date=TODAY)
        raise RuntimeError("undo the inner part")
    session.commit()
    assert _total(session, user.id) == Decimal("8.00")


def test_users_do_not_invalidate_each_other(backend: str, session: Session, engine: Engine, make_user) -> None:
    user, other = make_user(), make_user()
    _spend(session, user.id, "10.00")
    _primed(session, engine, user.id)
    _spend(session, other.id, "5.00")
    assert _primed(session, engine, user.id) == Decimal("10.00")


_PROCESS = """
import json, sys, uuid, datetime as dt
from sqlmodel import Session
from wheels_wins.db import get_engine
from wheels_wins.services import money
with Session(get_engine()) as s:
    print(money.month_summary(s, user_id=uuid.UUID(sys.argv[1]), today=dt.date.fromisoformat(sys.argv[2])).total)
"""


def test_two_redis_backed_processes_agree(
    backend: str, db_url: str, session: Session, engine: Engine, make_user
) -> None:
    if backend != "redis":
        pytest.skip("only Redis is shared between processes")
    user = make_user()
    _spend(session, user.id, "10.00")
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": get_settings().cache_key_prefix,
        "REDIS_TIMEOUT_SECONDS": str(REDIS_TIMEOUT),
    }

    def other_process() -> str:
        run = subprocess.run(
            [sys.executable, "-c", _PROCESS, str(user.id), TODAY.isoformat()],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert other_process() == "10.00"  # computed there, cached in Redis
    with _queries(engine) as seen:
        assert _total(session, user.id) == Decimal("10.00")
    assert seen == []  # served here from what the other process cached
    _spend(session, user.id, "5.00")
    assert other_process() == "15.00"
    assert json.loads(json.dumps(cache_status())) == "ok"
