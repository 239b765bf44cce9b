"""PostgreSQL failing under the API, through a TCP proxy: 503s in bounded time, no partial writes, recovery.

The app's engine talks to a fresh, migrated database through `TcpProxy`, which can drop every open
connection (`cut`, as a crashed or restarted server would), fall silent mid-conversation (`freeze`),
send new ones to a closed port (`stopped`) or accept them and never answer (`silent`). The real
PostgreSQL keeps running for everyone else.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, event, text

from tests.api import Account, assert_error
from tests.conftest import _create_pg_database, _drop_pg_database, _reset_app_caches, postgres_available
from tests.stubs.server import free_port
from tests.stubs.tcp_proxy import TcpProxy
from wheels_wins.api.app import fastapi_app
from wheels_wins.db import CONNECT_TIMEOUT_SECONDS, get_engine, session_scope, utcnow
from wheels_wins.db_watchdog import GRACE_SECONDS
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import users as users_repo
from wheels_wins.services.auth import hash_token
from wheels_wins.services.rate_limits import reset_rate_limits

PG = ("127.0.0.1", 5432)
TRIP = {
    "title": "Coast run",
    "waypoints": [
        {"name": "Sydney", "lat": -33.8688, "lon": 151.2093},
        {"name": "Newcastle", "lat": -32.9283, "lon": 151.7817},
        {"name": "Port Macquarie", "lat": -31.4308, "lon": 152.9089},
    ],
}


@pytest.fixture(scope="module")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database migrated to head (PostgreSQL unreachable: a skip, or a failure on CI)."""
    if not postgres_available():
        pytest.skip("no local PostgreSQL")
    from alembic.config import Config

    from alembic import command

    name = _create_pg_database()
    cfg = Config(str(Path(__file__).resolve().parents[2] / "alembic.ini"))
    cfg.attributes["database_url"] = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    cfg.attributes["skip_logging"] = True
    command.upgrade(cfg, "head")
    yield name
    _drop_pg_database(name)


@pytest.fixture
def proxy(pg_database: str) -> Iterator[TcpProxy]:
    """The app's database URL pointed at a proxy in front of PostgreSQL, for this test only."""
    backends = {"postgres": PG, "stopped": ("127.0.0.1", free_port()), "silent": None}
    previous = os.environ.get("DATABASE_URL")
    with TcpProxy(("127.0.0.1", free_port()), backends, "postgres") as running:
        # No connect_timeout in the URL: the one make_engine sets is what bounds the silent case.
        os.environ["DATABASE_URL"] = f"postgresql+psycopg://postgres@127.0.0.1:{running.listen[1]}/{pg_database}"
        _reset_app_caches()
        try:
            yield running
        finally:
            get_engine().dispose()
            if previous is None:
                os.environ.pop("DATABASE_URL", None)
            else:
                os.environ["DATABASE_URL"] = previous
            _reset_app_caches()


@pytest.fixture
def direct(pg_database: str) -> Iterator[Callable[[str, dict[str, Any]], int]]:
    """count(sql, params): a count straight from PostgreSQL, bypassing the proxy and the app's pool."""
    engine = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_database}")

    def count(sql: str, params: dict[str, Any]) -> int:
        with engine.connect() as conn:
            return int(conn.execute(text(sql), params).scalar_one())

    yield count
    engine.dispose()


@pytest.fixture
async def client(proxy: TcpProxy) -> AsyncIterator[httpx.AsyncClient]:
    """The API in-process; its engine goes through the proxy."""
    reset_rate_limits()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=fastapi_app), base_url="http://testserver") as http:
        yield http


@pytest.fixture
def account(proxy: TcpProxy) -> Account:
    """A user with a live session token."""
    token = secrets.token_urlsafe(32)
    with session_scope() as session:
        user = users_repo.create(
            session, email=f"u-{uuid.uuid4().hex[:10]}@example.com", password_hash=None, full_name="Fran Fault"
        )
        sessions_repo.create(
            session, user_id=user.id, token_hash=hash_token(token), expires_at=utcnow() + dt.timedelta(days=1)
        )
        return Account(id=str(user.id), email=user.email, token=token)


