"""Row Level Security on PostgreSQL: whose transaction this is, and the checks that the policies hold.

Every user-owned table has a policy (migration 0009) admitting only rows whose `user_id` is the
transaction's `app.user_id`, so a repository query that forgets its user filter still sees one user's rows.
The repositories say whose transaction it is (`as_user`) at their entry; the setting is
transaction-local and re-applied whenever the session begins a new transaction.

A few paths are about several users by nature and run in a named, narrow `system` block:
signing in by email, counters on someone else's post, the jobs' sweeps over every user, a
closing account handing its groups on. A bearer token is looked up and its owner made the acting
user in one statement (`find_credential`). SQLite has no RLS;
there all of this is a no-op.

The policies only bind a role that neither owns the tables nor has BYPASSRLS (or the owner,
as the tables also FORCE row security); superusers bypass them always. `DATABASE_OWNER_URL`
runs the migrations as the owner while the app connects as its own role (`DATABASE_URL`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TypeVar

from sqlalchemy import event, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import SessionTransaction

C = TypeVar("C")
log = logging.getLogger(__name__)

_ACTING = "rls_acting_user"  # session.info: the user the session's transactions act for
_APPLIED = "rls_applied_user"  # session.info: what the current transaction has been told
_SYSTEM = "rls_system"  # session.info: inside a system block
_SET_USER = text("SELECT set_config('app.user_id', :user_id, true)")
_SET_SYSTEM = text("SELECT set_config('app.system', :on, true)")

CREDENTIAL_TABLES = ("auth_sessions", "personal_access_tokens")
"""Tables of bearer credentials, looked up by token hash before anyone is known to be acting, through
the `app_credential_<table>` functions of migration 0009 (one statement that also binds the owner)."""


def _on_postgresql(session: OrmSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def as_user(session: OrmSession, user_id: uuid.UUID) -> None:
    """Make this session's transactions act for `user_id` (PostgreSQL's `app.user_id`); cheap when unchanged.

    Changes still pending from the previous user are written first, as that user."""
    previous = session.info.get(_ACTING)
    session.info[_ACTING] = user_id
    if not _on_postgresql(session):
        return
    # Begin the transaction first if none is open: the after_begin hook then applies the acting user,
    # and setting it again here would cost a second round trip.
    session.connection()
    if session.info.get(_APPLIED) == user_id:
        return
    if previous is not None and previous != user_id:
        session.flush()
    with session.no_autoflush:  # anything still pending was added for the new user
        session.execute(_SET_USER, {"user_id": str(user_id)})
    session.info[_APPLIED] = user_id


def find_credential(session: OrmSession, model: type[C], token_hash: str) -> C | None:
    """The row of a credential table with this token hash, whoever owns it; the transaction then acts for
    its owner. On PostgreSQL that is one statement (see `_credential_function_sql`)."""
    table = model.__tablename__  # type: ignore[attr-defined]
    if table not in CREDENTIAL_TABLES:
        raise ValueError(f"{table} holds no bearer credentials")
    if not _on_postgresql(session):
        row = session.execute(select(model).where(model.token_hash == token_hash)).scalars().first()  # type: ignore[attr-defined]
    else:
        session.flush()  # what the previous acting user changed is written as them
        lookup = text(f"SELECT * FROM app_credential_{table}(:hash)").bindparams(hash=token_hash)
        with session.no_autoflush:
            row = session.execute(select(model).from_statement(lookup)).scalars().first()
        if row is not None:
            session.info[_APPLIED] = row.user_id  # type: ignore[attr-defined]
    if row is not None:
        as_user(session, row.user_id)  # type: ignore[attr-defined]
    return row


def forget_user(session: OrmSession) -> None:
    """Make nobody the acting user again (after a credential turned out to be dead)."""
    session.info.pop(_ACTING, None)
    if session.info.pop(_APPLIED, None) is not None and _on_postgresql(session):
        with session.no_autoflush:
            session.execute(_SET_USER, {"user_id": ""})


@contextmanager
def system(session: OrmSession) -> Iterator[None]:
    """A block that may read and write any user's rows: only for paths that are about several users."""
    if not _on_postgresql(session) or session.info.get(_SYSTEM):
        yield  # SQLite, or inside another system block, which keeps the setting until it ends
        return
    session.flush()  # what the acting user changed is written as them
    with session.no_autoflush:
        session.execute(_SET_SYSTEM, {"on": "on"})
    session.info[_SYSTEM] = True
    try:
        yield
        session.flush()  # and what the block changed, inside it
    except BaseException:
        with suppress(DBAPIError):  # an aborted transaction can run nothing more, and will not commit
            session.execute(_SET_SYSTEM, {"on": "off"})
        raise
    else:
        session.execute(_SET_SYSTEM, {"on": "off"})
    finally:
        session.info.pop(_SYSTEM, None)


@event.listens_for(OrmSession, "after_begin")
def _apply_to_new_transaction(session: OrmSession, _transaction: SessionTransaction, connection: Connection) -> None:
    """A new transaction starts with nobody's rows; give it the session's acting user at once."""
    session.info.pop(_APPLIED, None)
    acting = session.info.get(_ACTING)
    if connection.dialect.name != "postgresql":
        return
    if acting is not None:
        connection.execute(_SET_USER, {"user_id": str(acting)})
        session.info[_APPLIED] = acting
    if session.info.get(_SYSTEM):  # a system block that spans a commit
        connection.execute(_SET_SYSTEM, {"on": "on"})


@event.listens_for(OrmSession, "after_transaction_end")
def _forget_on_savepoint_end(session: OrmSession, transaction: SessionTransaction) -> None:
    # A rolled-back savepoint undoes a set_config made inside it; re-apply rather than trust it.
    if transaction.nested:
        session.info.pop(_APPLIED, None)


def grant_sql(role: str) -> list[str]:
    """Let the app's role read and write every table (RLS still decides which rows), now and later."""
    quoted = '"' + role.replace('"', '""') + '"'
    return [
        f"GRANT USAGE ON SCHEMA public TO {quoted}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {quoted}",
    ]


def unprotected_tables(connection: Connection, tables: Sequence[str]) -> list[str]:
    """Of `tables`, those PostgreSQL does not hold to a policy (RLS off, not forced, or no policy)."""
    rows = connection.execute(
        text(
            "SELECT c.relname, c.relrowsecurity AND c.relforcerowsecurity AS forced,"
            " EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy"
            " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        )
    ).all()
    protected = {name for name, forced, has_policy in rows if forced and has_policy}
    return sorted(set(tables) - protected)


def role_bypasses_rls(connection: Connection) -> str | None:
    """Why the connected role escapes RLS ('superuser', 'bypassrls'), or None when policies bind it."""
    superuser, bypass = connection.execute(
        text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    if superuser:
        return "superuser"
    return "bypassrls" if bypass else None


def report_bypass(engine: Engine) -> str | None:
    """At startup: log an error when the app's PostgreSQL role escapes the policies; why it does, or None."""
    if engine.dialect.name != "postgresql":
        return None
    try:
        with engine.connect() as connection:
            reason = role_bypasses_rls(connection)
    except DBAPIError:
        return None  # the database is down; the health check says so
    if reason is not None:
        log.error(
            "Row Level Security is off for the app: its database role is a %s. Connect as a role without "
            "SUPERUSER and BYPASSRLS (DATABASE_URL) and migrate as the owner (DATABASE_OWNER_URL).",
            reason,
        )
    return reason
