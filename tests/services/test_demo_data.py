"""The demo account: weeks of linked, realistic data, created exactly once."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.db import session_scope
from wheels_wins.models import (
    USER_OWNED_TABLES,
    Budget,
    CalendarEvent,
    Expense,
    FuelEntry,
    GroupMembership,
    IncomeEntry,
    MaintenanceRecord,
    MaintenanceSchedule,
    MarketplaceListing,
    SavedPlace,
    SocialGroup,
    SocialPost,
    User,
    Vehicle,
)
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import money, passwords, vehicle_log
from wheels_wins.services.demo_data import DEMO_EMAIL, DEMO_PASSWORD, DEMO_TIMEZONE, ensure_demo_account


def _row_counts(session: Session) -> dict[str, int]:
    return {
        model.__tablename__: session.exec(select(func.count()).select_from(model)).one()  # type: ignore[attr-defined]
        for model in (User, *USER_OWNED_TABLES)
    }


def _rows(session: Session, model: type, user_id: uuid.UUID) -> list:
    return list(session.exec(select(model).where(model.user_id == user_id)).all())  # type: ignore[attr-defined]


def test_demo_password_passes_the_password_policy() -> None:
    assert passwords.validate_password(DEMO_PASSWORD, DEMO_EMAIL) is None


def test_ensure_demo_account_creates_a_populated_account(session: Session) -> None:
    user, created = ensure_demo_account(session)
    session.commit()
    today = money.today_in(DEMO_TIMEZONE)

    assert created is True
    assert (user.email, user.timezone, user.currency) == (DEMO_EMAIL, DEMO_TIMEZONE, "AUD")
    assert user.password_hash and passwords.verify_password(user.password_hash, DEMO_PASSWORD)

    [vehicle] = _rows(session, Vehicle, user.id)
    assert vehicle.consumption_l_per_100km > 0

    assert {b.category for b in _rows(session, Budget, user.id)} == {
        "fuel",
        "groceries",
        "camping",
        "dining",
        "maintenance",
        "entertainment",
    }

    trip = trip_repo.active(session, user_id=user.id)
    assert trip is not None and trip.status == "active"
    assert [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id)] == [
        "Sydney",
        "Canberra",
        "Melbourne",
        "Adelaide",
    ]
    assert trip.estimated_fuel_cost is not None and trip.estimated_fuel_cost > 0

    all_expenses = {e.id: e for e in _rows(session, Expense, user.id)}
    assert len(all_expenses) > 40
    assert all(today - dt.timedelta(days=41) <= e.date <= today for e in all_expenses.values())
    assert any(e.trip_id == trip.id for e in all_expenses.values())

    fills = _rows(session, FuelEntry, user.id)
    assert len(fills) >= 5
    for fill in fills:
        linked = all_expenses[fill.expense_id]
        assert (linked.source, linked.category, linked.amount, linked.date) == (
            "fuel",
            "fuel",
            fill.total_cost,
            fill.date,
        )
    assert sum(e.source == "fuel" for e in all_expenses.values()) == len(fills)

    records = _rows(session, MaintenanceRecord, user.id)
    assert len(records) == 2
    costed = [r for r in records if r.cost]
    assert len(costed) == 1 and all_expenses[costed[0].expense_id].amount == costed[0].cost

    assert {s.task for s in _rows(session, MaintenanceSchedule, user.id)} == {
        "Oil and filter change",
        "Wheel bearings repack",
    }
    assert [i.task for i in vehicle_log.maintenance_due(session, user_id=user.id, today=today)] == [
        "Wheel bearings repack",  # overdue by km: the demo shows a red badge
        "Tyre rotation",
    ]
    assert {p.kind for p in _rows(session, SavedPlace, user.id)} == {
        "free_camp", "dump_point", "campground", "mechanic", "fuel"
    }  # fmt: skip
    assert trip.budget == Decimal("4500.00")

    events = _rows(session, CalendarEvent, user.id)
    assert len(events) == 3
    assert all(e.start > dt.datetime.now(dt.UTC) for e in events)

    assert all(i.amount == Decimal("1450.00") for i in _rows(session, IncomeEntry, user.id))
    assert money.month_summary(session, user_id=user.id, today=today).total > 0


def test_ensure_demo_account_is_idempotent(session: Session) -> None:
    first, created = ensure_demo_account(session)
    session.commit()
    counts = _row_counts(session)
    assert created is True and counts["users"] == 4  # the demo traveller and three neighbours in the community

    again, created_again = ensure_demo_account(session)
    session.commit()

    assert created_again is False
    assert again.id == first.id
    assert _row_counts(session) == counts


def test_the_app_role_seeds_the_same_demo_under_row_security(session: Session) -> None:
    """`seed-demo` runs as the app's RLS-bound role in production: the same rows, once."""
    with session_scope() as app_session:
        ensure_demo_account(app_session)
    counts = _row_counts(session)
    assert counts["users"] == 4 and counts["expenses"] > 20 and counts["marketplace_listings"] > 3
    assert counts["social_groups"] == 4 and counts["post_likes"] > 0 and counts["post_comments"] > 0
    with session_scope() as app_session:
        assert ensure_demo_account(app_session)[1] is False
    assert _row_counts(session) == counts


def test_the_demo_community_has_groups_and_listings_around_the_demo_user(session: Session) -> None:
    user, _ = ensure_demo_account(session)
    session.commit()
    mine = {
        group.name
        for group in session.exec(select(SocialGroup).join(GroupMembership).where(GroupMembership.user_id == user.id))
    }
    assert len(mine) == 2 and session.exec(select(func.count()).select_from(SocialGroup)).one() == 4
    sellers = {listing.user_id for listing in session.exec(select(MarketplaceListing))}
    assert user.id in sellers and len(sellers) > 1  # the neighbours sell things too
    community = session.exec(select(SocialPost).where(SocialPost.group_id.is_(None))).all()  # type: ignore[union-attr]
    assert len({post.user_id for post in community}) == 3 and all(post.comment_count for post in community)