@contextmanager
def cut_once(proxy: TcpProxy, *, armed_by: str, cut_before: str | None = None) -> Iterator[dict[str, bool]]:
    """Drop every connection once, in the transaction that ran `armed_by`: before `cut_before`, else at COMMIT."""
    state = {"armed": False, "cut": False}

    def cut() -> None:
        if state["armed"] and not state["cut"]:
            state["cut"] = True
            proxy.cut()

    def before_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if cut_before is not None and statement.startswith(cut_before):
            cut()
        if statement.startswith(armed_by):
            state["armed"] = True

    def before_commit(_conn: Any) -> None:
        if cut_before is None:
            cut()

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", before_execute)
    event.listen(engine, "commit", before_commit)
    try:
        yield state
    finally:
        event.remove(engine, "before_cursor_execute", before_execute)
        event.remove(engine, "commit", before_commit)


def _rows(count: Callable[[str, dict[str, Any]], int], table: str, account: Account) -> int:
    return count(f"SELECT count(*) FROM {table} WHERE user_id = :user_id", {"user_id": uuid.UUID(account.id)})


@pytest.mark.parametrize("outage", ["stopped", "silent"])
async def test_an_unreachable_database_is_a_prompt_503_and_the_next_request_works(
    client: httpx.AsyncClient, account: Account, proxy: TcpProxy, outage: str
) -> None:
    assert (await client.get("/api/v1/expenses", headers=account.headers)).status_code == 200  # a pooled connection
    proxy.switch_to(outage)
    started = time.monotonic()
    response = await client.post(
        "/api/v1/expenses", headers=account.headers, json={"amount": "12.50", "category": "groceries"}
    )
    elapsed = time.monotonic() - started
    assert_error(response, 503, "database_unavailable", mentions="database is unavailable")
    assert response.headers["retry-after"] == "5"
    assert elapsed < (1 if outage == "stopped" else CONNECT_TIMEOUT_SECONDS + 2), elapsed

    proxy.switch_to("postgres")
    listing = await client.get("/api/v1/expenses", headers=account.headers)
    assert listing.status_code == 200 and listing.json()["total"] == 0


@pytest.mark.parametrize("outage", ["stopped", "silent"])
async def test_health_is_503_while_the_database_is_down_and_healthy_after(
    client: httpx.AsyncClient, proxy: TcpProxy, outage: str
) -> None:
    assert (await client.get("/api/health")).json()["status"] == "healthy"
    proxy.switch_to(outage)
    started = time.monotonic()
    down = await client.get("/api/health")
    assert time.monotonic() - started < 5
    assert down.status_code == 503
    assert down.json()["status"] == "unhealthy" and down.json()["checks"]["database"] == "unavailable"
    assert down.json()["error"]["code"] == "database_unavailable"
    proxy.switch_to("postgres")
    up = await client.get("/api/health")
    assert up.status_code == 200 and up.json()["status"] == "healthy"


@pytest.mark.parametrize("cut_before", ["INSERT INTO trip_waypoints", None], ids=["between-inserts", "at-commit"])
async def test_a_trip_cut_off_mid_write_leaves_nothing_and_the_pool_recovers(
    client: httpx.AsyncClient,
    account: Account,
    proxy: TcpProxy,
    direct: Callable[[str, dict[str, Any]], int],
    cut_before: str | None,
) -> None:
    with cut_once(proxy, armed_by="INSERT INTO trips", cut_before=cut_before) as cut:
        response = await client.post("/api/v1/trips", headers=account.headers, json=TRIP)
    assert cut["cut"]
    assert_error(response, 503, "database_unavailable")
    assert _rows(direct, "trips", account) == 0
    assert _rows(direct, "trip_waypoints", account) == 0

    retried = await client.post("/api/v1/trips", headers=account.headers, json=TRIP)
    assert retried.status_code == 201, retried.text
    assert [stop["name"] for stop in retried.json()["waypoints"]] == ["Sydney", "Newcastle", "Port Macquarie"]
    assert (_rows(direct, "trips", account), _rows(direct, "trip_waypoints", account)) == (1, 3)


