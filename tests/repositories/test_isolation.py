"""User scoping: another user's rows are invisible and untouchable through every repository.

Both tables are data: adding a repository is one more line in OWNED or VIEWS.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from wheels_wins.models import TripWaypoint
from wheels_wins.repositories import (
    budgets,
    calendar,
    expenses,
    fuel,
    income,
    maintenance,
    maintenance_schedules,
    notifications,
    pam,
    places,
    posts,
    trips,
    vehicles,
)

D = dt.date(2026, 3, 10)
T = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _expense(s: Session, u: uuid.UUID) -> SQLModel:
    return expenses.create(
        s,
        user_id=u,
        amount=Decimal("42.00"),
        category="fuel",
        date=D,
        description="Diesel",
        merchant="BP",
    )


def _trip(s: Session, u: uuid.UUID) -> SQLModel:
    trip = trips.create(s, user_id=u, title="Loop", status="active")
    trips.replace_waypoints(
        s,
        user_id=u,
        trip_id=trip.id,
        stops=[("Dubbo", -32.25, 148.6), ("Bourke", -30.09, 145.94)],
    )
    return trip


def _fuel(s: Session, u: uuid.UUID) -> SQLModel:
    return fuel.create(
        s,
        user_id=u,
        date=D,
        litres=Decimal("50"),
        total_cost=Decimal("100"),
        price_per_litre=Decimal("2"),
        odometer_km=1234,
    )


def _maintenance(s: Session, u: uuid.UUID) -> SQLModel:
    return maintenance.create(
        s,
        user_id=u,
        task="Oil",
        date=D,
        odometer_km=1000,
        next_due_date=D,
        next_due_km=2000,
    )


def _message(s: Session, u: uuid.UUID) -> SQLModel:
    conversation = pam.create_conversation(s, user_id=u, title="Trip help")
    return pam.add_message(
        s,
        user_id=u,
        conversation=conversation,
        role="assistant",
        content="Done",
        tool_calls=[{"name": "add_expense", "ok": True, "undo": {"kind": "delete"}}],
    )


MAKERS: dict[str, Callable[[Session, uuid.UUID], SQLModel]] = {
    "expense": _expense,
    "budget": lambda s, u: budgets.upsert(
        s, user_id=u, category="fuel", amount=Decimal("600")
    ),
    "income": lambda s, u: income.create(
        s, user_id=u, amount=Decimal("1450"), source="Bookkeeping", date=D
    ),
    "trip": _trip,
    "fuel": _fuel,
    "maintenance": _maintenance,
    "schedule": lambda s, u: maintenance_schedules.create(
        s, user_id=u, task="Oil", every_km=5000, start_date=D, start_odometer_km=1000
    ),
    "event": lambda s, u: calendar.create(s, user_id=u, title="Mail", start=T),
    "vehicle": lambda s, u: vehicles.create(s, user_id=u, name="Troopy"),
    "post": lambda s, u: posts.create(s, user_id=u, content="Hello from Bourke"),
    "notification": lambda s, u: notifications.notify_once(
        s, user_id=u, kind="info", title="Hi", dedupe_key="k"
    ),
    "conversation": lambda s, u: pam.create_conversation(
        s, user_id=u, title="Trip help"
    ),
    "message": _message,
    "place": lambda s, u: places.create(s, user_id=u, name="Lake Keepit", kind="free_camp", lat=-30.87, lon=150.52),
}


@dataclass(frozen=True)
class Call:
    """A repository function that takes the row by `key` (read from the row's `attr`), plus fixed kwargs."""

    fn: Callable[..., Any]
    key: str
    attr: str = "id"
    kwargs: tuple[tuple[str, Any], ...] = ()

    def __call__(self, session: Session, user_id: uuid.UUID, row: SQLModel) -> Any:
        return self.fn(
            session,
            user_id=user_id,
            **{self.key: getattr(row, self.attr)},
            **dict(self.kwargs),
        )

    def __repr__(self) -> str:
        return f"{self.fn.__module__.rsplit('.', 1)[-1]}.{self.fn.__name__}"


def call(fn: Callable[..., Any], key: str, attr: str = "id", **kwargs: Any) -> Call:
    """Shorthand for one Call."""
    return Call(fn, key, attr, tuple(kwargs.items()))


def crud(
    module: ModuleType,
    key: str,
    *,
    get: str | None = "get",
    update: str | None = "update",
    delete: str | None = "delete",
    attr: str = "id",
    **changes: Any,
) -> list[Call]:
    """The usual get / update(changes) / delete trio of a repository module, minus the ones it lacks."""
    calls = [call(getattr(module, get), key, attr)] if get else []
    if update:
        calls.append(call(getattr(module, update), key, attr, changes=changes))
    if delete:
        calls.append(call(getattr(module, delete), key, attr))
    return calls


# Row kind -> calls in the order the owner may make them (reads, then changes, then deletes).
OWNED: dict[str, list[Call]] = {
    "expense": crud(expenses, "expense_id", amount=Decimal("1.00")),
    "budget": crud(budgets, "category", attr="category", update=None),
    "income": crud(income, "income_id", source="Mine now"),
    "trip": [call(trips.get_for_update, "trip_id"), *crud(trips, "trip_id", delete="delete_trip", title="Hijacked")],
    "fuel": crud(fuel, "fuel_id", odometer_km=1),
    "maintenance": crud(maintenance, "record_id", task="Nope"),
    "schedule": crud(maintenance_schedules, "schedule_id", task="Nope"),
    "event": crud(calendar, "event_id", title="Nope"),
    "vehicle": crud(vehicles, "vehicle_id", delete=None, name="Mine now"),
    "post": crud(
        posts, "post_id", get=None, content="Defaced"
    ),  # reading the feed is public by design
    "notification": [call(notifications.mark_read, "notification_id")],
    "conversation": [call(pam.get_conversation, "conversation_id")],
    "message": [
        call(pam.get_message, "message_id"),
        call(pam.add_feedback, "message_id", rating="down"),
    ],
    "place": crud(places, "place_id", name="Mine now"),
}


def _snapshot(session: Session, row: SQLModel) -> dict[str, Any] | None:
    session.expire_all()
    fresh = session.get(type(row), row.id)  # type: ignore[attr-defined]
    return fresh.model_dump() if fresh is not None else None


@pytest.mark.parametrize(("kind", "calls"), OWNED.items(), ids=list(OWNED))
def test_another_user_cannot_read_change_or_delete(
    session: Session, make_user, kind: str, calls: list[Call]
) -> None:
    owner, intruder = make_user(), make_user()
    row = MAKERS[kind](session, owner.id)
    session.commit()
    before = _snapshot(session, row)

    for attempt in calls:
        assert attempt(session, intruder.id, row) in (None, False), (
            f"{attempt!r} let another user at the row"
        )
    session.commit()
    assert _snapshot(session, row) == before

    for attempt in calls:
        assert attempt(session, owner.id, row) not in (None, False), (
            f"{attempt!r} refused the owner"
        )


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    if isinstance(value, tuple):
        return all(_empty(v) for v in value)
    return value is None or value == 0 or value == []


# (what is made, how it is viewed): the owner sees something, everyone else sees nothing.
VIEWS: list[tuple[str, Callable[[Session, uuid.UUID, Any], Any]]] = [
    ("expense", lambda s, u, r: expenses.list_page(s, user_id=u)),
    (
        "expense",
        lambda s, u, r: expenses.list_page(
            s, user_id=u, search="diesel", category="fuel", start=D, end=D
        ),
    ),
    ("expense", lambda s, u, r: expenses.recent(s, user_id=u)),
    ("expense", lambda s, u, r: expenses.sum_by_category(s, user_id=u, start=D, end=D)),
    (
        "expense",
        lambda s, u, r: expenses.find_same(
            s, user_id=u, date=D, amount=r.amount, description=r.description
        ),
    ),
    ("budget", lambda s, u, r: budgets.list_all(s, user_id=u)),
    ("income", lambda s, u, r: income.list_page(s, user_id=u)),
    ("income", lambda s, u, r: income.total(s, user_id=u, start=D, end=D)),
    ("trip", lambda s, u, r: trips.list_page(s, user_id=u)),
    ("trip", lambda s, u, r: trips.active(s, user_id=u)),
    ("trip", lambda s, u, r: trips.waypoints(s, user_id=u, trip_id=r.id)),
    ("trip", lambda s, u, r: trips.waypoints_for(s, user_id=u, trip_ids=[r.id])),
    ("fuel", lambda s, u, r: fuel.list_page(s, user_id=u)),
    ("fuel", lambda s, u, r: fuel.recent_price_per_litre(s, user_id=u)),
    ("fuel", lambda s, u, r: fuel.latest_odometer(s, user_id=u)),
    ("maintenance", lambda s, u, r: maintenance.list_page(s, user_id=u)),
    ("maintenance", lambda s, u, r: maintenance.with_due(s, user_id=u)),
    ("maintenance", lambda s, u, r: maintenance.latest_odometer(s, user_id=u)),
    ("maintenance", lambda s, u, r: maintenance.due_by(s, user_id=u, date=D)),
    ("maintenance", lambda s, u, r: maintenance.list_all(s, user_id=u)),
    ("schedule", lambda s, u, r: maintenance_schedules.list_all(s, user_id=u)),
    ("schedule", lambda s, u, r: maintenance_schedules.list_page(s, user_id=u)),
    ("event", lambda s, u, r: calendar.list_page(s, user_id=u)),
    (
        "event",
        lambda s, u, r: calendar.upcoming(s, user_id=u, now=T - dt.timedelta(days=1)),
    ),
    ("vehicle", lambda s, u, r: vehicles.primary(s, user_id=u)),
    ("post", lambda s, u, r: posts.feed(s, viewer_id=u, author_id=u)),
    ("notification", lambda s, u, r: notifications.list_recent(s, user_id=u)),
    ("conversation", lambda s, u, r: pam.list_conversations(s, user_id=u)),
    (
        "message",
        lambda s, u, r: pam.messages(s, user_id=u, conversation_id=r.conversation_id),
    ),
    ("message", lambda s, u, r: pam.last_undoable(s, user_id=u, conversation_id=None)),
    ("place", lambda s, u, r: places.list_page(s, user_id=u)),
    ("place", lambda s, u, r: places.count(s, user_id=u)),
    ("place", lambda s, u, r: places.nearest(s, user_id=u, lat=-30.0, lon=150.0)),
]


@pytest.mark.parametrize(
    ("kind", "view"), VIEWS, ids=[f"{kind}-{i}" for i, (kind, _) in enumerate(VIEWS)]
)
def test_lists_and_sums_never_include_another_users_rows(
    session: Session,
    make_user,
    kind: str,
    view: Callable[[Session, uuid.UUID, Any], Any],
) -> None:
    owner, other = make_user(), make_user()
    row = MAKERS[kind](session, owner.id)
    session.commit()
    assert not _empty(view(session, owner.id, row))
    assert _empty(view(session, other.id, row))


def test_both_users_see_only_their_own_rows_side_by_side(
    session: Session, make_user
) -> None:
    a, b = make_user(), make_user()
    a_rows = [_expense(session, a.id) for _ in range(3)]
    b_row = expenses.create(
        session,
        user_id=b.id,
        amount=Decimal("5.00"),
        category="dining",
        date=D,
        description="Diesel pie",
    )
    session.commit()
    rows, total = expenses.list_page(session, user_id=b.id, search="diesel")
    assert ([r.id for r in rows], total) == ([b_row.id], 1)
    assert expenses.sum_by_category(session, user_id=b.id, start=D, end=D) == {
        "dining": Decimal("5.00")
    }
    assert expenses.sum_by_category(session, user_id=a.id, start=D, end=D) == {
        "fuel": Decimal("126.00")
    }
    assert {r.id for r in expenses.list_page(session, user_id=a.id)[0]} == {
        r.id for r in a_rows
    }


def test_budget_upsert_by_another_user_creates_their_own(
    session: Session, make_user
) -> None:
    a, b = make_user(), make_user()
    mine = budgets.upsert(session, user_id=a.id, category="fuel", amount=Decimal("600"))
    session.commit()
    theirs = budgets.upsert(session, user_id=b.id, category="fuel", amount=Decimal("1"))
    session.commit()
    assert theirs.id != mine.id
    assert budgets.get(session, user_id=a.id, category="fuel").amount == Decimal(
        "600.00"
    )  # type: ignore[union-attr]


def test_replace_waypoints_on_another_users_trip_writes_nothing(
    session: Session, make_user
) -> None:
    a, b = make_user(), make_user()
    trip = _trip(session, a.id)
    session.commit()
    trips.replace_waypoints(
        session, user_id=b.id, trip_id=trip.id, stops=[("Nowhere", 0.0, 0.0)]
    )
    session.commit()
    assert [
        w.name for w in trips.waypoints(session, user_id=a.id, trip_id=trip.id)
    ] == ["Dubbo", "Bourke"]
    on_trip = session.exec(
        select(func.count())
        .select_from(TripWaypoint)
        .where(TripWaypoint.trip_id == trip.id)
    ).one()
    assert on_trip == 2
