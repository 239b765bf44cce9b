"""Migration 0004 on data: existing waypoints get estimated legs, long place names are cut to 120, and back."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from alembic import command
from tests.test_migrations import _alembic_config, fresh_url  # noqa: F401  (fixture)
from wheels_wins.db import UTCDateTime, make_engine
from wheels_wins.services import geo

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
STOPS = [("a", "trip", -33.87, 151.21, 0), ("b", "trip", -35.28, 149.13, 1), ("c", "trip", -37.81, 144.96, 2),
         ("d", "other_trip", -31.95, 115.86, 0)]  # fmt: skip


def _table(name: str, *columns: str) -> sa.TableClause:
    """A 0003-era table with just the columns written here (typed, so ids are stored as each backend does)."""
    kinds = {"id": sa.Uuid(), "user_id": sa.Uuid(), "trip_id": sa.Uuid(), "created_at": UTCDateTime(),
             "updated_at": UTCDateTime(), "lat": sa.Float(), "lon": sa.Float(), "position": sa.Integer(),
             "voice_enabled": sa.Boolean()}  # fmt: skip
    return sa.table(name, *(sa.column(c, kinds.get(c, sa.String())) for c in columns))


def _insert_0003_rows(url: str) -> None:
    ids = {name: uuid.uuid4() for name in ("user", "trip", "other_trip")}
    stamps = {"created_at": NOW, "updated_at": NOW}
    engine = make_engine(url)
    with engine.begin() as conn:
        user = {"email": "m@example.com", "full_name": "M", "currency": "AUD", "units": "metric", "timezone": "UTC",
                "voice_enabled": False, "bio": "", "home_base": ""}  # fmt: skip
        conn.execute(sa.insert(_table("users", "id", *stamps, *user)), [{"id": ids["user"], **stamps, **user}])
        trip = {"title": "T", "status": "planning", "distance_source": "estimate", "notes": ""}
        conn.execute(
            sa.insert(_table("trips", "id", "user_id", *stamps, *trip)),
            [{"id": ids[t], "user_id": ids["user"], **stamps, **trip} for t in ("trip", "other_trip")],
        )
        conn.execute(
            sa.insert(_table("trip_waypoints", "id", "user_id", "trip_id", "name", "lat", "lon", "position", *stamps)),
            [
                {"id": uuid.uuid4(), "user_id": ids["user"], "trip_id": ids[trip], "name": name, "lat": lat, "lon": lon,
                 "position": position, **stamps}
                for name, trip, lat, lon, position in STOPS
            ],
        )  # fmt: skip
        place = {"name": "x" * 150, "kind": "other", "lat": 0.0, "lon": 0.0, "notes": ""}
        conn.execute(
            sa.insert(_table("saved_places", "id", "user_id", *stamps, *place)),
            [{"id": uuid.uuid4(), "user_id": ids["user"], **stamps, **place}],
        )
    engine.dispose()


def test_0004_estimates_existing_legs_and_shortens_place_names(fresh_url: str) -> None:  # noqa: F811
    cfg = _alembic_config(fresh_url)
    command.upgrade(cfg, "0003")
    _insert_0003_rows(fresh_url)

    command.upgrade(cfg, "0004")

    engine = make_engine(fresh_url)
    try:
        with engine.connect() as conn:
            legs = dict(conn.execute(text("SELECT name, leg_km FROM trip_waypoints")).all())
            hours = dict(conn.execute(text("SELECT name, leg_hours FROM trip_waypoints")).all())
            geometry = conn.execute(text("SELECT route_geometry FROM trips")).scalars().all()
            name = conn.execute(text("SELECT name FROM saved_places")).scalar_one()
    finally:
        engine.dispose()
    expected = geo.estimate_route([(-33.87, 151.21), (-35.28, 149.13), (-37.81, 144.96)]).legs
    assert legs == {
        "a": None,
        "b": pytest.approx(round(expected[0].distance_km, 1)),
        "c": pytest.approx(round(expected[1].distance_km, 1)),
        "d": None,
    }
    assert hours["b"] == pytest.approx(expected[0].duration_hours, abs=0.01)
    assert geometry == [None, None]
    assert name == "x" * 120

    command.downgrade(cfg, "0003")
    command.upgrade(cfg, "head")