@pytest.mark.parametrize("cut_before", ["INSERT INTO notifications", None], ids=["between-inserts", "at-commit"])
async def test_an_expense_and_its_budget_alert_commit_together_or_not_at_all(
    client: httpx.AsyncClient,
    account: Account,
    proxy: TcpProxy,
    direct: Callable[[str, dict[str, Any]], int],
    cut_before: str | None,
) -> None:
    budget = await client.put("/api/v1/budgets/fuel", headers=account.headers, json={"amount": "100"})
    assert budget.status_code == 200, budget.text
    expense = {"amount": "90", "category": "fuel", "description": "Diesel"}
    with cut_once(proxy, armed_by="INSERT INTO expenses", cut_before=cut_before) as cut:
        response = await client.post("/api/v1/expenses", headers=account.headers, json=expense)
    assert cut["cut"]
    assert_error(response, 503, "database_unavailable")
    assert (_rows(direct, "expenses", account), _rows(direct, "notifications", account)) == (0, 0)

    retried = await client.post("/api/v1/expenses", headers=account.headers, json=expense)
    assert retried.status_code == 201, retried.text
    assert (_rows(direct, "expenses", account), _rows(direct, "notifications", account)) == (1, 1)


async def test_a_statement_stuck_behind_a_lock_is_cut_off_and_the_next_request_works(
    client: httpx.AsyncClient, account: Account, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT_SECONDS", "1")
    get_engine().dispose()
    _reset_app_caches()
    created = await client.post(
        "/api/v1/expenses", headers=account.headers, json={"amount": "12.50", "category": "groceries"}
    )
    assert created.status_code == 201
    url = f"/api/v1/expenses/{created.json()['id']}"
    holder = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_database}")
    with holder.connect() as conn:  # another transaction holds the row and never finishes
        conn.execute(text("SELECT id FROM expenses WHERE id = :id FOR UPDATE"), {"id": uuid.UUID(created.json()["id"])})
        started = time.monotonic()
        stuck = await client.patch(url, headers=account.headers, json={"amount": "13.00"})
        elapsed = time.monotonic() - started
        conn.rollback()
    holder.dispose()
    assert_error(stuck, 503, "database_unavailable")
    assert 1 <= elapsed < 4, elapsed

    changed = await client.patch(url, headers=account.headers, json={"amount": "13.00"})
    assert changed.status_code == 200 and changed.json()["amount"] == "13.00"


async def test_a_database_falling_silent_mid_query_is_a_503_in_bounded_time_and_the_next_request_works(
    client: httpx.AsyncClient, account: Account, proxy: TcpProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server stops answering with the connection open: its own statement timeout never comes, so
    the app's watchdog cuts the connection off once the timeout and its grace have passed."""
    monkeypatch.setenv("DATABASE_STATEMENT_TIMEOUT_SECONDS", "1")
    get_engine().dispose()
    _reset_app_caches()
    assert (await client.get("/api/v1/expenses", headers=account.headers)).status_code == 200

    def fall_silent(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("INSERT INTO expenses"):
            proxy.freeze()

    event.listen(get_engine(), "before_cursor_execute", fall_silent)
    started = time.monotonic()
    response = await client.post(
        "/api/v1/expenses", headers=account.headers, json={"amount": "12.50", "category": "groceries"}
    )
    elapsed = time.monotonic() - started
    event.remove(get_engine(), "before_cursor_execute", fall_silent)
    assert_error(response, 503, "database_unavailable", mentions="database is unavailable")
    assert 1 + GRACE_SECONDS <= elapsed < 1 + GRACE_SECONDS + 2, elapsed

    proxy.thaw()
    listing = await client.get("/api/v1/expenses", headers=account.headers)
    assert listing.status_code == 200 and listing.json()["total"] == 0
