"""Which users' money changed in a transaction, seen by every write path through one set of session events.

Expenses, budgets and income can change through repositories, REST, Reflex handlers, PAM
tools, the vehicle log, bulk statements or account deletion. Rather than ask each path to
remember, the session reports them: `after_flush` notes the rows flushed, `do_orm_execute`
the users a bulk INSERT/UPDATE/DELETE touches. Before the outermost commit, budget alerts are
checked inside the same transaction; after it, the users' cache generations are bumped. A
rollback discards what was noted. Writes made on a raw connection, outside the Session,
are not seen.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction
from sqlalchemy.sql.elements import BindParameter, TextClause

from wheels_wins.services.cache import get_cache

MONEY_TABLES = frozenset({"expenses", "budgets", "income_entries"})
_SPEND_TABLES = frozenset({"expenses", "budgets"})
_INFO_KEY = "wheels_wins.money_changes"
_RAW_MONEY_WRITE = re.compile(
    r"\b(insert|update|delete|merge|truncate)\b.*\b(expenses|budgets|income_entries|users)\b", re.I | re.S
)

# (user, category or None for all of them, the day spent or None for "this month")
SpendTouch = tuple[uuid.UUID, str | None, dt.date | None]


@dataclass
class MoneyChanges:
    """What one transaction changed so far."""

    users: set[uuid.UUID] = field(default_factory=set)
    everyone: bool = False
    spend: set[SpendTouch] = field(default_factory=set)

    def touch(self, table: str, user_ids: Iterable[Any], categories: Iterable[Any], days: Iterable[Any]) -> None:
        """Note a write to `table` by these users (a None user, or a None category or day, means "any")."""
        users = [_as_uuid(u) for u in user_ids]
        if None in users:
            self.everyone = True
        known = [u for u in users if u is not None]
        self.users.update(known)
        if table not in _SPEND_TABLES:
            return
        cats = {c if isinstance(c, str) else None for c in categories} or {None}
        dates = {d if isinstance(d, dt.date) else None for d in days} or {None}
        self.spend.update((u, c, d) for u in known for c in cats for d in dates)


def pending(session: Session) -> MoneyChanges | None:
    """What the session's open transaction has changed, or None."""
    return session.info.get(_INFO_KEY)


def _changes(session: Session) -> MoneyChanges:
    return session.info.setdefault(_INFO_KEY, MoneyChanges())


def is_unsettled(session: Session, user_id: uuid.UUID) -> bool:
    """Whether the session holds uncommitted money changes that may concern this user (don't cache then)."""
    changes = pending(session)
    if changes is not None and (changes.everyone or user_id in changes.users):
        return True
    return any(
        getattr(obj, "__tablename__", None) in MONEY_TABLES
        for obj in chain(session.new, session.deleted, session.dirty)
    )


def _as_uuid(value: Any) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _attribute_values(obj: Any, name: str) -> set[Any]:
    """Current and previous values of an attribute, without loading anything (empty when unknown)."""
    history = inspect(obj).attrs[name].history
    return set(chain(history.added, history.unchanged, history.deleted))


def _after_flush(session: Session, _flush_context: Any) -> None:
    changes = None
    for obj in chain(session.new, session.dirty, session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table in MONEY_TABLES:
            changes = changes or _changes(session)
            categories = _attribute_values(obj, "category") if table != "income_entries" else set()
            days = _attribute_values(obj, "date") if table == "expenses" else set()
            changes.touch(table, _attribute_values(obj, "user_id") or {None}, categories, days)
        elif table == "users" and obj in session.deleted:
            # Deleting an account cascades to its money rows in the database, unseen by the ORM.
            _changes(session).touch(table, _attribute_values(obj, "id") or {None}, (), ())


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, BindParameter) else value


def _row(values: Mapping[Any, Any]) -> dict[str, Any]:
    return {getattr(key, "key", key): _plain(value) for key, value in values.items()}


def _inserted_rows(state: ORMExecuteState) -> list[dict[str, Any]] | None:
    """The rows of a bulk INSERT as dicts, or None when they cannot be read (INSERT ... SELECT)."""
    statement: Any = state.statement
    params = state.parameters
    if isinstance(params, Mapping) and params:
        params = [params]
    if isinstance(params, list | tuple) and params and all(isinstance(p, Mapping) for p in params):
        return [_row(p) for p in params]
    if statement._multi_values:
        rows = [row for batch in statement._multi_values for row in batch]
        return [_row(row) for row in rows] if all(isinstance(row, Mapping) for row in rows) else None
    if statement._values:
        return [_row(statement._values)]
    return None


def _affected(state: ORMExecuteState, table: Any, column: str) -> set[Any]:
    """Values of `column` in the rows a bulk UPDATE/DELETE is about to touch (read in the same transaction)."""
    statement: Any = state.statement
    params = state.parameters
    query = select(table.c[column]).distinct()
    if isinstance(params, list) and params and all(isinstance(p, Mapping) and "id" in p for p in params):
        query = query.where(table.c.id.in_([p["id"] for p in params]))  # UPDATE by primary key
    elif statement.whereclause is not None:
        query = query.where(statement.whereclause)
    return set(state.session.execute(query).scalars())


def _do_orm_execute(state: ORMExecuteState) -> None:
    statement: Any = state.statement
    if isinstance(statement, TextClause):
        if _RAW_MONEY_WRITE.search(statement.text):
            _changes(state.session).everyone = True
        return
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(statement, "table", None)
    name = getattr(table, "name", None)
    if name == "users" and state.is_delete:
        _changes(state.session).touch(name, _affected(state, table, "id"), (), ())
        return
    if name not in MONEY_TABLES:
        return
    changes = _changes(state.session)
    if state.is_insert:
        rows = _inserted_rows(state)
        if rows is None:
            changes.everyone = True
            return
        for row in rows:
            changes.touch(name, [row.get("user_id")], [row.get("category")], [row.get("date")])
        return
    users = _affected(state, table, "user_id")
    new_owner = _row(statement._values or {}).get("user_id") if state.is_update else None
    changes.touch(name, users | ({new_owner} if new_owner else set()), (), ())


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    session.flush()
    changes = pending(session)
    if changes is not None and changes.spend:
        # Imported here: the alerts need the models, which import wheels_wins.db, which registers these events.
        from wheels_wins.services.budget_alerts import check_budgets

        check_budgets(session, changes.spend)


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    changes = session.info.pop(_INFO_KEY, None)
    if changes is None:
        return
    cache = get_cache()
    if changes.everyone:
        cache.bump_all()
    else:
        cache.bump(changes.users)


def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_INFO_KEY, None)


def listen(session_class: type[Session] = Session) -> None:
    """Register the events on every session of this class (idempotent)."""
    for name, handler in (
        ("after_flush", _after_flush),
        ("do_orm_execute", _do_orm_execute),
        ("before_commit", _before_commit),
        ("after_commit", _after_commit),
        ("after_transaction_end", _after_transaction_end),
    ):
        if not event.contains(session_class, name, handler):
            event.listen(session_class, name, handler)
