"""Engine and session helpers, and the exact column types (Money, UTC timestamps)."""

from __future__ import annotations

import datetime as dt
import select
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import DateTime, Numeric, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SAWarning
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, create_engine

from wheels_wins import db_watchdog
from wheels_wins.services import money_changes
from wheels_wins.settings import get_settings

CENTS = Decimal("0.01")
# A PostgreSQL that cannot be reached fails the request (503) after this long instead of hanging it.
CONNECT_TIMEOUT_SECONDS = 5
# Waiting this long for a free pooled connection means the database is overwhelmed: fail (503), don't queue.
POOL_TIMEOUT_SECONDS = 10
POOL_SIZE = 10
POOL_MAX_OVERFLOW = 20
# The most pooled connections the REST API's requests may hold at once (`api.deps.database_permit`);
# the rest of the pool stays free for Reflex's event handlers and the jobs.
API_CONNECTIONS = POOL_SIZE + POOL_MAX_OVERFLOW - 10

# SQLite has no DECIMAL type; Money below converts at the boundary, so the warning is noise.
warnings.filterwarnings("ignore", message=".*does \\*not\\* support Decimal objects natively.*", category=SAWarning)


def parse_uuid(value: Any) -> uuid.UUID | None:
    """An id from text (a form, an event argument, a tool argument), or None when it is not one."""
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def to_money(value: Any) -> Decimal:
    """An exact two-place Decimal from a string, int, Decimal or float-like value."""
    if isinstance(value, Decimal):
        amount = value
    else:
        amount = Decimal(str(value).strip().replace(",", "").lstrip("$"))
    return amount.quantize(CENTS, rounding=ROUND_HALF_UP)


class Money(TypeDecorator[Decimal]):
    """NUMERIC(12,2) that always hands back a two-place Decimal, on SQLite too."""

    impl = Numeric(12, 2, asdecimal=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else to_money(value)

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        return None if value is None else to_money(value)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    """The current time, timezone-aware in UTC."""
    return dt.datetime.now(dt.UTC)


def new_id() -> uuid.UUID:
    """A new random primary key."""
    return uuid.uuid4()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _socket_is_quiet(dbapi_connection: Any) -> bool:
    """The pool's check of an idle PostgreSQL connection before lending it out, without a round trip.

    An idle connection has nothing to read. A server that restarted or dropped it has sent its goodbye
    (or closed the socket), and TCP keepalives flag a vanished host as an error: either way the socket
    turns readable, and the pool replaces the connection instead of failing the request with it.
    """
    try:
        poller = select.poll()  # not select(): a worker holding many websockets has descriptors past 1024
        poller.register(dbapi_connection.pgconn.socket, select.POLLIN | select.POLLPRI)
        return not poller.poll(0)
    except Exception:  # noqa: BLE001 - a closed connection has no socket
        return False


def make_engine(url: str, *, statement_timeout_seconds: float | None = None) -> Engine:
    """An engine for `url`, tuned per backend; on PostgreSQL, statements running longer than
    `statement_timeout_seconds` (and transactions left idle as long) are cancelled by the server, and a
    server silent for longer than that has its connection cut off (`db_watchdog`)."""
    if url.startswith("sqlite"):
        pool = {} if ":memory:" in url else {"pool_size": POOL_SIZE, "max_overflow": POOL_MAX_OVERFLOW}
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, pool_timeout=POOL_TIMEOUT_SECONDS, **pool
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A connect_timeout in the URL wins; the default keeps a silent database from hanging requests.
    query = make_url(url).query
    connect_args: dict[str, Any] = {} if "connect_timeout" in query else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    if "keepalives" not in query:
        # A host that vanished is noticed on an idle pooled connection within about 25 s.
        connect_args.update(keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=3)
    if statement_timeout_seconds is not None and "options" not in query:
        # A query stuck behind a lock, or a transaction a hung request left open, must not hold its
        # connection and locks for good: it fails (503) and the pool moves on.
        milliseconds = int(statement_timeout_seconds * 1000)
        connect_args["options"] = (
            f"-c statement_timeout={milliseconds} -c idle_in_transaction_session_timeout={milliseconds}"
        )
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=POOL_SIZE,
        max_overflow=POOL_MAX_OVERFLOW,
        pool_timeout=POOL_TIMEOUT_SECONDS,
        connect_args=connect_args,
    )
    engine.dialect.do_ping = _socket_is_quiet  # type: ignore[method-assign]
    if statement_timeout_seconds is not None:
        db_watchdog.install(engine, deadline_seconds=statement_timeout_seconds + db_watchdog.GRACE_SECONDS)
    return engine


def lost_connection(exc: BaseException) -> bool:
    """Whether the error took the connection with it: the whole transaction is gone, not just a savepoint."""
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def is_database_down(exc: BaseException) -> bool:
    """Whether a SQLAlchemy error means the database cannot be reached (rather than a bad statement)."""
    return isinstance(exc, (OperationalError, InterfaceError, PoolTimeoutError)) or lost_connection(exc)


# Every session, whoever opens it (API, Reflex's rx.session(), PAM, scripts), reports money writes.
money_changes.listen(OrmSession)


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine for the configured database."""
    settings = get_settings()
    return make_engine(
        settings.effective_database_url, statement_timeout_seconds=settings.database_statement_timeout_seconds
    )


def open_session() -> Session:
    """A session on the app's engine; it connects on first use."""
    return Session(get_engine(), expire_on_commit=False)


def finish(session: Session, *, commit: bool) -> None:
    """End the session's transaction (a commit that fails is rolled back and raised) and close it."""
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def session_scope() -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = open_session()
    try:
        yield session
    except BaseException:
        finish(session, commit=False)
        raise
    finish(session, commit=True)
