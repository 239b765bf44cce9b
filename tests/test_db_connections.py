"""The app's PostgreSQL connections when the server or the path to it fails.

A server that falls silent costs a bounded wait, not a hung thread (`db_watchdog`), and a pooled
connection that died while idle is replaced before a request gets it (`db._socket_is_quiet`). Real
PostgreSQL, reached directly or through `TcpProxy`, whose `freeze` makes it fall silent with the
connections still open (what a hung server or a path dropping packets looks like to the client).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from tests.conftest import postgres_available
from tests.stubs.server import free_port
from tests.stubs.tcp_proxy import TcpProxy
from wheels_wins import db_watchdog
from wheels_wins.db import is_database_down, make_engine

PG = ("127.0.0.1", 5432)
DEADLINE = 1.0
# Slack on top of DEADLINE for a loaded CI machine. Without the watchdog a frozen server is waited on for
# good (the proxy's kernel keeps acknowledging keepalives) and `pg_sleep(10)` for 10 s: both far beyond it.
SLACK = 5.0


@pytest.fixture(autouse=True)
def _postgres() -> None:
    if not postgres_available():
        pytest.skip("no local PostgreSQL")


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    with TcpProxy(("127.0.0.1", free_port()), {"postgres": PG}, "postgres") as running:
        yield running


def _engine(port: int, **query: str) -> tuple[Engine, db_watchdog.Watchdog]:
    extra = "".join(f"&{key}={value}" for key, value in query.items())
    engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres?application_name=watchdog{extra}")
    return engine, db_watchdog.install(engine, deadline_seconds=DEADLINE)


def test_a_server_falling_silent_mid_query_is_cut_off_after_the_deadline_and_the_pool_recovers(
    proxy: TcpProxy,
) -> None:
    engine, watchdog = _engine(proxy.listen[1])
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1

    def fall_silent(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "42" in statement:
            proxy.freeze()

    event.listen(engine, "before_cursor_execute", fall_silent)
    started = time.monotonic()
    with pytest.raises(OperationalError) as raised, engine.connect() as conn:
        conn.execute(text("SELECT 42"))
    elapsed = time.monotonic() - started
    event.remove(engine, "before_cursor_execute", fall_silent)

    assert DEADLINE <= elapsed < DEADLINE + SLACK, elapsed
    assert is_database_down(raised.value) and raised.value.connection_invalidated
    assert watchdog.cut_off == 1

    proxy.thaw()
    with engine.connect() as conn:  # the cut connection is gone from the pool; a new one works
        assert conn.execute(text("SELECT 2")).scalar_one() == 2
    engine.dispose()


def test_a_pooled_connection_the_network_dropped_is_replaced_before_it_is_lent_out(proxy: TcpProxy) -> None:
    engine, _ = _engine(proxy.listen[1])
    with engine.connect() as conn:  # one idle connection in the pool
        conn.execute(text("SELECT 1"))
    proxy.cut()  # reset under it, as a failover or a restarted balancer would
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 2")).scalar_one() == 2
    assert proxy.connections["postgres"] == 2
    engine.dispose()


def test_a_pooled_connection_the_server_ended_is_replaced_and_a_live_one_is_reused() -> None:
    """The pool's check before lending a connection out reads the socket instead of asking the server:
    a live connection is reused as it is, one the server terminated (a restart, an admin) is replaced."""
    engine, _ = _engine(PG[1])
    backend_pid = "SELECT pg_backend_pid()"
    with engine.connect() as conn:
        first = conn.execute(text(backend_pid)).scalar_one()
    with engine.connect() as conn:
        assert conn.execute(text(backend_pid)).scalar_one() == first  # reused: nothing was wrong with it

    admin = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{PG[1]}/postgres")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
    # The backend has sent its goodbye to the idle socket once it is gone from pg_stat_activity.
    alive = text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with admin.connect() as conn:
            if conn.execute(alive, {"pid": first}).scalar_one() == 0:
                break
        time.sleep(0.05)
    else:
        pytest.fail(f"backend {first} still running 10 s after pg_terminate_backend")
    admin.dispose()

    with engine.connect() as conn:  # no error for the request that comes next
        assert conn.execute(text(backend_pid)).scalar_one() != first
    engine.dispose()


def test_a_connection_idle_in_its_transaction_is_left_alone() -> None:
    engine, watchdog = _engine(PG[1])
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
        time.sleep(DEADLINE * 2)  # the app thinking between statements: nothing is waiting on the server
        assert conn.execute(text("SELECT 2")).scalar_one() == 2
    assert watchdog.cut_off == 0
    engine.dispose()


def test_only_the_overdue_connection_is_cut_off() -> None:
    """A query running past the deadline is cut off (in the app, the server's statement timeout
    comes first); quick queries on other connections meanwhile are untouched."""
    engine, watchdog = _engine(PG[1])
    errors: list[BaseException] = []

    def slow() -> None:
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT pg_sleep(10)"))
        except OperationalError as exc:
            errors.append(exc)

    started = time.monotonic()
    sleeper = threading.Thread(target=slow)
    sleeper.start()
    for _ in range(10):
        with engine.connect() as conn:
            assert conn.execute(text("SELECT 1")).scalar_one() == 1
        time.sleep(0.1)
    sleeper.join(timeout=5)
    assert not sleeper.is_alive() and len(errors) == 1
    assert time.monotonic() - started < DEADLINE + SLACK  # the quick queries' loop itself takes about 1 s
    assert watchdog.cut_off == 1
    engine.dispose()
