"""Cut off a PostgreSQL connection that stops answering, so a silent database fails the request instead of hanging it.

`statement_timeout` is enforced by the server, so it does nothing when the server (or the path to it)
falls silent while a query is in flight: psycopg waits on the socket until the kernel gives up, which
can take many minutes, and a Reflex handler doing a quick query on the event loop would stall every
user of that worker meanwhile. TCP keepalives catch a dead host, but not a server process that is
alive to the kernel and never replies (hung, stopped, a proxy swallowing traffic).

So a thread of our own watches the connections waiting on the server. One that has waited past its
deadline (the statement timeout plus a grace period in which a live server would have reported its
own cancellation) has its socket shut down. That wakes the waiting thread with a connection error:
SQLAlchemy invalidates the connection, the transaction is gone (the server rolls it back when it
notices), and the API answers 503 `database_unavailable`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from typing import Any

from psycopg.pq import TransactionStatus
from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

# How much longer than its statement timeout a connection may wait before the server counts as silent.
GRACE_SECONDS = 2.0
_TICK_SECONDS = 0.25


class Watchdog:
    """Shuts down the socket of any watched connection that has waited on the server over `deadline_seconds`."""

    def __init__(self, deadline_seconds: float) -> None:
        self.deadline_seconds = deadline_seconds
        self.cut_off = 0  # connections shut down so far
        self._since: dict[int, tuple[float, Any]] = {}  # id(dbapi connection) -> (last request sent, connection)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0

    def sent(self, dbapi_connection: Any) -> None:
        """The connection just asked the server something (a statement, COMMIT, ROLLBACK)."""
        with self._lock:
            self._since[id(dbapi_connection)] = (time.monotonic(), dbapi_connection)
            if self._pid != os.getpid():  # first use in this process (workers are forked)
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._watch, name="db-watchdog", daemon=True)
                self._thread.start()

    def forget(self, dbapi_connection: Any) -> None:
        """The connection went back to the pool or was closed."""
        with self._lock:
            self._since.pop(id(dbapi_connection), None)

    def _watch(self) -> None:
        while True:
            time.sleep(_TICK_SECONDS)
            now = time.monotonic()
            with self._lock:
                overdue = [(since, conn) for since, conn in self._since.values() if now - since > self.deadline_seconds]
            for since, conn in overdue:
                if self._still_waiting(since, conn):
                    self._cut(conn)

    def _still_waiting(self, since: float, dbapi_connection: Any) -> bool:
        # The request may have been answered (and another sent) since the list was made.
        with self._lock:
            current = self._since.get(id(dbapi_connection))
        return current is not None and current[0] == since and _waiting_on_server(dbapi_connection)

    def _cut(self, dbapi_connection: Any) -> None:
        self.forget(dbapi_connection)
        try:
            # A duplicate of the descriptor: shutting it down ends the one socket both refer to, waking
            # psycopg's wait with end-of-file, while the descriptor psycopg owns stays its to close.
            sock = socket.socket(fileno=os.dup(dbapi_connection.pgconn.socket))
        except Exception:  # noqa: BLE001 - closed meanwhile (psycopg or OS error): nothing is waiting any more
            return
        with sock:
            # Counted first: the shutdown wakes the waiting thread, which may read the count at once.
            self.cut_off += 1
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # closed meanwhile: nothing was waiting any more
                self.cut_off -= 1
                return
        log.error("The database stopped answering for %.0f s: connection cut off", self.deadline_seconds)


def _waiting_on_server(dbapi_connection: Any) -> bool:
    """Whether a command is in flight on the connection (sent, its result not yet in)."""
    try:
        return dbapi_connection.pgconn.transaction_status == TransactionStatus.ACTIVE
    except Exception:  # noqa: BLE001 - a closed connection has nothing in flight
        return False


def install(engine: Engine, *, deadline_seconds: float) -> Watchdog:
    """Watch every request `engine`'s connections send to the server (PostgreSQL via psycopg)."""
    watchdog = Watchdog(deadline_seconds)

    def on_request(conn: Any, *_args: Any) -> None:
        # An invalidated connection has nothing left to send (asking for it would try to reconnect).
        if not conn.invalidated and not conn.closed:
            watchdog.sent(conn.connection.dbapi_connection)

    def on_pool_reset(dbapi_connection: Any, *_args: Any) -> None:
        watchdog.sent(dbapi_connection)

    def on_done(dbapi_connection: Any, *_args: Any) -> None:
        watchdog.forget(dbapi_connection)

    for name in ("before_cursor_execute", "commit", "rollback"):
        event.listen(engine, name, on_request)
    event.listen(engine.pool, "reset", on_pool_reset)
    for name in ("checkin", "close", "close_detached", "invalidate", "soft_invalidate"):
        event.listen(engine.pool, name, on_done)

    return watchdog
